import { sql } from "kysely";
import { chinaDate, chinaYear, type PluginReportSection } from "../../../app/plugin-api";
import { ENDING_VALIDITY, TABLE_TWO_KINDS, type TableTwoColumn, type TableTwoKind } from "../law/table-two";
import { timeliness } from "./timeliness";
import type { DisclosureDatabase } from "../db/schema";
import type { DisclosureTransaction, DisclosureWidgetContext } from "./context";

/**
 * Annual report table 二, 第二十条第（一）项: 规章 and 行政规范性文件 (the catalogue's `rule` and
 * `normative` categories) by their state on 31 December, as law/table-two.ts states the rule — the
 * same dates as its `entersOn` and `leavesOn`, counted in one read.
 */
export type TableTwo = Record<TableTwoKind, Record<TableTwoColumn, number>>;

const ENDING = sql.join(ENDING_VALIDITY.map((v) => sql.lit(v)));

const emptyTableTwo = (): TableTwo => Object.fromEntries(TABLE_TWO_KINDS.map((k) => [k, { issued: 0, repealed: 0, valid: 0 }])) as TableTwo;

/** Table 二 of `year` for each office among `tenantIds`, in one read. */
export async function tableTwoByTenant(trx: DisclosureTransaction, tenantIds: readonly string[], year: number): Promise<Map<string, TableTwo>> {
  const tables = new Map(tenantIds.map((id) => [id, emptyTableTwo()]));
  if (tenantIds.length === 0) return tables;
  // The categories the offices read (their own and their superiors'), by the table 二 row they count in.
  const categories = await trx.selectFrom("disclosure_categories").select(["key", "kind"]).distinct().where("kind", "in", [...TABLE_TWO_KINDS]).execute();
  if (categories.length === 0) return tables;
  const kindOf = sql.join(categories.map((c) => sql`WHEN ${c.key} THEN ${c.kind}`), sql` `);
  const [start, end] = [`${year}-01-01`, `${year}-12-31`];
  // The offices joined as rows, not `tenant_id IN (…)`: beside row-level security's own list the two
  // conditions made the planner expect two rows and read every item of the offices by primary key
  // (65 ms a batch of 100 at the national bench) instead of the category index (10 ms).
  const offices = sql.join(tenantIds.map((id) => sql`(${id}::uuid)`));
  const { rows } = await sql<{ tenant_id: string; kind: TableTwoKind; issued: number; repealed: number; valid: number }>`
    WITH dated AS (
      SELECT tenant_id, CASE category_key ${kindOf} END AS kind, enters,
             CASE WHEN validity IN (${ENDING}) AND ended_on IS NOT NULL THEN greatest(ended_on, enters) END AS leaves
      FROM (SELECT tenant_id, category_key, validity, ended_on, greatest(written_on, valid_from) AS enters
            FROM (VALUES ${offices}) AS asked(id)
            JOIN disclosure_items ON tenant_id = asked.id
            WHERE status = 'published' AND category_key IN (${sql.join(categories.map((c) => c.key))})) i
    )
    SELECT tenant_id, kind,
           count(*) FILTER (WHERE enters BETWEEN ${start}::date AND ${end}::date) AS issued,
           count(*) FILTER (WHERE leaves BETWEEN ${start}::date AND ${end}::date) AS repealed,
           count(*) FILTER (WHERE enters <= ${end}::date AND (leaves IS NULL OR leaves > ${end}::date)) AS valid
    FROM dated GROUP BY tenant_id, kind`.execute(trx);
  for (const r of rows) tables.get(r.tenant_id)![r.kind] = { issued: Number(r.issued), repealed: Number(r.repealed), valid: Number(r.valid) };
  return tables;
}

export async function tableTwo(trx: DisclosureTransaction, tenantId: string, year: number): Promise<TableTwo> {
  return (await tableTwoByTenant(trx, [tenantId], year)).get(tenantId)!;
}

/** One figure per cell of table 二, keyed and labelled as the manifest has always declared them. */
const TABLE_TWO_FIGURES: { kind: TableTwoKind; column: TableTwoColumn; key: string; label: string }[] = [
  { kind: "rule", column: "issued", key: "disclosure.rules.issued", label: "disclosure:figures.rulesIssued" },
  { kind: "rule", column: "repealed", key: "disclosure.rules.repealed", label: "disclosure:figures.rulesRepealed" },
  { kind: "rule", column: "valid", key: "disclosure.rules.valid", label: "disclosure:figures.rulesValid" },
  { kind: "normative", column: "issued", key: "disclosure.normative.issued", label: "disclosure:figures.normativeIssued" },
  { kind: "normative", column: "repealed", key: "disclosure.normative.repealed", label: "disclosure:figures.normativeRepealed" },
  { kind: "normative", column: "valid", key: "disclosure.normative.valid", label: "disclosure:figures.normativeValid" },
];

/** Table 二 as one report section, each figure described by its column's rule (law/table-two.ts). */
export const tableTwoSection: PluginReportSection<DisclosureDatabase> = {
  key: "disclosure.t2",
  label: "disclosure:figures.section",
  figures: TABLE_TWO_FIGURES.map((f) => ({ key: f.key, label: f.label, description: `disclosure:tableTwo.${f.column}` })),
  compute: (ctx, tenantIds, year) =>
    ctx.withRead(tenantIds, async (trx) => {
      const tables = await tableTwoByTenant(trx, tenantIds, year);
      return new Map([...tables].map(([id, t]) => [id, Object.fromEntries(TABLE_TWO_FIGURES.map((f) => [f.key, t[f.kind][f.column]]))]));
    }),
};

/** Per office: items published this year. */
export async function publishedThisYear(ctx: DisclosureWidgetContext, tenantIds: string[]): Promise<Record<string, number>> {
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
export async function lateThisYear(ctx: DisclosureWidgetContext, tenantIds: string[]): Promise<Record<string, number>> {
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
export async function listCompleteness(ctx: DisclosureWidgetContext, tenantIds: string[]): Promise<Record<string, number | null>> {
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
