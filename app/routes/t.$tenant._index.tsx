import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localeOf } from "~/core/i18n/locale.server";
import { requireTenant } from "~/core/tenancy/staff.server";
import { useLocale } from "~/ui/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data, location }) =>
  data
    ? [
        { title: data.tenant.name[data.locale] },
        { tagName: "link", rel: "canonical", href: location.pathname },
      ]
    : [];

/** An office's public home, inside the office's public site layout (its navigation and footer): who it is, how to reach it, the offices above and below it. */
export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const tenant = await requireTenant(context, params.tenant);
  if (!tenant.isPublic) throw new Response("Not Found", { status: 404 });
  const dir = context.services.tenants;
  const parent = tenant.parentId ? dir.byId(tenant.parentId) : undefined;
  return {
    locale: await localeOf(request),
    tenant: { code: tenant.code, name: tenant.name, creditCode: tenant.creditCode, regionCode: tenant.regionCode, contact: tenant.settings.contact },
    parent: parent?.isPublic ? { code: parent.code, name: parent.name } : null,
    children: dir.children(tenant.id).filter((c) => c.isPublic).map((c) => ({ code: c.code, name: c.name })),
  };
}

export default function TenantHome() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { tenant, parent, children } = useLoaderData<typeof loader>();
  const c = tenant.contact;
  return (
    <>
      <h1>{tenant.name[locale]}</h1>
      <section aria-labelledby="contact">
        <h2 id="contact">{t("tenant.contact")}</h2>
        <dl className="meta-table">
          <dt>{t("tenant.creditCode")}</dt>
          <dd>{tenant.creditCode}</dd>
          {c.address && (
            <>
              <dt>{t("tenant.address")}</dt>
              <dd>{c.address[locale]}</dd>
            </>
          )}
          {c.hours && (
            <>
              <dt>{t("tenant.hours")}</dt>
              <dd>{c.hours[locale]}</dd>
            </>
          )}
          {c.phone && (
            <>
              <dt>{t("tenant.phone")}</dt>
              <dd>{c.phone}</dd>
            </>
          )}
          {c.fax && (
            <>
              <dt>{t("tenant.fax")}</dt>
              <dd>{c.fax}</dd>
            </>
          )}
          {c.email && (
            <>
              <dt>{t("tenant.email")}</dt>
              <dd>
                <a href={`mailto:${c.email}`}>{c.email}</a>
              </dd>
            </>
          )}
        </dl>
      </section>
      {parent && (
        <p>
          {t("tenant.parent")}: <Link to={`/t/${parent.code}`}>{parent.name[locale]}</Link>
        </p>
      )}
      {children.length > 0 && (
        <section aria-labelledby="branches">
          <h2 id="branches">{t("tenant.branches")}</h2>
          <ul>
            {children.map((ch) => (
              <li key={ch.code}>
                <Link to={`/t/${ch.code}`}>{ch.name[locale]}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
