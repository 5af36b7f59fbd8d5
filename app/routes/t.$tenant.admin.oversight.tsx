import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localeOf } from "~/core/i18n/locale.server";
import { requirePermission, requireStaff } from "~/core/tenancy/staff.server";

/** The supervisor's list of subordinate offices, each opening that office's workspace read-only. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, context, params.tenant);
  requirePermission(ctx, "core.oversight.view");
  const locale = await localeOf(request);
  const dir = context.services.tenants;
  const offices = ctx.access.readTenantIds
    .filter((id) => id !== ctx.tenant.id)
    .map((id) => dir.byId(id))
    .filter((t) => t !== undefined)
    .map((t) => ({ code: t.code, name: t.name[locale], regionCode: t.regionCode }));
  return { offices };
}

export default function Oversight() {
  const { t } = useTranslation();
  const { offices } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("oversight.title")}</h1>
      <p className="muted">{t("oversight.intro")}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("oversight.office")}</th>
            <th scope="col">{t("tenant.regionCode")}</th>
          </tr>
        </thead>
        <tbody>
          {offices.map((o) => (
            <tr key={o.code}>
              <td>
                <Link to={`/t/${o.code}/admin`}>{o.name}</Link>
              </td>
              <td>{o.regionCode}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
