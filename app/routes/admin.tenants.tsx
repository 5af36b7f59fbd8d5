import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { fixedT, localeOf } from "~/core/i18n/locale.server";
import { requirePlatform } from "~/core/permissions/platform.server";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

/** Tenants are code (reviewed, versioned); the console shows what is applied, it does not edit it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePlatform(request, context, "core.tenants.manage");
  const locale = await localeOf(request);
  const t = await fixedT(context, request, "platform");
  const dir = await context.services.tenants.fresh();
  const tenants = dir
    .all()
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((x) => ({
      code: x.code,
      name: x.name[locale],
      level: x.level,
      parent: x.parentId ? dir.byId(x.parentId)?.name[locale] ?? null : null,
      regionCode: x.regionCode,
      creditCode: x.creditCode,
      hosts: x.hosts,
      plugins: x.plugins,
      isPublic: x.isPublic,
    }));
  return { title: `${t("tenants.title")} · ${t("console.title")}`, tenants };
}

export default function TenantsPage() {
  const { t } = useTranslation("platform");
  const { tenants } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("tenants.title")}</h1>
      <p className="notice notice-info">{t("tenants.asCode")}</p>
      <TableScroll labelledBy="tenants-caption">
        <table className="table">
          <caption id="tenants-caption">{t("tenants.caption", { count: tenants.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("tenants.code")}</th>
              <th scope="col">{t("tenants.name")}</th>
              <th scope="col">{t("tenants.level")}</th>
              <th scope="col">{t("core:tenant.parent")}</th>
              <th scope="col">{t("core:tenant.regionCode")}</th>
              <th scope="col">{t("core:tenant.creditCode")}</th>
              <th scope="col">{t("tenants.hosts")}</th>
              <th scope="col">{t("tenants.plugins")}</th>
            </tr>
          </thead>
          <tbody>
            {tenants.map((x) => (
              <tr key={x.code}>
                <td>
                  <code>{x.code}</code>
                </td>
                <th scope="row">
                  {x.name}
                  {!x.isPublic && <span className="badge">{t("tenants.notPublic")}</span>}
                </th>
                <td>{t(`tenants.levels.${x.level}`)}</td>
                <td>{x.parent ?? <span className="muted">—</span>}</td>
                <td>{x.regionCode}</td>
                <td>
                  <code>{x.creditCode}</code>
                </td>
                <td>{x.hosts.length ? x.hosts.join(", ") : <span className="muted">—</span>}</td>
                <td>{x.plugins.length ? x.plugins.join(", ") : <span className="muted">—</span>}</td>
              </tr>
            ))}
            {tenants.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  {t("tenants.none")}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
