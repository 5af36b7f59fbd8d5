import { sql } from "kysely";
import type { Category } from "../catalogue.server";
import { flatten } from "../catalogue.server";
import type { DisclosureContext, DisclosureTransaction } from "../context";
import { toItem } from "../items.server";
import { originOf, portalPath } from "../portal/head";
import { datasetFiles, type DatasetFiles, type DatasetRecords } from "./files.server";
import { BoundedMemo } from "./memo";

/**
 * Open datasets: an office's published proactive items, one set per catalogue category (the
 * category an item is filed under, not its subcategories) and year of publication, each offered as
 * CSV and XLSX with its real size.
 *
 * A set's files are made once per state of the set and remembered by that state's key: the office,
 * the origin its links point to, the category and its name, the year, the number of records and the
 * latest change among its items (a publication, correction or withdrawal stamps `updated_at`, so
 * any change to the set changes the key). The sizes are kept for many sets (cheap); the bytes for
 * as many as fit in a budget, and made again, to the same size, when they have been dropped.
 */

export type DatasetFormat = "csv" | "xlsx";
export const DATASET_FORMATS: readonly DatasetFormat[] = ["csv", "xlsx"];

export interface Dataset {
  categoryKey: string;
  year: number;
  records: number;
  updatedAt: Date;
  sizes: Record<DatasetFormat, number>;
}

const SIZES = new BoundedMemo<Record<DatasetFormat, number>>(20_000);
const FILES = new BoundedMemo<DatasetFiles>(2_000, 32 * 1024 * 1024, (f) => f.csv.length + f.xlsx.length);
/** Files being made: a second request for the same set waits for the first. */
const MAKING = new Map<string, Promise<DatasetFiles>>();

interface Group {
  categoryKey: string;
  year: number;
  records: number;
  updatedAt: Date;
}

interface Labels {
  /** Category key → its name in Chinese (the records' language). */
  zh: Map<string, string>;
  /** Category key → its place in the catalogue, for ordering. */
  order: Map<string, number>;
}

function labelsOf(tree: Category[]): Labels {
  const flat = flatten(tree);
  return { zh: new Map(flat.map(({ category: c }) => [c.key, c.label["zh-CN"]])), order: new Map(flat.map(({ category: c }, i) => [c.key, i])) };
}

function keyOf(ctx: DisclosureContext, labels: Labels, g: Group): string {
  return [ctx.tenant.id, ctx.tenant.name["zh-CN"], originOf(ctx), g.categoryKey, labels.zh.get(g.categoryKey) ?? "", g.year, g.records, g.updatedAt.getTime()].join("\n");
}

const yearStart = (year: number) => `${year}-01-01`;
const yearEnd = (year: number) => `${year}-12-31`;

/**
 * Every category and year the office has published in (row-level security leaves the public the
 * proactive items), with its published records and latest change; withdrawn items count for the
 * change only. Read from the (tenant, status, category, published_on) index with the rows' dates.
 */
async function groups(trx: DisclosureTransaction, tenantId: string, only?: { categoryKey: string; year: number }): Promise<Group[]> {
  let q = trx
    .selectFrom("disclosure_items")
    .select([
      "category_key",
      sql<number>`extract(year from published_on)::int`.as("year"),
      sql<string>`count(*) FILTER (WHERE status = 'published')`.as("records"),
      sql<Date>`max(updated_at)`.as("updated_at"),
    ])
    .where("tenant_id", "=", tenantId);
  if (only) q = q.where("category_key", "=", only.categoryKey).where("published_on", ">=", yearStart(only.year)).where("published_on", "<=", yearEnd(only.year));
  const rows = await q.groupBy(["category_key", sql`extract(year from published_on)::int`]).execute();
  return rows.map((r) => ({ categoryKey: r.category_key, year: Number(r.year), records: Number(r.records), updatedAt: new Date(r.updated_at) }));
}

/** The rows of the sets asked for, newest first as the portal lists them, with each set's own key read from those same rows. */
async function records(ctx: DisclosureContext, trx: DisclosureTransaction, labels: Labels, wanted: Group[]): Promise<Map<string, { group: Group; records: DatasetRecords }>> {
  const found = new Map<string, { group: Group; records: DatasetRecords }>();
  if (wanted.length === 0) return found;
  const keys = [...new Set(wanted.map((g) => g.categoryKey))];
  const years = wanted.map((g) => g.year);
  const rows = await trx
    .selectFrom("disclosure_items")
    .select(["id", "index_number", "title", "summary", "category_key", "issuer", "doc_number", "written_on", "published_on", "topic", "attribute", "validity", "valid_from", "ended_on", "status", "updated_at"])
    .where("tenant_id", "=", ctx.tenant.id)
    .where("category_key", "in", keys)
    .where("published_on", ">=", yearStart(Math.min(...years)))
    .where("published_on", "<=", yearEnd(Math.max(...years)))
    .orderBy("published_on", "desc")
    .orderBy("index_number", "desc")
    .execute();
  const want = new Set(wanted.map((g) => `${g.categoryKey}\n${g.year}`));
  const origin = originOf(ctx);
  const office = ctx.tenant.name["zh-CN"];
  for (const r of rows) {
    // Only the columns the files need were read: the rest of the item stays unset.
    const item = toItem(r);
    const year = Number(item.publishedOn.slice(0, 4));
    const setKey = `${item.categoryKey}\n${year}`;
    if (!want.has(setKey)) continue;
    let set = found.get(setKey);
    if (!set) {
      const label = labels.zh.get(item.categoryKey) ?? item.categoryKey;
      set = { group: { categoryKey: item.categoryKey, year, records: 0, updatedAt: new Date(0) }, records: { title: `${label}（${year}年）`, office, updatedAt: new Date(0), rows: [] } };
      found.set(setKey, set);
    }
    const updated = new Date(r.updated_at);
    if (updated > set.group.updatedAt) set.group.updatedAt = set.records.updatedAt = updated;
    if (item.status !== "published") continue;
    set.group.records++;
    set.records.rows.push({ item, row: { categoryLabel: labels.zh.get(item.categoryKey) ?? item.categoryKey, url: origin + portalPath(ctx.tenant.code, `items/${item.id}`) } });
  }
  return found;
}

/** A set's files, from memory, from a request already making them, or made now. */
function filesFor(key: string, make: () => Promise<DatasetFiles>): Promise<DatasetFiles> {
  const kept = FILES.get(key);
  if (kept) return Promise.resolve(kept);
  const making = MAKING.get(key);
  if (making) return making;
  const promise = make()
    .then((files) => {
      SIZES.set(key, { csv: files.csv.length, xlsx: files.xlsx.length });
      FILES.set(key, files);
      return files;
    })
    .finally(() => MAKING.delete(key));
  MAKING.set(key, promise);
  return promise;
}

/** The office's datasets in catalogue order, newest year first; sets with no published record are left out. */
export async function listDatasets(ctx: DisclosureContext, tree: Category[]): Promise<Dataset[]> {
  const labels = labelsOf(tree);
  const found = await ctx.withTenant(async (trx) => {
    const all = (await groups(trx, ctx.tenant.id)).filter((g) => g.records > 0);
    const missing = all.filter((g) => !SIZES.get(keyOf(ctx, labels, g)));
    const made = await records(ctx, trx, labels, missing);
    return { all, made };
  });
  const datasets: Dataset[] = [];
  for (const g of found.all) {
    const known = SIZES.get(keyOf(ctx, labels, g));
    if (known) {
      datasets.push({ ...g, sizes: known });
      continue;
    }
    // Read a moment later than the list: the rows decide what the files hold.
    const set = found.made.get(`${g.categoryKey}\n${g.year}`);
    if (!set || set.group.records === 0) continue;
    const files = await filesFor(keyOf(ctx, labels, set.group), () => datasetFiles(set.records));
    datasets.push({ ...set.group, sizes: { csv: files.csv.length, xlsx: files.xlsx.length } });
  }
  const place = (key: string) => labels.order.get(key) ?? Number.MAX_SAFE_INTEGER;
  return datasets.sort((a, b) => place(a.categoryKey) - place(b.categoryKey) || a.categoryKey.localeCompare(b.categoryKey) || b.year - a.year);
}

/** One dataset and its files; null when the office has no published record in that category and year. */
export async function datasetFile(ctx: DisclosureContext, tree: Category[], categoryKey: string, year: number): Promise<{ dataset: Dataset; files: DatasetFiles; title: string } | null> {
  const labels = labelsOf(tree);
  const title = `${labels.zh.get(categoryKey) ?? categoryKey}（${year}年）`;
  const [group] = await ctx.withTenant((trx) => groups(trx, ctx.tenant.id, { categoryKey, year }));
  if (!group || group.records === 0) return null;
  const ready = FILES.get(keyOf(ctx, labels, group)) ?? MAKING.get(keyOf(ctx, labels, group));
  if (ready) {
    const files = await ready;
    return { dataset: { ...group, sizes: { csv: files.csv.length, xlsx: files.xlsx.length } }, files, title };
  }
  const set = (await ctx.withTenant((trx) => records(ctx, trx, labels, [group]))).get(`${categoryKey}\n${year}`);
  if (!set || set.group.records === 0) return null;
  const files = await filesFor(keyOf(ctx, labels, set.group), () => datasetFiles(set.records));
  return { dataset: { ...set.group, sizes: { csv: files.csv.length, xlsx: files.xlsx.length } }, files, title };
}

/** For tests: forget every set's files and sizes, as a restarted server would. */
export function forgetDatasets(): void {
  SIZES.clear();
  FILES.clear();
}
