import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ACCOUNT_STATUSES, listAccounts } from "~/core/auth/account-admin.server";
import { readFilters } from "~/core/forms.server";
import { fixedT } from "~/core/i18n/locale.server";
import { requirePlatform, withPlatform } from "~/core/permissions/platform.server";
import { PLATFORM_ROLES } from "~/core/permissions/roles";
import { IgnoredFilters } from "~/ui/ignored-filters";
import { Pager } from "~/ui/pager";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

const PAGE_SIZE = 20;

/** Filters arrive in the URL; an unusable one is left out and named above the list. */
const FilterSchema = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  role: z.enum([...PLATFORM_ROLES, "none"]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = await requirePlatform(request, context, "core.accounts.manage");
  const t = await fixedT(context, request, "platform");
  const { data: filter, ignored } = readFilters(FilterSchema, new URL(request.url).searchParams);
  const tenantIds = (await context.services.tenants.fresh()).all().map((x) => x.id);
  const { accounts, total } = await withPlatform(ctx, { readTenantIds: tenantIds }, (trx) =>
    listAccounts(trx, { ...filter, q: filter.q || undefined, pageSize: PAGE_SIZE }),
  );
  return {
    title: `${t("accounts.title")} · ${t("console.title")}`,
    filter: { q: filter.q ?? "", status: filter.status ?? "", role: filter.role ?? "" },
    page: filter.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    accounts,
    ignored,
  };
}

export default function AccountList() {
  const { t } = useTranslation("platform");
  const { filter, page, pages, total, accounts, ignored } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <>
      <h1>{t("accounts.title")}</h1>
      <p>
        <Link className="button primary" to="/admin/accounts/new">
          {t("accounts.new")}
        </Link>
      </p>
      <Form method="get" className="filters" role="search" aria-label={t("accounts.filters")}>
        <div className="field">
          <label htmlFor="f-q">{t("accounts.search")}</label>
          <input id="f-q" name="q" type="search" defaultValue={filter.q} />
        </div>
        <div className="field">
          <label htmlFor="f-status">{t("accounts.status")}</label>
          <select id="f-status" name="status" defaultValue={filter.status}>
            <option value="">{t("common.all")}</option>
            {["active", "locked", "disabled"].map((s) => (
              <option key={s} value={s}>
                {t(`accounts.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-role">{t("accounts.platformRole")}</label>
          <select id="f-role" name="role" defaultValue={filter.role}>
            <option value="">{t("common.all")}</option>
            {PLATFORM_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`core:roles.${r}`)}
              </option>
            ))}
            <option value="none">{t("accounts.noPlatformRole")}</option>
          </select>
        </div>
        <button type="submit" className="button">
          {t("common.filter")}
        </button>
      </Form>
      <IgnoredFilters ignored={ignored} labels={{ q: t("accounts.search"), status: t("accounts.status"), role: t("accounts.platformRole") }} />
      <table className="table">
        <caption>{t("accounts.caption", { count: total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("accounts.username")}</th>
            <th scope="col">{t("accounts.displayName")}</th>
            <th scope="col">{t("accounts.platformRole")}</th>
            <th scope="col">{t("accounts.status")}</th>
            <th scope="col">{t("accounts.memberships")}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link to={`/admin/accounts/${a.id}`}>{a.username}</Link>
              </th>
              <td>{a.displayName}</td>
              <td>{a.platformRole ? t(`core:roles.${a.platformRole}`) : <span className="muted">—</span>}</td>
              <td className={a.status === "active" ? undefined : "outcome-failure"}>{t(`accounts.statuses.${a.status}`)}</td>
              <td>{a.memberships}</td>
            </tr>
          ))}
          {accounts.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                {t("accounts.none")}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <Pager
        search={search}
        page={page}
        hasNext={page < pages}
        labels={{
          nav: t("common.pages"),
          previous: t("common.previous"),
          next: t("common.next"),
          current: t("common.pageOf", { page, pages }),
        }}
      />
    </>
  );
}
