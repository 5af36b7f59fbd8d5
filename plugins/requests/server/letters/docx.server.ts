import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun, type IRunOptions } from "docx";
import type { LetterView } from "./letter.server";
import { GBT9704, indentless } from "./layout";

/** Half-points, as docx counts font sizes: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
const SIZE = { title: GBT9704.titlePt * 2, body: GBT9704.bodyPt * 2, small: GBT9704.pageNumberPt * 2 };

const FONT = {
  title: { eastAsia: GBT9704.fonts.title[0], ascii: "Times New Roman", hAnsi: "Times New Roman" },
  body: { eastAsia: GBT9704.fonts.body[0], ascii: "Times New Roman", hAnsi: "Times New Roman" },
  pageNumber: { eastAsia: "宋体", ascii: "宋体", hAnsi: "宋体" },
};

const mmToTwips = (mm: number) => Math.round((mm / 25.4) * 1440);
/** The body's line: 22 lines fill the text area (297 mm less the top and bottom margins). */
const LINE = Math.floor(mmToTwips(297 - GBT9704.margins.top - GBT9704.margins.bottom) / GBT9704.linesPerPage);
/** One character of body text, as the grid sets it: 28 fill the line (210 mm less the side margins). */
const CHAR = mmToTwips(210 - GBT9704.margins.left - GBT9704.margins.right) / GBT9704.charsPerLine;

/** 16 pt characters are 320 twips; 28 of them fill the 156 mm line only a little closer together. */
const TIGHTEN = Math.floor(CHAR - GBT9704.bodyPt * 20);
const body = (text: string, extra: Partial<IRunOptions> = {}) => new TextRun({ text, font: FONT.body, size: SIZE.body, characterSpacing: TIGHTEN, ...extra });
const bodyLine = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** The page number, 「— 1 —」 in 4号 宋体: right on odd pages, left on even ones, one character in (GB/T 9704 §7.5). */
function pageNumber(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) {
  const indent = alignment === AlignmentType.RIGHT ? { right: SIZE.small * 10 } : { left: SIZE.small * 10 };
  return new Footer({
    children: [new Paragraph({ alignment, indent, children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: FONT.pageNumber, size: SIZE.small })] })],
  });
}

/** Width in body characters: a Chinese character is one, a digit or Latin letter about half. */
const widthOf = (text: string) => [...text].reduce((w, c) => w + (/[\u2E80-\uFFEF]/.test(c) ? 1 : 0.5), 0);

/** Right indents, in characters, of the office and the date lines of the signature. */
function signatureIndents(office: string, date: string): { office: number; date: number } {
  const centre = 4 + widthOf(date) / 2;
  const officeRight = Math.max(0, centre - widthOf(office) / 2);
  return { office: officeRight, date: Math.max(4, officeRight + (widthOf(office) - widthOf(date)) / 2) };
}

/** The letter as a Word file in 公文 layout (GB/T 9704-2012): A4, the standard margins, title, body, signature with room for the seal. */
export async function letterDocx(letter: LetterView, labels: { address: string | null }): Promise<Buffer> {
  const chinese = letter.locale !== "en";
  const paragraphs: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(LINE * 1.2), lineRule: LineRuleType.EXACT, before: 0, after: LINE },
      children: [new TextRun({ text: letter.title, font: FONT.title, size: SIZE.title })],
    }),
  ];
  if (letter.salutation) paragraphs.push(new Paragraph({ spacing: bodyLine, children: [body(letter.salutation)] }));
  for (const p of letter.paragraphs) {
    paragraphs.push(new Paragraph({ spacing: bodyLine, indent: chinese ? { firstLine: Math.round(CHAR * 2) } : undefined, children: [body(indentless(p))] }));
  }
  // Signature (GB/T 9704 §7.3.5.1): room for the seal, the date four characters from the right, the office centred over it.
  const { office, date } = signatureIndents(letter.office, letter.date);
  paragraphs.push(new Paragraph({ spacing: bodyLine, children: [] }), new Paragraph({ spacing: bodyLine, children: [] }));
  paragraphs.push(new Paragraph({ spacing: bodyLine, alignment: AlignmentType.RIGHT, indent: { right: Math.round(CHAR * office) }, children: [body(letter.office)] }));
  paragraphs.push(new Paragraph({ spacing: bodyLine, alignment: AlignmentType.RIGHT, indent: { right: Math.round(CHAR * date) }, children: [body(letter.date)] }));
  if (labels.address) {
    paragraphs.push(new Paragraph({ spacing: bodyLine, children: [] }));
    paragraphs.push(new Paragraph({ spacing: bodyLine, children: [body(labels.address)] }));
  }
  const doc = new Document({
    creator: letter.office,
    title: letter.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: FONT.body, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwips(210), height: mmToTwips(297) },
            margin: { top: mmToTwips(GBT9704.margins.top), bottom: mmToTwips(GBT9704.margins.bottom), left: mmToTwips(GBT9704.margins.left), right: mmToTwips(GBT9704.margins.right), footer: mmToTwips(GBT9704.footerMm) },
          },
          // Word's 文档网格 of 22 lines; the 28 characters a line holds come from the runs' spacing (TIGHTEN).
          grid: { type: "lines", linePitch: LINE },
        },
        footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
        children: paragraphs,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
