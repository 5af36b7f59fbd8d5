import type { PluginManifest, PluginRequestContext } from "../../../app/plugin-api";
import { TABLE_FOUR_CELLS, TABLE_THREE_CELLS } from "./figures/labels";
import { reportTables } from "./figures/tables.server";
import { medianDaysThisYear, onTimeThisYear, overdueNow, receivedThisYear } from "./figures/widgets.server";

type Tables = Awaited<ReturnType<typeof reportTables>>;

// The report asks for ~200 figures with one context: both tables are read once per context and year.
const computed = new WeakMap<PluginRequestContext, Map<number, Promise<Tables>>>();

export function tablesFor(ctx: PluginRequestContext, year: number): Promise<Tables> {
  let years = computed.get(ctx);
  if (!years) computed.set(ctx, (years = new Map()));
  let tables = years.get(year);
  if (!tables) {
    tables = ctx.withTenant((trx) => reportTables(trx, [ctx.tenant.id], year));
    years.set(year, tables);
    tables.catch(() => years.delete(year));
  }
  return tables;
}

/** Annual report tables 三 and 四, one figure per data cell (keys `requests.t3.<row>.<column>`, `requests.t4.<group>.<outcome>`). */
export const reportFigures: NonNullable<PluginManifest["reportFigures"]> = [
  ...TABLE_THREE_CELLS.map((c) => ({
    key: c.key,
    label: `requests:${c.labelKey}`,
    compute: async (ctx: PluginRequestContext, year: number) => (await tablesFor(ctx, year)).three[c.row][c.column],
  })),
  ...TABLE_FOUR_CELLS.map((c) => ({
    key: c.key,
    label: `requests:${c.labelKey}`,
    description: `requests:${c.descriptionKey}`,
    compute: async (ctx: PluginRequestContext, year: number) => (await tablesFor(ctx, year)).four[c.group][c.outcome],
  })),
];

export const widgets: NonNullable<PluginManifest["widgets"]> = [
  { key: "requests.received", label: "requests:widgets.received", format: "count", better: "higher", compute: (ctx, ids) => receivedThisYear(ctx, ids) },
  { key: "requests.onTime", label: "requests:widgets.onTime", format: "percent", better: "higher", compute: (ctx, ids) => onTimeThisYear(ctx, ids) },
  { key: "requests.overdue", label: "requests:widgets.overdue", format: "count", better: "lower", compute: (ctx, ids) => overdueNow(ctx, ids) },
  { key: "requests.medianDays", label: "requests:widgets.medianDays", format: "days", better: "lower", compute: (ctx, ids) => medianDaysThisYear(ctx, ids) },
];
