import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localeOf } from "~/core/i18n/locale.server";
import { requirePermission, requireStaff } from "~/core/tenancy/staff.server";

/** The staff home: who you are here and what you may do. Plugin widgets join it later. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, context, params.tenant);
  requirePermission(ctx, "core.workspace.view");
  const locale = await localeOf(request);
  return {
    tenantName: ctx.tenant.name[locale],
    displayName: ctx.user.displayName,
    roles: ctx.access.roles,
    permissions: [...ctx.permissions].sort(),
  };
}

export default function StaffHome() {
  const { t } = useTranslation();
  const { tenantName, displayName, roles, permissions } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("workspace.title")}</h1>
      <p className="lead">{t("workspace.welcome", { name: displayName, tenant: tenantName })}</p>
      <section aria-labelledby="roles">
        <h2 id="roles">{t("workspace.yourRoles")}</h2>
        <ul className="inline-list tags">
          {roles.map((r) => (
            <li key={r}>{t(`roles.${r}`)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="perms">
        <h2 id="perms">{t("workspace.yourPermissions")}</h2>
        <ul>
          {permissions.map((p) => (
            <li key={p}>
              {t(`permissions.${p}`)} <code className="muted">{p}</code>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
