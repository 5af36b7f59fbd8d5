import type { PluginManifest, ReportBatchContext } from "../../../app/plugin-api";
import type { RequestsDatabase } from "../db/schema";
import { TABLE_FOUR_CELLS, TABLE_THREE_CELLS } from "./figures/labels";
import { reportFactsSection } from "./figures/report-facts.server";
import { tableFourByTenant, tableThreeByTenant } from "./figures/tables.server";
import { AGE_BUCKETS, onTimeByMonth, openByAge, openNow } from "./figures/series.server";
import { medianDaysThisYear, onTimeThisYear, overdueNow, receivedThisYear } from "./figures/widgets.server";

type BatchContext = ReportBatchContext<RequestsDatabase>;

/** One figure per cell: the cell's number in each office's table, by the figure's key. */
function byKey<T, C extends { key: string }>(tables: Map<string, T>, cells: readonly C[], value: (table: T, cell: C) => number): Map<string, Record<string, number>> {
  return new Map([...tables].map(([id, table]) => [id, Object.fromEntries(cells.map((c) => [c.key, value(table, c)]))]));
}

/**
 * Annual report tables 三 and 四, one figure per data cell (keys `requests.t3.<row>.<column>`,
 * `requests.t4.<group>.<outcome>`), each table one read for every office asked about.
 */
export const reportFigures: NonNullable<PluginManifest<RequestsDatabase>["reportFigures"]> = [
  {
    key: "requests.t3",
    label: "requests:sections.t3",
    figures: TABLE_THREE_CELLS.map((c) => ({ key: c.key, label: `requests:${c.labelKey}` })),
    compute: (ctx: BatchContext, tenantIds, year) =>
      ctx.withRead(tenantIds, async (trx) => byKey(await tableThreeByTenant(trx, tenantIds, year), TABLE_THREE_CELLS, (t, c) => t[c.row][c.column])),
  },
  {
    key: "requests.t4",
    label: "requests:sections.t4",
    figures: TABLE_FOUR_CELLS.map((c) => ({ key: c.key, label: `requests:${c.labelKey}`, description: `requests:${c.descriptionKey}` })),
    compute: (ctx: BatchContext, tenantIds, year) =>
      ctx.withRead(tenantIds, async (trx) => byKey(await tableFourByTenant(trx, tenantIds, year), TABLE_FOUR_CELLS, (t, c) => t[c.group][c.outcome])),
  },
  reportFactsSection,
];

/** Counts carry no direction (more applications is neither good nor bad); the reply times do. */
export const widgets: NonNullable<PluginManifest["widgets"]> = [
  { key: "requests.received", label: "requests:widgets.received", description: "requests:widgets.receivedAbout", format: "count", compute: (ctx, ids) => receivedThisYear(ctx, ids) },
  {
    key: "requests.open",
    label: "requests:widgets.open",
    description: "requests:widgets.openAbout",
    format: "count",
    compute: (ctx, ids) => openNow(ctx, ids),
    series: { label: "requests:widgets.openByAge", over: [...AGE_BUCKETS], compute: (ctx, ids, buckets) => openByAge(ctx, ids, buckets) },
  },
  {
    key: "requests.onTime",
    label: "requests:widgets.onTime",
    description: "requests:widgets.onTimeAbout",
    format: "percent",
    better: "higher",
    compute: (ctx, ids) => onTimeThisYear(ctx, ids),
    series: { label: "requests:widgets.onTimeByMonth", over: "months", compute: (ctx, ids, months) => onTimeByMonth(ctx, ids, months) },
  },
  { key: "requests.overdue", label: "requests:widgets.overdue", description: "requests:widgets.overdueAbout", format: "count", better: "lower", compute: (ctx, ids) => overdueNow(ctx, ids) },
  // Lower is better: 条例第三十三条 asks for a reply on the spot where possible, the 20 working days are the limit, not the aim.
  { key: "requests.medianDays", label: "requests:widgets.medianDays", description: "requests:widgets.medianDaysAbout", format: "days", better: "lower", compute: (ctx, ids) => medianDaysThisYear(ctx, ids) },
];
