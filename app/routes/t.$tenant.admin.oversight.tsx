import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localeOf } from "~/core/i18n/locale.server";
import { requirePermission, requireStaff } from "~/core/tenancy/staff.server";
import { computeWidgets } from "~/plugin-host/widgets.server";
import { BarChart } from "~/ui/bar-chart";
import { OversightTable, type OfficeRow } from "~/ui/oversight-table";

/**
 * The supervisor's dashboard: this office and every office under it, side by side on the widgets
 * their modules contribute, as a table and one bar chart per widget. Each office name opens that
 * office's workspace, read-only for a supervisor.
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
      return t ? [{ id: t.id, code: t.code, name: t.name[locale], regionCode: t.regionCode, depth: depth(id) }] : [];
    });
  const widgets = await computeWidgets(context, {
    viewerUserId: ctx.user.id,
    readableTenantIds: ctx.access.supervisedTenantIds,
    tenantIds: offices.map((o) => o.id),
    permissions: ctx.permissions,
  });
  return { offices, widgets };
}

export default function Oversight() {
  const { t } = useTranslation();
  const { offices, widgets } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("oversight.title")}</h1>
      <p className="muted">{t("oversight.intro")}</p>
      {widgets.length === 0 && <p className="notice notice-info">{t("oversight.noWidgets")}</p>}
      <OversightTable offices={offices} widgets={widgets} />
      {widgets.length > 0 && (
        <section aria-labelledby="oversight-charts">
          <h2 id="oversight-charts">{t("oversight.charts")}</h2>
          <div className="bar-charts">
            {widgets.map((w) => (
              <BarChart
                key={w.key}
                title={t(w.label)}
                format={w.format}
                better={w.better}
                rows={offices.map((o) => ({ id: o.id, name: o.name, value: w.values[o.id] ?? null }))}
              />
            ))}
          </div>
        </section>
      )}
    </>
  );
}
