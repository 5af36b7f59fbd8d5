import { sql } from "kysely";
import { chinaDate, chinaYear, type PluginRequestContext, type PluginTransaction, type WidgetContext } from "../../../app/plugin-api";
import { timeliness } from "./timeliness";

/**
 * Annual report table 二 (legal-spec §2.2), rows 规章 and 行政规范性文件: 本年制发件数 (issued this
 * year: 成文日期 in the year), 本年废止件数 (repealed this year) and 现行有效件数 (in force at the end
 * of the year). Counted from the catalogue's `rule` and `normative` categories.
 */
type Kind = "rule" | "normative";

async function kindKeys(trx: PluginTransaction, kind: Kind): Promise<string[]> {
  const rows = await trx.selectFrom("disclosure_categories").select("key").distinct().where("kind", "=", kind).execute();
  return rows.map((r) => r.key as string);
}

export async function tableTwoFigure(trx: PluginTransaction, tenantId: string, kind: Kind, figure: "issued" | "repealed" | "valid", year: number): Promise<number> {
  const keys = await kindKeys(trx, kind);
  if (keys.length === 0) return 0;
  const end = `${year}-12-31`;
  let q = trx.selectFrom("disclosure_items").select(sql<number>`count(*)`.as("n")).where("tenant_id", "=", tenantId).where("category_key", "in", keys);
  if (figure === "issued") q = q.where("written_on", ">=", `${year}-01-01`).where("written_on", "<=", end).where("published_on", "<=", end);
  if (figure === "repealed") q = q.where("validity", "=", "repealed").where("ended_on", ">=", `${year}-01-01`).where("ended_on", "<=", end);
  if (figure === "valid")
    q = q
      .where("published_on", "<=", end)
      .where((eb) => eb.or([eb("validity", "is", null), eb("validity", "=", "valid"), eb("ended_on", ">", end)]))
      .where((eb) => eb.or([eb("status", "=", "published"), eb("withdrawn_on", ">", end)]));
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

export function reportFigure(kind: Kind, figure: "issued" | "repealed" | "valid") {
  return (ctx: PluginRequestContext, year: number) => ctx.withTenant((trx) => tableTwoFigure(trx, ctx.tenant.id, kind, figure, year));
}

/** Per office: items published this year. */
export async function publishedThisYear(ctx: WidgetContext, tenantIds: string[]): Promise<Record<string, number>> {
  const year = chinaYear();
  const rows = await ctx.withRead(tenantIds, (trx) =>
    trx
      .selectFrom("disclosure_items")
      .select(["tenant_id", sql<number>`count(*)`.as("n")])
      .where("published_on", ">=", `${year}-01-01`)
      .groupBy("tenant_id")
      .execute(),
  );
  return Object.fromEntries(tenantIds.map((id) => [id, Number(rows.find((r) => r.tenant_id === id)?.n ?? 0)]));
}

/** Per office: items published this year more than 20 working days after they were formed. */
export async function lateThisYear(ctx: WidgetContext, tenantIds: string[]): Promise<Record<string, number>> {
  const year = chinaYear();
  const today = chinaDate();
  const rows = await ctx.withRead(tenantIds, (trx) =>
    trx
      .selectFrom("disclosure_items as i")
      .leftJoin("disclosure_list_rows as r", (j) => j.onRef("r.tenant_id", "=", "i.tenant_id").onRef("r.key", "=", "i.list_row_key"))
      .select(["i.tenant_id", "i.formed_on", "i.published_on", "r.time_limit_workdays"])
      .where("i.published_on", ">=", `${year}-01-01`)
      .execute(),
  );
  const out: Record<string, number> = Object.fromEntries(tenantIds.map((id) => [id, 0]));
  for (const r of rows) {
    const iso = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));
    if (timeliness(ctx.calendar, iso(r.formed_on), iso(r.published_on), today, (r.time_limit_workdays as number | null) ?? undefined).late) out[r.tenant_id as string]! += 1;
  }
  return out;
}

/** Per office: the share of its proactive list rows (with a formation time limit) that have at least one published item. */
export async function listCompleteness(ctx: WidgetContext, tenantIds: string[]): Promise<Record<string, number | null>> {
  const rows = await ctx.withRead(tenantIds, (trx) =>
    trx
      .selectFrom("disclosure_list_rows as r")
      .select([
        "r.tenant_id",
        sql<number>`count(*)`.as("rows"),
        sql<number>`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM disclosure_items i WHERE i.tenant_id = r.tenant_id AND i.list_row_key = r.key AND i.status = 'published'))`.as("covered"),
      ])
      .where("r.mode", "=", "主动")
      .groupBy("r.tenant_id")
      .execute(),
  );
  return Object.fromEntries(
    tenantIds.map((id) => {
      const r = rows.find((x) => x.tenant_id === id);
      return [id, r && Number(r.rows) > 0 ? Math.round((Number(r.covered) / Number(r.rows)) * 100) : null];
    }),
  );
}
