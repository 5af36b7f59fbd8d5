import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ACCOUNT_STATUSES, listAccounts } from "~/core/auth/account-admin.server";
import { readFilters } from "~/core/forms.server";
import { fixedT } from "~/core/i18n/locale.server";
import { requirePlatform, withPlatform } from "~/core/permissions/platform.server";
import { PLATFORM_ROLES } from "~/core/permissions/roles";
import { IgnoredFilters } from "~/ui/ignored-filters";
import { FilterBar, Pager, SelectField, TextField } from "~/ui/form-kit";
import { TableScroll } from "~/ui/table-scroll";

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
  return (
    <>
      <h1>{t("accounts.title")}</h1>
      <p>
        <Link className="button primary" to="/admin/accounts/new">
          {t("accounts.new")}
        </Link>
      </p>
      <FilterBar label={t("accounts.filters")} applyLabel={t("common.filter")}>
        <TextField name="q" type="search" label={t("accounts.search")} defaultValue={filter.q} />
        <SelectField
          name="status"
          label={t("accounts.status")}
          defaultValue={filter.status}
          options={[{ value: "", label: t("common.all") }, ...["active", "locked", "disabled"].map((s) => ({ value: s, label: t(`accounts.statuses.${s}`) }))]}
        />
        <SelectField
          name="role"
          label={t("accounts.platformRole")}
          defaultValue={filter.role}
          options={[
            { value: "", label: t("common.all") },
            ...PLATFORM_ROLES.map((r) => ({ value: r, label: t(`core:roles.${r}`) })),
            { value: "none", label: t("accounts.noPlatformRole") },
          ]}
        />
      </FilterBar>
      <IgnoredFilters ignored={ignored} labels={{ q: t("accounts.search"), status: t("accounts.status"), role: t("accounts.platformRole") }} />
      <TableScroll labelledBy="accounts-caption">
        <table className="table">
          <caption id="accounts-caption">{t("accounts.caption", { count: total })}</caption>
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
      </TableScroll>
      <Pager page={page} pages={pages} />
    </>
  );
}
