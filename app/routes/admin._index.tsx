import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuditPresenter, auditPlugins } from "~/core/audit/present.server";
import { everyChain, queryAuditEvents } from "~/core/audit/query.server";
import { countAccounts } from "~/core/auth/account-admin.server";
import { fixedT, localeOf } from "~/core/i18n/locale.server";
import { PLATFORM_NAV, visibleNav } from "~/core/navigation";
import { readAsPlatform, requirePlatform } from "~/core/permissions/platform.server";
import { AuditTable } from "~/ui/audit/audit-table";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

/** What this administrator's role covers, a few numbers, and for the auditor the latest events. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = await requirePlatform(request, context);
  const locale = await localeOf(request);
  const t = await fixedT(context, request, "platform");
  const tenants = (await context.services.tenants.fresh()).all();
  const accounts = await readAsPlatform(ctx, [], (trx) => countAccounts(trx));
  const presenter = new AuditPresenter(context.services.translators[locale], locale, auditPlugins(context.services.plugins.plugins), tenants);
  const latest = ctx.permissions.has("core.audit.read")
    ? (
        await queryAuditEvents(
          context.services.db,
          everyChain(ctx.user.id, tenants.map((x) => x.id)),
          {},
          1,
          10,
        )
      ).rows.map((e) => presenter.view(e))
    : null;
  return {
    title: `${t("overview.title")} · ${t("console.title")}`,
    role: ctx.user.platformRole!,
    displayName: ctx.user.displayName,
    // Each link with its own description (overview.links.<its nav key>), not its permission's name, which several share.
    links: visibleNav(PLATFORM_NAV, ctx.permissions).map((n) => ({ label: n.label, to: n.to, key: n.label.replace(/^nav\./, "") })),
    stats: { ...accounts, tenants: tenants.length },
    latest,
  };
}

export default function PlatformHome() {
  const { t } = useTranslation("platform");
  const { role, displayName, links, stats, latest } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("overview.title")}</h1>
      <p className="lead">{t("overview.welcome", { name: displayName, role: t(`core:roles.${role}`) })}</p>
      <section aria-labelledby="duties">
        <h2 id="duties">{t("overview.dutiesTitle")}</h2>
        <p>{t(`overview.duties.${role}`)}</p>
        <p className="muted">{t("overview.separation")}</p>
        <ul className="overview-links">
          {links.map((l) => (
            <li key={l.to}>
              <Link to={l.to}>{t(`core:${l.label}`)}</Link>
              <p className="muted">{t(`overview.links.${l.key}`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="stats">
        <h2 id="stats">{t("overview.statsTitle")}</h2>
        <dl className="meta-table">
          <dt>{t("overview.stats.accounts")}</dt>
          <dd>{stats.total}</dd>
          <dt>{t("overview.stats.locked")}</dt>
          <dd>{stats.locked}</dd>
          <dt>{t("overview.stats.disabled")}</dt>
          <dd>{stats.disabled}</dd>
          <dt>{t("overview.stats.tenants")}</dt>
          <dd>{stats.tenants}</dd>
        </dl>
      </section>
      {latest && (
        <section aria-labelledby="latest">
          <h2 id="latest">{t("overview.latestTitle")}</h2>
          <AuditTable rows={latest} caption={t("overview.latestTitle")} />
          <p>
            <Link to="/admin/audit">{t("overview.allEvents")}</Link>
          </p>
        </section>
      )}
    </>
  );
}
