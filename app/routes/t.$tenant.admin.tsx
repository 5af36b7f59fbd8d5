import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localeOf } from "~/core/i18n/locale.server";
import { STAFF_NAV, tenantNav } from "~/core/navigation";
import { requireStaff } from "~/core/tenancy/staff.server";
import { StaffShell } from "~/ui/staff-shell";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.tenant.title }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, context, params.tenant);
  const locale = await localeOf(request);
  const base = `/t/${ctx.tenant.code}/admin`;
  // An office with nothing below it has no oversight page, whoever looks at it.
  const hasSubordinates = context.services.tenants.children(ctx.tenant.id).length > 0;
  const coreNav = STAFF_NAV.filter((n) => n.to !== "oversight" || hasSubordinates);
  return {
    tenant: { code: ctx.tenant.code, title: ctx.tenant.name[locale] },
    user: ctx.user,
    mode: ctx.access.mode,
    nav: tenantNav(coreNav, context.services.plugins.nav("admin"), ctx.tenant.plugins, ctx.permissions).map((n, _, all) => ({
      label: n.label,
      to: n.to ? `${base}/${n.to}` : base,
      // An entry with entries below it (工作台; a plugin's home) is current only on its own page.
      end: !n.to || all.some((o) => o.to.startsWith(`${n.to}/`)),
    })),
    switcher: ctx.reachable.map((r) => ({
      href: `/t/${r.tenant.code}/admin`,
      label: r.tenant.name[locale],
      current: r.tenant.id === ctx.tenant.id,
      readOnly: r.mode === "supervisor",
    })),
  };
}

export default function StaffLayout() {
  const { t } = useTranslation();
  const { tenant, user, nav, switcher, mode } = useLoaderData<typeof loader>();
  return (
    <StaffShell
      title={tenant.title}
      subtitle={t("shell.staffArea")}
      user={user}
      nav={nav}
      switcher={switcher}
      notice={mode === "supervisor" ? <p className="notice notice-info">{t("shell.supervisionNotice")}</p> : null}
    >
      <Outlet />
    </StaffShell>
  );
}
