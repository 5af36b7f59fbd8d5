import ExcelJS from "exceljs";
import { parseCsv } from "./csv";

export interface Sheet {
  header: string[];
  /** Data rows with their row number in the file (the header is row 1). Empty rows are left out. */
  rows: { number: number; cells: string[] }[];
}

export type SheetResult = { ok: true; sheet: Sheet } | { ok: false; error: string; count?: number };

export const MAX_IMPORT_ROWS = 10_000;
const E = "disclosure:staff.import.errors";

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A cell as text: dates as YYYY-MM-DD, formulas by their result, rich text and links by their text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return iso(value);
  if (typeof value === "object") {
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<string[][] | null> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const out: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    out[n - 1] = Array.from(cells, (c) => c ?? "");
  });
  return Array.from(out, (r) => r ?? []);
}

/** Reads the first sheet of an .xlsx, or a UTF-8 .csv, refusing more than MAX_IMPORT_ROWS data rows. */
export async function readSheet(name: string, bytes: Uint8Array): Promise<SheetResult> {
  let table: string[][] | null;
  if (/\.xlsx$/i.test(name)) {
    table = await readXlsx(bytes);
    if (!table) return { ok: false, error: `${E}.unreadable` };
  } else if (/\.csv$/i.test(name)) {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, error: `${E}.notUtf8` };
    }
    table = parseCsv(text);
  } else {
    return { ok: false, error: `${E}.fileType` };
  }
  const [header = [], ...data] = table;
  const rows = data
    .map((cells, i) => ({ number: i + 2, cells: cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ""));
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, error: `${E}.tooManyRows`, count: rows.length };
  return { ok: true, sheet: { header: header.map((h) => h.trim()), rows } };
}
