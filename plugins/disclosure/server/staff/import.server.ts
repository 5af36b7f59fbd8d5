import ExcelJS from "exceljs";
import { chinaDate } from "../../../../app/plugin-api";
import { catalogueTree, flatten } from "../catalogue.server";
import { plainTextToBody, sanitizeBody } from "../html";
import type { BatchRow } from "../import/batch-schema";
import { pendingRows } from "../import/pending.server";
import { ItemPayload, type Validity } from "../item-schema";
import { csvField } from "./csv";
import { labelOf } from "./editor.server";
import type { Sheet } from "./spreadsheet.server";
import type { DisclosureContext, DisclosureTransaction } from "../context";

const E = "disclosure:staff.import.errors";

/** The columns an import file has, by their header in the first row (order does not matter). */
export const IMPORT_COLUMNS = [
  { header: "标题", field: "title", required: true },
  { header: "内容概述", field: "summary", required: false },
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
  { header: "索引号", field: "indexNumber", required: false },
] as const;
type Field = (typeof IMPORT_COLUMNS)[number]["field"];

const HEADER_OF = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.field, c.header])) as Record<Field, string>;
const DATE_FIELDS = new Set<Field>(["writtenOn", "formedOn", "publishedOn", "endedOn"]);
const VALIDITY: Record<string, Validity> = { 有效: "valid", 失效: "expired", 废止: "repealed" };

const TEMPLATE_EXAMPLE = ["关于2024年第一季度空气质量状况的通报", "通报全市2024年第一季度空气质量优良天数比例和主要污染物浓度。", "quality", "示范市生态环境局", "示环通〔2024〕3号", "2024-04-08", "2024-04-08", "2024-04-12", "环境监测、保护与治理", "", "", "一季度，全市空气质量优良天数比例为88.9%。", ""];

/** A template file: the header and one example row. */
export function templateCsv(): string {
  return `${[IMPORT_COLUMNS.map((c) => c.header), TEMPLATE_EXAMPLE].map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}

let xlsxTemplate: Promise<Buffer> | undefined;

/** The same template as an Excel workbook: every cell text, so Excel keeps dates and 文号 as typed. Built once: it never changes. */
export function templateXlsx(): Promise<Buffer> {
  xlsxTemplate ??= buildTemplateXlsx();
  return xlsxTemplate;
}

async function buildTemplateXlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("导入");
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.field === "body" || c.field === "summary" ? 40 : c.field === "title" ? 36 : 16, style: { numFmt: "@" } }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  sheet.addRow([...TEMPLATE_EXAMPLE]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export interface RowError {
  row: number;
  /** The column's header as the file names it; empty for a problem with the row as a whole. */
  column: string;
  message: string;
  /** Values the message names, e.g. the batch a row already waits in. */
  params?: Record<string, string>;
}

/** A row that passed: what the batch carries, and its category's name for the preview. */
export type ImportRow = BatchRow & { categoryLabel: string };

/** 2024-3-5, 2024/03/05, 2024.3.5 and 2024年3月5日 are all the same day; anything else is not a date. */
export function normaliseDate(s: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** The body as stored: HTML is sanitised, plain text gets paragraphs by the editor's rule (a blank line ends one). */
function bodyHtml(text: string): string {
  if (/<[a-z][\s\S]*>/i.test(text)) return sanitizeBody(text);
  return plainTextToBody(text);
}

/** An original 索引号 as a file may give it: printable, no spaces. */
const INDEX_NUMBER = /^\S{1,100}$/;

const isoDay = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

/**
 * Checks every row of the sheet: each problem with its row number and column, and the rows that
 * pass. Nothing is written. A row is refused when the office already has it (same title and date
 * published, or the same 索引号), when an earlier row of the file has, or when an import batch
 * still in approval carries it (withdraw that batch to import it again).
 */
export async function checkImport(
  ctx: Pick<DisclosureContext, "tenant" | "locale" | "workflow">,
  trx: DisclosureTransaction,
  sheet: Sheet,
): Promise<CheckedImport> {
  return checkRows(ctx, sheet, await knownToOffice(ctx, trx));
}

export type CheckedImport = { rows: ImportRow[]; errors: RowError[]; missing: string[] };

/** What the rows are checked against: the office's catalogue, its items, and the batches still in approval. */
export type KnownToOffice = Awaited<ReturnType<typeof knownToOffice>>;

/** Reads what `checkRows` compares the rows with, in one short transaction. */
export async function knownToOffice(ctx: Pick<DisclosureContext, "tenant" | "workflow">, trx: DisclosureTransaction) {
  const tree = flatten(await catalogueTree(trx, ctx.tenant.id)).map((e) => e.category);
  const byKey = new Map(tree.map((c) => [c.key, c]));
  const byLabel = new Map<string, string[]>();
  for (const c of tree) byLabel.set(c.label["zh-CN"], [...(byLabel.get(c.label["zh-CN"]) ?? []), c.key]);
  const stored = await trx.selectFrom("disclosure_items").select(["title", "published_on", "index_number"]).where("tenant_id", "=", ctx.tenant.id).execute();
  const existing = new Set(stored.map((r) => `${r.title}\u0000${isoDay(r.published_on)}`));
  const existingNumbers = new Set(stored.map((r) => r.index_number));
  const pending = await pendingRows(ctx, trx);
  return { byKey, byLabel, existing, existingNumbers, pending };
}

/** How often, in rows, `checkRows` reports its progress (and lets the server answer other requests). */
export const PROGRESS_EVERY = 500;

/**
 * `checkImport`'s row checks against what was read before, outside any transaction, so that a
 * caller can record `onProgress` (rows checked so far) in transactions of its own as it goes.
 */
export async function checkRows(
  ctx: Pick<DisclosureContext, "locale">,
  sheet: Sheet,
  known: KnownToOffice,
  onProgress?: (done: number) => Promise<void> | void,
): Promise<CheckedImport> {
  const index = new Map(sheet.header.map((h, i) => [h, i]));
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !index.has(c.header)).map((c) => c.header);
  if (missing.length) return { rows: [], errors: [], missing };
  const { byKey, byLabel, existing, existingNumbers, pending } = known;
  const today = chinaDate();
  const seen = new Set<string>();
  const seenNumbers = new Set<string>();
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];

  let checkedRows = 0;
  for (const { number, cells, refused = {} } of sheet.rows) {
    if (onProgress && checkedRows > 0 && checkedRows % PROGRESS_EVERY === 0) await onProgress(checkedRows);
    checkedRows++;
    const get = (f: Field) => {
      const i = index.get(HEADER_OF[f]);
      return i === undefined ? "" : (cells[i] ?? "");
    };
    const refusedColumns = new Set(Object.keys(refused).map((i) => sheet.header[Number(i)] || String(Number(i) + 1)));
    // A refused cell is reported once, as refused: what it would have failed next is beside the point.
    const fail = (f: Field | null, message: string, params?: Record<string, string>) => {
      if (f && refusedColumns.has(HEADER_OF[f])) return;
      errors.push({ row: number, column: f ? HEADER_OF[f] : "", message, ...(params ? { params } : {}) });
    };
    const before = errors.length;
    for (const [i, error] of Object.entries(refused)) errors.push({ row: number, column: sheet.header[Number(i)] || String(Number(i) + 1), message: error });

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
      summary: get("summary") || undefined,
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
      const waiting = pending.identities.get(identity);
      if (existing.has(identity)) fail(null, `${E}.exists`);
      else if (waiting) fail(null, `${E}.pending`, { batch: waiting });
      else if (seen.has(identity)) fail(null, `${E}.duplicate`);
      seen.add(identity);
    }

    const indexNumber = get("indexNumber");
    if (indexNumber) {
      const waiting = pending.indexNumbers.get(indexNumber);
      if (!INDEX_NUMBER.test(indexNumber)) fail("indexNumber", `${E}.indexNumberFormat`);
      else if (existingNumbers.has(indexNumber)) fail("indexNumber", `${E}.indexNumberExists`);
      else if (waiting) fail("indexNumber", `${E}.pending`, { batch: waiting });
      else if (seenNumbers.has(indexNumber)) fail("indexNumber", `${E}.indexNumberDuplicate`);
      seenNumbers.add(indexNumber);
    }

    if (errors.length === before && payload.success && publishedOn) {
      const category = byKey.get(categoryKey)!;
      const p = payload.data;
      rows.push({
        row: number,
        ...(indexNumber ? { indexNumber } : {}),
        title,
        ...(p.summary ? { summary: p.summary } : {}),
        categoryKey,
        categoryLabel: labelOf(category, ctx.locale),
        issuer: p.issuer,
        ...(p.docNumber ? { docNumber: p.docNumber } : {}),
        writtenOn: p.writtenOn,
        formedOn: p.formedOn,
        publishedOn,
        topic: p.topic,
        ...(p.validity ? { validity: p.validity } : {}),
        ...(p.endedOn ? { endedOn: p.endedOn } : {}),
        body: bodyHtml(p.body),
      });
    }
  }
  if (onProgress) await onProgress(checkedRows);
  return { rows, errors, missing };
}
