import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { fixedT, localeOf } from "~/core/i18n/locale.server";
import { requirePermission, requireStaff } from "~/core/tenancy/staff.server";
import { computeWidgets } from "~/plugin-host/widgets.server";
import { Chart } from "~/ui/charts";
import { officeRankCharts, oversightSeriesCharts } from "~/ui/charts/widget-charts.server";
import { elderModeOf } from "~/ui/elder-mode.server";
import { OversightTable, type OfficeRow } from "~/ui/oversight-table";

/**
 * The supervisor's dashboard: this office and every office under it, side by side on the widgets
 * their modules contribute, as a table, one chart per widget (an office a bar) and the widgets'
 * series across the offices (trends by month, open applications by age). Each office name opens
 * that office's workspace, read-only for a supervisor. Charts are SVG drawn here, on the server.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, context, params.tenant);
  requirePermission(ctx, "core.oversight.view");
  const locale = await localeOf(request);
  const dir = context.services.tenants;
  const readable = new Set(ctx.access.supervisedTenantIds);
  const depth = (id: string): number => {
    const parent = dir.byId(id)?.parentId;
    return id === ctx.tenant.id || !parent ? 0 : 1 + depth(parent);
  };
  const offices: OfficeRow[] = dir
    .subtree(ctx.tenant.id)
    .filter((id) => readable.has(id))
    .flatMap((id) => {
      const t = dir.byId(id);
      return t
        ? [
            {
              id: t.id,
              code: t.code,
              name: t.name[locale],
              regionCode: t.regionCode,
              depth: depth(id),
            },
          ]
        : [];
    });
  const results = await computeWidgets(context, {
    viewerUserId: ctx.user.id,
    readableTenantIds: ctx.access.supervisedTenantIds,
    tenantIds: offices.map((o) => o.id),
    permissions: ctx.permissions,
    series: true,
  });
  const draw = {
    locale,
    elder: elderModeOf(request),
    t: await fixedT(context, request),
  };
  const widgets = results.map(({ series: _series, ...w }) => w);
  return {
    offices,
    widgets,
    trends: oversightSeriesCharts(results, offices, draw),
    perOffice: officeRankCharts(results, offices, draw),
  };
}

export default function Oversight() {
  const { t } = useTranslation();
  const { offices, widgets, trends, perOffice } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("oversight.title")}</h1>
      <p className="muted">{t("oversight.intro")}</p>
      {widgets.length === 0 && <p className="notice notice-info">{t("oversight.noWidgets")}</p>}
      <OversightTable offices={offices} widgets={widgets} />
      {trends.length > 0 && (
        <section aria-labelledby="oversight-trends">
          <h2 id="oversight-trends">{t("oversight.trends")}</h2>
          <div className="charts">
            {trends.map((c) => (
              <Chart key={c.id} chart={c} />
            ))}
          </div>
        </section>
      )}
      {perOffice.length > 0 && (
        <section aria-labelledby="oversight-charts">
          <h2 id="oversight-charts">{t("oversight.charts")}</h2>
          <p className="hint">{t("oversight.chartsHint")}</p>
          <div className="charts">
            {perOffice.map((c) => (
              <Chart key={c.id} chart={c} />
            ))}
          </div>
        </section>
      )}
    </>
  );
}
