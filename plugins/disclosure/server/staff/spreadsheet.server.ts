import ExcelJS from "exceljs";
import { checkText } from "../../../../app/plugin-api/loaders.server";
import { cellText } from "../../../../app/plugin-api/files.server";
import { MAX_IMPORT_ROWS } from "../import/batch-schema";
import { parseCsv } from "./csv";

export { MAX_IMPORT_ROWS };

export interface SheetRow {
  /** The row's number in the file (the header is row 1). */
  number: number;
  /** Each cell as `checkText` leaves it, trimmed; a refused cell is "". */
  cells: string[];
  /** Cells `checkText` refused (a control character, a bidi override), by column index: the core's error key. */
  refused?: Record<number, string>;
}

export interface Sheet {
  header: string[];
  /** Data rows; empty rows are left out. */
  rows: SheetRow[];
}

export type SheetResult = { ok: true; sheet: Sheet } | { ok: false; error: string; count?: number };

const E = "disclosure:staff.import.errors";

/** Every cell, CSV or Excel, through the one text check of every submitted value. */
function checkedRow(number: number, raw: string[]): SheetRow {
  const refused: Record<number, string> = {};
  const cells = Array.from(raw, (cell, i) => {
    const checked = checkText(cell ?? "");
    if (checked.ok) return checked.value.trim();
    refused[i] = checked.error;
    return "";
  });
  return Object.keys(refused).length ? { number, cells, refused } : { number, cells };
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
  const rows = data.map((cells, i) => checkedRow(i + 2, cells)).filter((r) => r.refused || r.cells.some((c) => c !== ""));
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, error: `${E}.tooManyRows`, count: rows.length };
  // A header the check refuses names no column: the file is then missing that column.
  return { ok: true, sheet: { header: checkedRow(1, header).cells, rows } };
}
