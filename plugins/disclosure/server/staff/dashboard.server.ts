import { sql } from "kysely";
import { chinaDate, chinaYear } from "../../../../app/plugin-api";
import { catalogueTree, flatten, subtreeKeys } from "../catalogue.server";
import { TABLE_TWO_COLUMNS, TABLE_TWO_KINDS } from "../../law/table-two";
import { tableTwo as tableTwoOf } from "../figures.server";
import { yearsOf } from "../items.server";
import { DEFAULT_LIMIT_WORKDAYS, timeliness } from "../timeliness";
import { labelOf } from "./editor.server";
import type { DisclosureContext, DisclosureTransaction } from "../context";

const iso = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

/** Published items per category (with its subcategories), in the year and in all. */
async function byCategory(ctx: DisclosureContext, trx: DisclosureTransaction, year: number) {
  const tree = await catalogueTree(trx, ctx.tenant.id);
  const counts = await trx
    .selectFrom("disclosure_items")
    .select([
      "category_key",
      sql<number>`count(*)`.as("all"),
      sql<number>`count(*) FILTER (WHERE published_on BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`})`.as("year"),
    ])
    .where("tenant_id", "=", ctx.tenant.id)
    .where("status", "=", "published")
    .groupBy("category_key")
    .execute();
  const of = new Map(counts.map((c) => [c.category_key, { all: Number(c.all), year: Number(c.year) }]));
  const sum = (keys: string[], k: "all" | "year") => keys.reduce((n, key) => n + (of.get(key)?.[k] ?? 0), 0);
  return {
    rows: flatten(tree).map(({ category, depth }) => {
      const keys = subtreeKeys(tree, category.key);
      return { key: category.key, label: labelOf(category, ctx.locale), depth, year: sum(keys, "year"), all: sum(keys, "all") };
    }),
    total: { year: [...of.values()].reduce((n, c) => n + c.year, 0), all: [...of.values()].reduce((n, c) => n + c.all, 0) },
  };
}

/** Items published in the year: on time or late against their list row's limit (20 working days by default). */
async function yearTimeliness(ctx: DisclosureContext, trx: DisclosureTransaction, year: number) {
  const rows = await trx
    .selectFrom("disclosure_items as i")
    .leftJoin("disclosure_list_rows as r", (j) => j.onRef("r.tenant_id", "=", "i.tenant_id").onRef("r.key", "=", "i.list_row_key"))
    .select(["i.id", "i.title", "i.formed_on", "i.published_on", "r.time_limit_workdays"])
    .where("i.tenant_id", "=", ctx.tenant.id)
    .where("i.published_on", ">=", `${year}-01-01`)
    .where("i.published_on", "<=", `${year}-12-31`)
    .orderBy("i.published_on")
    .execute();
  const today = chinaDate();
  const late = [];
  for (const r of rows) {
    const tl = timeliness(ctx.calendar, iso(r.formed_on), iso(r.published_on), today, r.time_limit_workdays ?? DEFAULT_LIMIT_WORKDAYS);
    if (tl.late) late.push({ id: r.id, title: r.title, formedOn: iso(r.formed_on), dueOn: tl.dueOn, publishedOn: iso(r.published_on), daysLate: tl.daysLate });
  }
  return { published: rows.length, onTime: rows.length - late.length, late };
}

/** Counts by category, timeliness and the 年度报告 table 二 figures (第二十条第（一）项) for one year. */
export async function dashboard(ctx: DisclosureContext, trx: DisclosureTransaction, year: number) {
  const figures = await tableTwoOf(trx, ctx.tenant.id, year);
  const tableTwo = TABLE_TWO_KINDS.map((kind) => ({ kind, values: TABLE_TWO_COLUMNS.map((c) => figures[kind][c]) }));
  return {
    categories: await byCategory(ctx, trx, year),
    timeliness: await yearTimeliness(ctx, trx, year),
    tableTwo,
    years: [...new Set([chinaYear(), year, ...(await yearsOf(trx, ctx.tenant.id))])].sort((a, b) => b - a),
  };
}
