import { chinaDate, type PluginRequestContext, type PluginTransaction } from "../../../../app/plugin-api";
import { typed } from "../../db/schema";
import { catalogueTree, flatten } from "../catalogue.server";
import { sanitizeBody } from "../html";
import { ItemPayload, type Validity } from "../item-schema";
import { toItem } from "../items.server";
import { searchDocumentOf } from "../publish.server";
import { csvField } from "./csv";
import { labelOf } from "./editor.server";
import type { Sheet } from "./spreadsheet.server";

const E = "disclosure:staff.import.errors";
const INSERT_CHUNK = 500;

/** The columns an import file has, by their header in the first row (order does not matter). */
export const IMPORT_COLUMNS = [
  { header: "标题", field: "title", required: true },
  { header: "类别", field: "category", required: true },
  { header: "发布机构", field: "issuer", required: true },
  { header: "文号", field: "docNumber", required: false },
  { header: "成文日期", field: "writtenOn", required: true },
  { header: "信息形成日期", field: "formedOn", required: true },
  { header: "发布日期", field: "publishedOn", required: true },
  { header: "主题分类", field: "topic", required: true },
  { header: "有效性", field: "validity", required: false },
  { header: "失效或废止日期", field: "endedOn", required: false },
  { header: "正文", field: "body", required: false },
] as const;
type Field = (typeof IMPORT_COLUMNS)[number]["field"];

const HEADER_OF = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.field, c.header])) as Record<Field, string>;
const DATE_FIELDS = new Set<Field>(["writtenOn", "formedOn", "publishedOn", "endedOn"]);
const VALIDITY: Record<string, Validity> = { 有效: "valid", 失效: "expired", 废止: "repealed" };

/** A template file: the header and one example row. */
export function templateCsv(): string {
  const example = ["关于2024年第一季度空气质量状况的通报", "quality", "示范市生态环境局", "示环通〔2024〕3号", "2024-04-08", "2024-04-08", "2024-04-12", "环境监测、保护与治理", "", "", "一季度，全市空气质量优良天数比例为88.9%。"];
  return `${[IMPORT_COLUMNS.map((c) => c.header), example].map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}

export interface RowError {
  row: number;
  /** The column's header as the file names it; empty for a problem with the row as a whole. */
  column: string;
  message: string;
}

export interface ImportRow {
  row: number;
  title: string;
  categoryKey: string;
  categoryLabel: string;
  issuer: string;
  docNumber: string | null;
  writtenOn: string;
  formedOn: string;
  publishedOn: string;
  topic: string;
  validity: Validity | null;
  endedOn: string | null;
  body: string;
}

/** 2024-3-5, 2024/03/05, 2024.3.5 and 2024年3月5日 are all the same day; anything else is not a date. */
export function normaliseDate(s: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The body as stored: HTML is sanitised, plain text becomes paragraphs. */
function bodyHtml(text: string): string {
  if (/<[a-z][\s\S]*>/i.test(text)) return sanitizeBody(text);
  return text
    .split(/\r?\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escape(p)}</p>`)
    .join("");
}

/** Checks every row of the sheet: each problem with its row number and column, and the rows that pass. */
export async function checkImport(ctx: Pick<PluginRequestContext, "tenant" | "locale">, trx: PluginTransaction, sheet: Sheet): Promise<{ rows: ImportRow[]; errors: RowError[]; missing: string[] }> {
  const index = new Map(sheet.header.map((h, i) => [h, i]));
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !index.has(c.header)).map((c) => c.header);
  if (missing.length) return { rows: [], errors: [], missing };

  const tree = flatten(await catalogueTree(trx, ctx.tenant.id)).map((e) => e.category);
  const byKey = new Map(tree.map((c) => [c.key, c]));
  const byLabel = new Map<string, string[]>();
  for (const c of tree) byLabel.set(c.label["zh-CN"], [...(byLabel.get(c.label["zh-CN"]) ?? []), c.key]);
  const existing = new Set(
    (await typed(trx).selectFrom("disclosure_items").select(["title", "published_on"]).where("tenant_id", "=", ctx.tenant.id).execute()).map(
      (r) => `${r.title}\u0000${r.published_on instanceof Date ? r.published_on.toISOString().slice(0, 10) : String(r.published_on).slice(0, 10)}`,
    ),
  );
  const today = chinaDate();
  const seen = new Set<string>();
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];

  for (const { number, cells } of sheet.rows) {
    const get = (f: Field) => {
      const i = index.get(HEADER_OF[f]);
      return i === undefined ? "" : (cells[i] ?? "");
    };
    const fail = (f: Field | null, message: string) => errors.push({ row: number, column: f ? HEADER_OF[f] : "", message });
    const before = errors.length;

    const title = get("title");
    if (!title) fail("title", "errors.required");
    else if (title.length > 300) fail("title", "disclosure:staff.editor.errors.titleTooLong");

    const categoryText = get("category");
    const labelled = byLabel.get(categoryText) ?? [];
    const categoryKey = byKey.has(categoryText) ? categoryText : labelled.length === 1 ? labelled[0]! : "";
    if (!categoryText) fail("category", "errors.required");
    else if (labelled.length > 1 && !byKey.has(categoryText)) fail("category", `${E}.ambiguousCategory`);
    else if (!categoryKey) fail("category", `${E}.unknownCategory`);

    const dates: Partial<Record<Field, string | undefined>> = {};
    for (const f of ["writtenOn", "formedOn", "publishedOn", "endedOn"] as const) {
      const raw = get(f);
      if (!raw) continue;
      const d = normaliseDate(raw);
      if (d) dates[f] = d;
      else fail(f, "disclosure:errors.date");
    }
    if (!get("publishedOn")) fail("publishedOn", "errors.required");

    const unreadable = (f: Field) => DATE_FIELDS.has(f) && get(f) !== "" && !dates[f];

    const validityText = get("validity");
    const validity = validityText ? VALIDITY[validityText] : undefined;
    if (validityText && !validity) fail("validity", `${E}.validity`);

    const payload = ItemPayload.safeParse({
      categoryKey: categoryKey || "-",
      issuer: get("issuer"),
      docNumber: get("docNumber") || undefined,
      writtenOn: dates.writtenOn ?? (get("writtenOn") ? "-" : ""),
      formedOn: dates.formedOn ?? (get("formedOn") ? "-" : ""),
      topic: get("topic"),
      validity,
      endedOn: dates.endedOn,
      body: get("body"),
    });
    if (!payload.success) {
      for (const issue of payload.error.issues) {
        const f = issue.path[0] as Field;
        // The category was checked above, and an unreadable date is reported once, as unreadable.
        if (!(f in HEADER_OF) || unreadable(f)) continue;
        const message = !get(f) && issue.code !== "custom" ? "errors.required" : /^(errors\.|disclosure:)/.test(issue.message) ? issue.message : "errors.invalid";
        if (!errors.some((e) => e.row === number && e.column === HEADER_OF[f] && e.message === message)) fail(f, message);
      }
    }

    const publishedOn = dates.publishedOn;
    if (publishedOn && publishedOn > today) fail("publishedOn", `${E}.future`);
    if (publishedOn && ((dates.writtenOn && publishedOn < dates.writtenOn) || (dates.formedOn && publishedOn < dates.formedOn))) fail("publishedOn", `${E}.publishedBeforeFormed`);

    const identity = `${title}\u0000${publishedOn}`;
    if (title && publishedOn) {
      if (existing.has(identity)) fail(null, `${E}.exists`);
      else if (seen.has(identity)) fail(null, `${E}.duplicate`);
      seen.add(identity);
    }

    if (errors.length === before && payload.success && publishedOn) {
      const category = byKey.get(categoryKey)!;
      rows.push({
        row: number,
        title,
        categoryKey,
        categoryLabel: labelOf(category, ctx.locale),
        issuer: payload.data.issuer,
        docNumber: payload.data.docNumber ?? null,
        writtenOn: payload.data.writtenOn,
        formedOn: payload.data.formedOn,
        publishedOn,
        topic: payload.data.topic,
        validity: payload.data.validity ?? null,
        endedOn: payload.data.endedOn ?? null,
        body: bodyHtml(payload.data.body),
      });
    }
  }
  return { rows, errors, missing };
}

/**
 * Writes every row as a published historic record, in publication-date order so that 索引号 run
 * consecutively through each year as if they had been published here; indexed for search and
 * audited once. The caller's transaction makes it all or nothing.
 */
export async function commitImport(ctx: PluginRequestContext, trx: PluginTransaction, rows: ImportRow[], fileName: string): Promise<{ count: number; first: string | null; last: string | null }> {
  const ordered = [...rows].sort((a, b) => a.publishedOn.localeCompare(b.publishedOn) || a.row - b.row);
  // One block of consecutive 索引号 per publication year, taken in order.
  const numbers: string[] = [];
  for (let i = 0; i < ordered.length; ) {
    const year = ordered[i]!.publishedOn.slice(0, 4);
    let end = i;
    while (end < ordered.length && ordered[end]!.publishedOn.startsWith(year)) end++;
    const block = await ctx.numbering.nextMany(trx, "core.index", end - i, { year: Number(year) });
    numbers.push(...block.map((n) => n.number));
    i = end;
  }
  for (let start = 0; start < ordered.length; start += INSERT_CHUNK) {
    const chunk = ordered.slice(start, start + INSERT_CHUNK).map((r, i) => ({
      tenant_id: ctx.tenant.id,
      index_number: numbers[start + i]!,
      category_key: r.categoryKey,
      title: r.title,
      issuer: r.issuer,
      doc_number: r.docNumber,
      written_on: r.writtenOn,
      formed_on: r.formedOn,
      published_on: r.publishedOn,
      topic: r.topic,
      attribute: "proactive",
      validity: r.validity,
      ended_on: r.endedOn,
      body_html: r.body,
      attachments: "[]",
    }));
    const inserted = await typed(trx).insertInto("disclosure_items").values(chunk).returningAll().execute();
    await ctx.search.indexMany(
      trx,
      inserted.flatMap((row) => searchDocumentOf(ctx.tenant.code, toItem(row)) ?? []),
    );
  }
  const years: Record<string, number> = {};
  for (const r of ordered) years[r.publishedOn.slice(0, 4)] = (years[r.publishedOn.slice(0, 4)] ?? 0) + 1;
  await ctx.audit(trx, {
    action: "disclosure.import.run",
    target: { type: "disclosure_import", id: fileName.slice(0, 200) },
    data: { file: fileName, count: ordered.length, years, first: numbers[0] ?? null, last: numbers.at(-1) ?? null },
  });
  return { count: ordered.length, first: numbers[0] ?? null, last: numbers.at(-1) ?? null };
}
