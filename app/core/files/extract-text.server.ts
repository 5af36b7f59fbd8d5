import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { extractText as pdfText, getDocumentProxy } from "unpdf";
import { withoutForbiddenCharacters } from "../input/text";

/**
 * What an uploaded office file really is and the text a 保密审查 scan reads in it. Shared by every
 * plugin that keeps files reviewers must read (disclosure attachments, the files of a reply).
 */
export const FILE_KINDS = {
  pdf: { mime: "application/pdf", ext: "pdf" },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ext: "docx" },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ext: "xlsx" },
  png: { mime: "image/png", ext: "png" },
  jpeg: { mime: "image/jpeg", ext: "jpg" },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

const starts = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * The kind by the file's first bytes; a zip container (.docx and .xlsx are both zips) by its name as
 * well, and only among `allowed`. Null for anything else (old .doc, executables, a renamed file…):
 * the name alone never decides, and `extractFileText` then fails on a zip that is not what it says.
 */
export function fileKind(name: string, bytes: Uint8Array, allowed: readonly FileKind[] = Object.keys(FILE_KINDS) as FileKind[]): FileKind | null {
  let kind: FileKind | null = null;
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) kind = "pdf";
  else if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) kind = "png";
  else if (starts(bytes, [0xff, 0xd8, 0xff])) kind = "jpeg";
  else if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) kind = /\.docx$/i.test(name) ? "docx" : /\.xlsx$/i.test(name) ? "xlsx" : null;
  return kind && allowed.includes(kind) ? kind : null;
}

/** A spreadsheet cell as text: dates as YYYY-MM-DD, formulas by their result, rich text and links by their text. */
export const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
  }
  return String(value);
};

async function workbookText(bytes: Uint8Array): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const lines: string[] = [];
  for (const sheet of book.worksheets) {
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => void cells.push(cellText(cell.value)));
      if (cells.some((c) => c.trim())) lines.push(cells.join("\t"));
    });
  }
  return lines.join("\n");
}

const hex4 = (n: number) => n.toString(16).padStart(4, "0");

/**
 * The Unicode CMaps of the Adobe standard CJK fonts (`UniGB-UCS2-H`, as 公文 PDFs and our demo PDFs
 * with the non-embedded `STSong-Light` use) for pdf.js, which has no CMap files here: for text only,
 * a code maps to the CID equal to itself. The text then comes from the font's `/ToUnicode`, or from
 * the code itself (it is UCS-2); glyph shapes, which need the real CIDs, are never drawn here.
 * Any other predefined CMap is refused, so such a font yields no text rather than wrong text.
 */
class UnicodeCMapFactory {
  constructor(_options: unknown) {}
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const name = /^(Uni(?:GB|CNS|JIS|KS)-UCS2-[HV])$/.exec(filename)?.[1];
    if (kind !== "cMapUrl" || !name) throw new Error(`No ${kind} data for ${filename}`);
    const ranges = Array.from({ length: 256 }, (_, i) => `<${hex4(i << 8)}> <${hex4((i << 8) | 0xff)}> ${i << 8}`);
    const blocks = [0, 100, 200].map((at) => ranges.slice(at, at + 100)).map((b) => `${b.length} begincidrange\n${b.join("\n")}\nendcidrange`);
    const cmap = `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /${name} def\n/CMapType 1 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n${blocks.join("\n")}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`;
    return new TextEncoder().encode(cmap);
  }
}
const PDF_OPTIONS = { BinaryDataFactory: UnicodeCMapFactory, cMapUrl: "builtin:/", cMapPacked: false } as unknown as Parameters<typeof getDocumentProxy>[1];

/**
 * The text a reviewer must read: a PDF's text, a Word file's raw text, every cell of every sheet of
 * a workbook (tab-separated rows), nothing for an image (its content can only be read by eye).
 * Throws on a file that is not readable as its kind; characters the text check forbids are dropped.
 */
export async function extractFileText(kind: FileKind, bytes: Uint8Array): Promise<string> {
  let text = "";
  if (kind === "pdf") text = (await pdfText(await getDocumentProxy(new Uint8Array(bytes), PDF_OPTIONS), { mergePages: true })).text;
  else if (kind === "docx") text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  else if (kind === "xlsx") text = await workbookText(bytes);
  return withoutForbiddenCharacters(text.trim());
}
