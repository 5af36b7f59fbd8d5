import ExcelJS from "exceljs";

/** Test files built in memory: a one-page PDF with a line of (Latin) text, a workbook, a PNG, and a program posing as a PDF. */

export { pdfWithText } from "../../../app/plugin-api/files.server";

export async function xlsxWithRows(rows: string[][]): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("监测数据");
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The 8-byte PNG signature and an IHDR chunk: enough to be recognised as an image. */
export function png(): Uint8Array<ArrayBuffer> {
  return new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde]);
}

/** A Windows program's first bytes, named as a PDF. */
export function programAsPdf(): Uint8Array<ArrayBuffer> {
  return new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);
}

export const file = (bytes: Uint8Array<ArrayBuffer>, name: string, type = "application/octet-stream") => new File([bytes], name, { type });
