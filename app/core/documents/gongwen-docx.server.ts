import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun, type FileChild, type IRunOptions } from "docx";
import { GBT9704 } from "./gongwen-layout";

/**
 * Word files in 公文 layout (GB/T 9704-2012), one place for every plugin that writes them: the page,
 * the 22 × 28 grid, the title, headings, body, signature and the 「— N —」 page number.
 */

export const mmToTwips = (mm: number) => Math.round((mm / 25.4) * 1440);
/** Half-points, as docx counts font sizes. */
export const halfPoints = (pt: number) => Math.round(pt * 2);

/** The type area in twips: 156 mm wide, 225 mm high. */
export const TYPE_AREA = {
  width: mmToTwips(GBT9704.page.width - GBT9704.margins.left - GBT9704.margins.right),
  height: mmToTwips(GBT9704.page.height - GBT9704.margins.top - GBT9704.margins.bottom),
};
/** The body's line: 22 lines fill the type area. */
export const LINE = Math.floor(TYPE_AREA.height / GBT9704.linesPerPage);
/** One character of body text, as the grid sets it: 28 fill the line. */
export const CHAR = TYPE_AREA.width / GBT9704.charsPerLine;
/** 16 pt characters are 320 twips; 28 of them fill the 156 mm line only a little closer together. */
const TIGHTEN = Math.floor(CHAR - GBT9704.bodyPt * 20);

const LATIN = "Times New Roman";
/** The official faces named in the file (the recipient's Word has them); Latin letters and digits in Times New Roman. */
export const GONGWEN_FONT = {
  title: { eastAsia: GBT9704.fonts.title[0], ascii: LATIN, hAnsi: LATIN },
  body: { eastAsia: GBT9704.fonts.body[0], ascii: LATIN, hAnsi: LATIN },
  heading1: { eastAsia: GBT9704.fonts.heading1[0], ascii: LATIN, hAnsi: LATIN },
  heading2: { eastAsia: GBT9704.fonts.heading2[0], ascii: LATIN, hAnsi: LATIN },
  table: { eastAsia: GBT9704.fonts.song[0], ascii: LATIN, hAnsi: LATIN },
  pageNumber: { eastAsia: GBT9704.fonts.song[0], ascii: GBT9704.fonts.song[0], hAnsi: GBT9704.fonts.song[0] },
} as const;

/**
 * The style of paragraphs set on their own line height, off the 22-line grid (the title, table text).
 * Word lets exact spacing override the grid; LibreOffice snaps them to it unless the paragraph says
 * `snapToGrid` off, which docx writes for no paragraph option, hence a style of our own.
 */
export const OFF_GRID = "GongwenOffGrid";
/** Added to docx's default styles (it keeps those an external styles part does not name). */
const OWN_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15"><w:style w:type="paragraph" w:customStyle="1" w:styleId="${OFF_GRID}"><w:name w:val="公文·不对齐网格"/><w:basedOn w:val="Normal"/><w:pPr><w:snapToGrid w:val="0"/></w:pPr></w:style></w:styles>`;

/** Body, heading1 and heading2 lines sit on the grid: exactly one line each, no space between. */
const gridLine = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const firstLineIndent = { firstLine: Math.round(CHAR * 2) };

type GridFont = "body" | "heading1" | "heading2";
/** A run of 3号 text on the 28-character grid. */
export const gridRun = (text: string, font: GridFont = "body", extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: GONGWEN_FONT[font], size: halfPoints(GBT9704.bodyPt), characterSpacing: TIGHTEN, ...extra });

/** The title: 2号小标宋, centred, a blank line under it. */
export const gongwenTitle = (text: string) =>
  new Paragraph({
    style: OFF_GRID,
    alignment: AlignmentType.CENTER,
    spacing: { line: Math.round(LINE * 1.2), lineRule: LineRuleType.EXACT, before: 0, after: LINE },
    children: [new TextRun({ text, font: GONGWEN_FONT.title, size: halfPoints(GBT9704.titlePt) })],
  });

/**
 * A body paragraph, 3号仿宋, justified (两端对齐: a line with digits or Latin letters ends at the margin
 * too); Chinese text indents its first line two characters. `keepNext`: on the page of what follows (the signature).
 */
export const gongwenParagraph = (text: string, { indent = true, keepNext }: { indent?: boolean; keepNext?: boolean } = {}) =>
  new Paragraph({ spacing: gridLine, alignment: AlignmentType.BOTH, indent: indent ? firstLineIndent : undefined, keepNext, children: [gridRun(text)] });

/** A heading of the document's structure: 一、… in 3号黑体 (level 1), （一）… in 3号楷体 (level 2), indented as body text. */
export const gongwenHeading = (text: string, level: 1 | 2) =>
  new Paragraph({ spacing: gridLine, indent: firstLineIndent, keepNext: true, children: [gridRun(text, level === 1 ? "heading1" : "heading2")] });

/** An empty line of the grid; `keepNext` keeps it on the page of what follows. */
export const gongwenBlankLine = (keepNext?: boolean) => new Paragraph({ spacing: gridLine, keepNext, children: [] });

/** Width in body characters: a Chinese character is one, a digit or Latin letter about half. */
const widthOf = (text: string) => [...text].reduce((w, c) => w + (/[\u2E80-\uFFEF]/.test(c) ? 1 : 0.5), 0);

/**
 * The signature (GB/T 9704 §7.3.5.1): two lines of room for the seal, then the office centred over the
 * date, the date four characters from the right edge (the office alone, four in, while the date is not fixed).
 * The lines stay on one page.
 */
export function gongwenSignature(office: string, date?: string): Paragraph[] {
  const line = (text: string, right: number, keepNext?: boolean) =>
    new Paragraph({ spacing: gridLine, alignment: AlignmentType.RIGHT, indent: { right: Math.round(CHAR * right) }, keepNext, children: [gridRun(text)] });
  if (!date) return [gongwenBlankLine(true), gongwenBlankLine(true), line(office, 4)];
  const centre = 4 + widthOf(date) / 2;
  const officeRight = Math.max(0, centre - widthOf(office) / 2);
  const dateRight = Math.max(4, officeRight + (widthOf(office) - widthOf(date)) / 2);
  return [gongwenBlankLine(true), gongwenBlankLine(true), line(office, officeRight, true), line(date, dateRight)];
}

/** The page number, 「— 1 —」 in 4号宋体 under the type area: right on odd pages, left on even ones, one character in (§7.5). */
function pageNumber(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) {
  const size = halfPoints(GBT9704.pageNumberPt);
  const indent = alignment === AlignmentType.RIGHT ? { right: size * 10 } : { left: size * 10 };
  return new Footer({
    children: [new Paragraph({ alignment, indent, children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: GONGWEN_FONT.pageNumber, size })] })],
  });
}

/** The whole file: A4, the standard margins, the 22-line grid, odd and even page numbers, the given paragraphs and tables. */
export function gongwenDocx({ title, creator, children }: { title: string; creator: string; children: FileChild[] }): Promise<Buffer> {
  const doc = new Document({
    creator,
    title,
    evenAndOddHeaderAndFooters: true,
    externalStyles: OWN_STYLES,
    styles: { default: { document: { run: { font: GONGWEN_FONT.body, size: halfPoints(GBT9704.bodyPt) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwips(GBT9704.page.width), height: mmToTwips(GBT9704.page.height) },
            margin: { top: mmToTwips(GBT9704.margins.top), bottom: mmToTwips(GBT9704.margins.bottom), left: mmToTwips(GBT9704.margins.left), right: mmToTwips(GBT9704.margins.right), footer: mmToTwips(GBT9704.footerMm) },
          },
          // Word's 文档网格 of 22 lines; the 28 characters a line holds come from the runs' spacing (TIGHTEN).
          grid: { type: "lines", linePitch: LINE },
        },
        footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
