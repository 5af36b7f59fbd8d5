import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { fixedT, localeOf } from "~/core/i18n/locale.server";
import { requirePermission, requireStaff } from "~/core/tenancy/staff.server";
import { computeWidgets } from "~/plugin-host/widgets.server";
import { Chart } from "~/ui/charts";
import { officeSeriesCharts } from "~/ui/charts/widget-charts.server";
import { elderModeOf } from "~/ui/elder-mode.server";
import { useRoleLabel } from "~/ui/role-label";
import { WidgetCards } from "~/ui/widget-cards";

/** The staff home: the office's figures from its modules' widgets and their trends (SVG drawn here), then who you are here and what you may do. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, context, params.tenant);
  requirePermission(ctx, "core.workspace.view");
  const locale = await localeOf(request);
  const results = await computeWidgets(context, {
    viewerUserId: ctx.user.id,
    readableTenantIds: ctx.access.readTenantIds,
    tenantIds: [ctx.tenant.id],
    permissions: ctx.permissions,
    series: true,
  });
  const widgets = results.map(({ series: _series, ...w }) => w);
  const charts = officeSeriesCharts(results, ctx.tenant.id, { locale, elder: elderModeOf(request), t: await fixedT(context, request) });
  return {
    tenantId: ctx.tenant.id,
    tenantName: ctx.tenant.name[locale],
    displayName: ctx.user.displayName,
    widgets,
    charts,
    roles: ctx.access.roles,
    permissions: context.services.permissions
      .all()
      .filter((p) => ctx.permissions.has(p.key))
      .map((p) => ({ key: p.key, label: p.label })),
  };
}

export default function StaffHome() {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const { tenantId, tenantName, displayName, widgets, charts, roles, permissions } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("workspace.title")}</h1>
      <p className="lead">{t("workspace.welcome", { name: displayName, tenant: tenantName })}</p>
      <section aria-labelledby="figures">
        <h2 id="figures">{t("workspace.figures")}</h2>
        {widgets.length ? <WidgetCards widgets={widgets} tenantId={tenantId} /> : <p className="muted">{t("workspace.noWidgets")}</p>}
      </section>
      {charts.length > 0 && (
        <section aria-labelledby="trends">
          <h2 id="trends">{t("workspace.trends")}</h2>
          <div className="charts">
            {charts.map((c) => (
              <Chart key={c.id} chart={c} />
            ))}
          </div>
        </section>
      )}
      <section aria-labelledby="roles">
        <h2 id="roles">{t("workspace.yourRoles")}</h2>
        <ul className="inline-list tags">
          {roles.map((r) => (
            <li key={r}>{roleLabel(r)}</li>
          ))}
        </ul>
        <details className="permission-list">
          <summary>{t("workspace.yourPermissions")}</summary>
          <ul>
            {permissions.map(({ key: p, label }) => (
              <li key={p}>
                {t(label)} <code className="muted">{p}</code>
              </li>
            ))}
          </ul>
        </details>
      </section>
    </>
  );
}
