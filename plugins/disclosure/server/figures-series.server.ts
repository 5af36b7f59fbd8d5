import { chinaDate, chinaYear, type WorkCalendar } from "../../../app/plugin-api";
import { timeliness } from "./timeliness";
import type { DisclosureTransaction, DisclosureWidgetContext } from "./context";

/**
 * Items published per month and the share of them published on time (条例第二十六条: within 20
 * working days of being formed, or the list row's own limit), per office, from one read: the
 * oversight widgets' series (the host passes the months) and the 公开统计 page's year.
 */

export interface MonthFigures {
  published: number;
  onTime: number;
}

const iso = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

/** The month after `YYYY-MM`, as its first day. */
function monthAfter(ym: string): string {
  const k = Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7));
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}-01`;
}

/** Per office, per month (`YYYY-MM`, consecutive, oldest first), the items published in it and how many of them on time; in one read. */
export async function publicationMonths(
  trx: DisclosureTransaction,
  calendar: WorkCalendar,
  tenantIds: readonly string[],
  months: readonly string[],
  today = chinaDate(),
): Promise<Map<string, MonthFigures[]>> {
  const out = new Map(tenantIds.map((id) => [id, months.map(() => ({ published: 0, onTime: 0 }))]));
  if (months.length === 0 || tenantIds.length === 0) return out;
  const rows = await trx
    .selectFrom("disclosure_items as i")
    .leftJoin("disclosure_list_rows as r", (j) => j.onRef("r.tenant_id", "=", "i.tenant_id").onRef("r.key", "=", "i.list_row_key"))
    .select(["i.tenant_id", "i.formed_on", "i.published_on", "r.time_limit_workdays"])
    .where("i.tenant_id", "in", [...tenantIds])
    .where("i.published_on", ">=", `${months[0]}-01`)
    .where("i.published_on", "<", monthAfter(months[months.length - 1]!))
    .execute();
  const index = new Map(months.map((m, i) => [m, i]));
  for (const r of rows) {
    const published = iso(r.published_on);
    const i = index.get(published.slice(0, 7));
    const cells = out.get(r.tenant_id);
    if (i === undefined || !cells) continue;
    cells[i]!.published += 1;
    if (!timeliness(calendar, iso(r.formed_on), published, today, r.time_limit_workdays ?? undefined).late) cells[i]!.onTime += 1;
  }
  return out;
}

const fromWidget = (ctx: DisclosureWidgetContext, tenantIds: string[], months: readonly string[], today?: string) =>
  ctx.withRead(tenantIds, (trx) => publicationMonths(trx, ctx.calendar, tenantIds, months, today));

const rate = (f: MonthFigures): number | null => (f.published === 0 ? null : Math.round((f.onTime / f.published) * 1000) / 10);

/** Series of `disclosure.published`: items published per month. */
export async function publishedByMonth(ctx: DisclosureWidgetContext, tenantIds: string[], months: string[]): Promise<Record<string, number[]>> {
  const figures = await fromWidget(ctx, tenantIds, months);
  return Object.fromEntries([...figures].map(([id, cells]) => [id, cells.map((c) => c.published)]));
}

/** Series of `disclosure.onTime`: per month, the share of the items published in it that were on time; null in a month without any. */
export async function onTimeByMonth(ctx: DisclosureWidgetContext, tenantIds: string[], months: string[]): Promise<Record<string, (number | null)[]>> {
  const figures = await fromWidget(ctx, tenantIds, months);
  return Object.fromEntries([...figures].map(([id, cells]) => [id, cells.map(rate)]));
}

/** Widget `disclosure.onTime`: of the items published this year, the share published on time (percent, one decimal); null when none was. */
export async function onTimeThisYear(ctx: DisclosureWidgetContext, tenantIds: string[], today = chinaDate()): Promise<Record<string, number | null>> {
  const year = chinaYear();
  const months = Array.from({ length: Number(today.slice(5, 7)) }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
  const figures = await fromWidget(ctx, tenantIds, months, today);
  return Object.fromEntries(
    [...figures].map(([id, cells]) => [id, rate(cells.reduce((a, c) => ({ published: a.published + c.published, onTime: a.onTime + c.onTime }), { published: 0, onTime: 0 }))]),
  );
}
