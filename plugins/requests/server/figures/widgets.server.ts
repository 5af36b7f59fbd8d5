import { sql } from "kysely";
import { chinaDate } from "../../../../app/plugin-api";
import { clockId } from "../../db/schema";

import type { RequestsTransaction, RequestsWidgetContext } from "../context";

/**
 * The oversight widgets: one number per office, as of `today` in China. Replies are
 * judged by the reply clock on the core ledger, so on time and days used follow the law's working
 * days, pauses and extension exactly as the application page shows them.
 */

type PerTenant = Record<string, number | null>;

interface AppRow {
  tenant_id: string;
  id: string;
}

const byTenant = (tenantIds: string[], value: (id: string) => number | null): PerTenant => Object.fromEntries(tenantIds.map((id) => [id, value(id)]));

async function withStatuses(ctx: RequestsWidgetContext, trx: RequestsTransaction, rows: AppRow[], today: string) {
  const statuses = await ctx.clockStatuses(trx, rows.map((r) => clockId(r.id)), today);
  return rows.flatMap((r) => {
    const status = statuses.get(clockId(r.id));
    return status ? [{ tenantId: r.tenant_id, status }] : [];
  });
}

/** Applications closed this year (by reply or otherwise), with their stopped clocks. */
function closedThisYear(ctx: RequestsWidgetContext, tenantIds: string[], today: string) {
  return ctx.withRead(tenantIds, async (trx) => {
    const { rows } = await sql<AppRow>`
      SELECT tenant_id, id FROM requests_applications
       WHERE tenant_id IN (${sql.join(tenantIds)}) AND status = 'closed'
         AND closed_on BETWEEN ${`${today.slice(0, 4)}-01-01`}::date AND ${today}::date`.execute(trx);
    return withStatuses(ctx, trx, rows, today);
  });
}

/** Applications received this year (receipt date in the year; unconfirmed online ones are not yet received). */
export async function receivedThisYear(ctx: RequestsWidgetContext, tenantIds: string[], today = chinaDate()): Promise<PerTenant> {
  const rows = await ctx.withRead(tenantIds, async (trx) => {
    const { rows } = await sql<{ tenant_id: string; n: number }>`
      SELECT tenant_id, count(*)::int AS n FROM requests_applications
       WHERE tenant_id IN (${sql.join(tenantIds)})
         AND received_on BETWEEN ${`${today.slice(0, 4)}-01-01`}::date AND ${today}::date
       GROUP BY tenant_id`.execute(trx);
    return rows;
  });
  return byTenant(tenantIds, (id) => rows.find((r) => r.tenant_id === id)?.n ?? 0);
}

/** Of the applications closed this year, the share closed by their due date (percent, one decimal); null when none closed. */
export async function onTimeThisYear(ctx: RequestsWidgetContext, tenantIds: string[], today = chinaDate()): Promise<PerTenant> {
  const closed = await closedThisYear(ctx, tenantIds, today);
  return byTenant(tenantIds, (id) => {
    const mine = closed.filter((c) => c.tenantId === id);
    if (mine.length === 0) return null;
    const onTime = mine.filter((c) => c.status.overdueDays === 0).length;
    return Math.round((onTime / mine.length) * 1000) / 10;
  });
}

/** Open applications past their due date today. */
export async function overdueNow(ctx: RequestsWidgetContext, tenantIds: string[], today = chinaDate()): Promise<PerTenant> {
  const open = await ctx.withRead(tenantIds, async (trx) => {
    const { rows } = await sql<AppRow>`
      SELECT tenant_id, id FROM requests_applications
       WHERE tenant_id IN (${sql.join(tenantIds)}) AND status NOT IN ('closed', 'unconfirmed')`.execute(trx);
    return withStatuses(ctx, trx, rows, today);
  });
  return byTenant(tenantIds, (id) => open.filter((o) => o.tenantId === id && o.status.state === "overdue").length);
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of working days used by the replies closed this year (pauses excluded); null when none closed. */
export async function medianDaysThisYear(ctx: RequestsWidgetContext, tenantIds: string[], today = chinaDate()): Promise<PerTenant> {
  const closed = await closedThisYear(ctx, tenantIds, today);
  return byTenant(tenantIds, (id) => median(closed.filter((c) => c.tenantId === id).map((c) => c.status.usedDays)));
}
