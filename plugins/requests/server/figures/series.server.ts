import { sql } from "kysely";
import { chinaDate } from "../../../../app/plugin-api";
import { clockId } from "../../db/schema";
import type { RequestsWidgetContext } from "../context";

/**
 * The requests widgets' series and the widget they belong to: replies on time per month, and the
 * applications open today by the working days their reply clock has used (pauses for 补正 and
 * 征求意见 excluded, as the application page counts them). Statuses come from the core clock ledger.
 */

type PerTenant<T> = Record<string, T>;

/** Open applications today, by working days used: 0–5, 6–10, 11–15, 16–20, over 20 (past the 20-day limit unless extended). */
export const AGE_BUCKETS = ["requests:widgets.age.upTo5", "requests:widgets.age.upTo10", "requests:widgets.age.upTo15", "requests:widgets.age.upTo20", "requests:widgets.age.over20"] as const;
const AGE_LIMITS = [5, 10, 15, 20] as const;

export function ageBucket(usedDays: number): number {
  const i = AGE_LIMITS.findIndex((limit) => usedDays <= limit);
  return i === -1 ? AGE_LIMITS.length : i;
}

/** Open applications (received, not closed) with their clocks' status as of `today`. */
async function openWithStatus(ctx: RequestsWidgetContext, tenantIds: string[], today: string) {
  return ctx.withRead(tenantIds, async (trx) => {
    const { rows } = await sql<{ tenant_id: string; id: string }>`
      SELECT tenant_id, id FROM requests_applications
       WHERE tenant_id IN (${sql.join(tenantIds)}) AND status NOT IN ('closed', 'unconfirmed')`.execute(trx);
    const statuses = await ctx.clockStatuses(trx, rows.map((r) => clockId(r.id)), today);
    return rows.flatMap((r) => {
      const status = statuses.get(clockId(r.id));
      return status ? [{ tenantId: r.tenant_id, status }] : [];
    });
  });
}

/** Widget `requests.open`: applications open today (received and not yet closed). */
export async function openNow(ctx: RequestsWidgetContext, tenantIds: string[], today = chinaDate()): Promise<PerTenant<number>> {
  const open = await openWithStatus(ctx, tenantIds, today);
  return Object.fromEntries(tenantIds.map((id) => [id, open.filter((o) => o.tenantId === id).length]));
}

/** Series of `requests.open`: the open applications in each of `AGE_BUCKETS` (the host passes the declared buckets back). */
export async function openByAge(ctx: RequestsWidgetContext, tenantIds: string[], buckets: string[], today = chinaDate()): Promise<PerTenant<number[]>> {
  const open = await openWithStatus(ctx, tenantIds, today);
  const out: PerTenant<number[]> = Object.fromEntries(tenantIds.map((id) => [id, buckets.map(() => 0)]));
  for (const o of open) {
    const cells = out[o.tenantId];
    if (cells) cells[ageBucket(o.status.usedDays)]! += 1;
  }
  return out;
}

/** Series of `requests.onTime`: per month, of the applications closed in it, the share closed by their due date (percent, one decimal); null in a month without any. */
export async function onTimeByMonth(ctx: RequestsWidgetContext, tenantIds: string[], months: string[], today = chinaDate()): Promise<PerTenant<(number | null)[]>> {
  const closed = await ctx.withRead(tenantIds, async (trx) => {
    const { rows } = await sql<{ tenant_id: string; id: string; month: string }>`
      SELECT tenant_id, id, to_char(closed_on, 'YYYY-MM') AS month FROM requests_applications
       WHERE tenant_id IN (${sql.join(tenantIds)}) AND status = 'closed'
         AND closed_on >= ${`${months[0]}-01`}::date AND closed_on <= ${today}::date`.execute(trx);
    const statuses = await ctx.clockStatuses(trx, rows.map((r) => clockId(r.id)), today);
    return rows.flatMap((r) => {
      const status = statuses.get(clockId(r.id));
      return status ? [{ tenantId: r.tenant_id, month: r.month, onTime: status.overdueDays === 0 }] : [];
    });
  });
  return Object.fromEntries(
    tenantIds.map((id) => [
      id,
      months.map((m) => {
        const mine = closed.filter((c) => c.tenantId === id && c.month === m);
        return mine.length === 0 ? null : Math.round((mine.filter((c) => c.onTime).length / mine.length) * 1000) / 10;
      }),
    ]),
  );
}
