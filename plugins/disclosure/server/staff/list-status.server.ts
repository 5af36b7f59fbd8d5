import { chinaDate, isCalendarDate } from "../../../../app/plugin-api";
import { ITEM_TYPE } from "../item-schema";
import { DEFAULT_LIMIT_WORKDAYS, timeliness } from "../timeliness";
import { UNPUBLISHED } from "./items-list.server";
import type { DisclosureContext, DisclosureTransaction } from "../context";

export interface DueEntry {
  title: string;
  href: string;
  formedOn: string;
  dueOn: string;
  /** Working days past due: published that late, or not yet published and this late today. */
  daysLate: number;
  publishedOn: string | null;
}

export interface RowStatus {
  published: number;
  latest: string | null;
  /** Documents with this row still in the workflow, with the day they are due. */
  due: DueEntry[];
  /** Published late, or not yet published past the due day. */
  late: DueEntry[];
}

const iso = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

/**
 * For each row of the 清单: what was published under it, what is due, and what is late, against
 * the row's time limit in working days (条例第二十六条's 20 when the row gives none).
 */
export async function listStatus(
  ctx: Pick<DisclosureContext, "tenant" | "calendar" | "workflow">,
  trx: DisclosureTransaction,
  rows: { key: string; time_limit_workdays: number | null }[],
  year?: number,
): Promise<Record<string, RowStatus>> {
  const base = `/t/${ctx.tenant.code}/admin/disclosure`;
  const today = chinaDate();
  const limits = new Map(rows.map((r) => [r.key, r.time_limit_workdays ?? DEFAULT_LIMIT_WORKDAYS]));
  const out: Record<string, RowStatus> = Object.fromEntries(rows.map((r) => [r.key, { published: 0, latest: null, due: [], late: [] }]));

  let q = trx
    .selectFrom("disclosure_items")
    .select(["id", "title", "list_row_key", "formed_on", "published_on", "status"])
    .where("tenant_id", "=", ctx.tenant.id)
    .where("list_row_key", "is not", null);
  if (year) q = q.where("published_on", ">=", `${year}-01-01`).where("published_on", "<=", `${year}-12-31`);
  for (const i of await q.orderBy("published_on", "desc").execute()) {
    const s = out[i.list_row_key!];
    if (!s) continue;
    if (i.status !== "published") continue;
    const publishedOn = iso(i.published_on);
    s.published += 1;
    s.latest ??= publishedOn;
    const tl = timeliness(ctx.calendar, iso(i.formed_on), publishedOn, today, limits.get(i.list_row_key!));
    if (tl.late) s.late.push({ title: i.title, href: `${base}/items/${i.id}`, formedOn: iso(i.formed_on), dueOn: tl.dueOn, daysLate: tl.daysLate, publishedOn });
  }

  for (const d of await ctx.workflow.list(trx, { type: ITEM_TYPE, statuses: [...UNPUBLISHED] })) {
    const p = (d.payload ?? {}) as { listRowKey?: string; formedOn?: string };
    const s = p.listRowKey ? out[p.listRowKey] : undefined;
    if (!s) continue;
    if (!isCalendarDate(p.formedOn)) continue;
    const tl = timeliness(ctx.calendar, p.formedOn, null, today, limits.get(p.listRowKey!));
    const entry = { title: d.title, href: d.url, formedOn: p.formedOn, dueOn: tl.dueOn, daysLate: tl.daysLate, publishedOn: null };
    s.due.push(entry);
    if (tl.late) s.late.push(entry);
  }
  for (const s of Object.values(out)) s.due.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return out;
}

/** The rows an item (any year, any status) or a document in the workflow is filed under: those are not removed. */
export async function rowsInUse(ctx: Pick<DisclosureContext, "tenant" | "workflow">, trx: DisclosureTransaction): Promise<Set<string>> {
  const items = await trx.selectFrom("disclosure_items").select("list_row_key").distinct().where("tenant_id", "=", ctx.tenant.id).where("list_row_key", "is not", null).execute();
  const used = new Set(items.map((i) => i.list_row_key!));
  // Published documents are items already; abandoned (withdrawn) ones no longer count.
  for (const d of await ctx.workflow.list(trx, { type: ITEM_TYPE, statuses: [...UNPUBLISHED] })) {
    const key = (d.payload as { listRowKey?: string } | null)?.listRowKey;
    if (key) used.add(key);
  }
  return used;
}
