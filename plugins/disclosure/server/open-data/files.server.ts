import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import zhCNPortal from "../../locales/zh-CN/portal.json";
import { toCsv } from "../portal/csv";
import { COLUMNS, COLUMN_HEADERS, type ColumnSource, type RowContext } from "./columns";

/** One dataset's records, the rows of its files. */
export interface DatasetRecords {
  /** Shown in the workbook's properties and used as the name of its sheet. */
  title: string;
  office: string;
  /** The latest publication, correction or withdrawal in the set: the workbook's creation and change date, so the same records give the same bytes. */
  updatedAt: Date;
  rows: { item: ColumnSource; row: RowContext }[];
}

export interface DatasetFiles {
  csv: Buffer;
  xlsx: Buffer;
}

/** A key of the zh-CN portal locale, e.g. `portal.openData.fields.title` (the files speak the records' language). */
function zhPortal(path: string): string {
  let node: unknown = zhCNPortal;
  for (const part of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === "string" ? node : path;
}

/** Excel refuses sheet names over 31 characters or with any of \ / ? * [ ] : */
function sheetName(title: string): string {
  const name = title.replace(/[\\/?*[\]:]/g, " ").trim().slice(0, 31).trim();
  return name || "data";
}

/** UTF-8 with a byte-order mark, every field quoted, CRLF: Excel on Windows opens it as it is. */
export function datasetCsv(records: DatasetRecords): Buffer {
  return Buffer.from(toCsv([COLUMN_HEADERS, ...records.rows.map(({ item, row }) => COLUMNS.map((c) => c.value(item, row)))]), "utf8");
}

/**
 * The same rows as a workbook: a header row in bold, frozen, with a filter; column widths; every
 * cell text (a 文号 or a date stays as published); links clickable. A second sheet, 字段说明,
 * describes the columns. Written with exceljs' streaming writer (no shared-strings table, a few
 * times faster than the in-memory one on large sets). Its dates are the records' last change, so
 * the same records give a file of the same size (the zip's own timestamps have a fixed width).
 */
export async function datasetXlsx(records: DatasetRecords): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  book.created = records.updatedAt;
  book.modified = records.updatedAt;
  book.creator = records.office;
  book.lastModifiedBy = records.office;

  const sheet = book.addWorksheet(sheetName(records.title), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width, style: { numFmt: "@" } }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  for (const { item, row } of records.rows) {
    sheet
      .addRow(
        COLUMNS.map((c) => {
          const value = c.value(item, row);
          return value === null ? null : c.type === "url" ? { text: value, hyperlink: value } : value;
        }),
      )
      .commit();
  }
  sheet.commit();

  const o = "portal.openData";
  const about = book.addWorksheet(zhPortal(`${o}.datasets.fieldsSheet`), { views: [{ state: "frozen", ySplit: 1 }] });
  about.columns = [
    { header: zhPortal(`${o}.datasets.columnName`), key: "name", width: 16 },
    { header: zhPortal(`${o}.datasets.columnField`), key: "field", width: 16 },
    { header: zhPortal(`${o}.datasets.columnType`), key: "type", width: 18 },
    { header: zhPortal(`${o}.datasets.columnMeaning`), key: "meaning", width: 60 },
  ];
  about.getRow(1).font = { bold: true };
  for (const c of COLUMNS) {
    about.addRow([c.header, c.field, zhPortal(`${o}.types.${c.type}`), zhPortal(c.description ?? `${o}.fields.${c.field}`)]).commit();
  }
  about.commit();

  await book.commit();
  await ended;
  return Buffer.concat(chunks);
}

export async function datasetFiles(records: DatasetRecords): Promise<DatasetFiles> {
  return { csv: datasetCsv(records), xlsx: await datasetXlsx(records) };
}
