import PDFDocument from "pdfkit";

/**
 * An A4 PDF of Chinese text (a title and paragraphs), written with pdfkit. pdfkit embeds only
 * TrueType/OpenType fonts and no Chinese font ships with npm at a sensible size, so the Chinese text
 * uses the non-embedded Adobe standard CJK font `STSong-Light` in the `UniGB-UCS2-H` encoding, which
 * every PDF reader supplies (Acrobat, Foxit, WPS, PDFium, pdf.js, poppler): pdfkit cannot write such a
 * font, so its dictionaries are added to the page by hand. A `/ToUnicode` map makes the text
 * extractable for search and the 保密审查 scan without the reader's CMap files. Code points outside
 * the BMP are replaced with 〓 (UCS-2 has no surrogates).
 */
export async function chinesePdf(doc: { title: string; paragraphs: string[]; author?: string }): Promise<Uint8Array> {
  const pdf = new PDFDocument({ size: "A4", margin: 0, compress: true, autoFirstPage: false, info: { Title: doc.title, Author: doc.author ?? "", Creator: "Gongkai" } });
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on("end", () => resolve());
    pdf.on("error", reject);
  });

  const used = new Set<number>();
  const { font, finish } = fontRef(pdf, used);
  const pageW = 595.28;
  const pageH = 841.89;
  const margin = { left: 79, right: 74, top: 105, bottom: 100 }; // GB/T 9704 (公文格式): 28 mm / 26 mm / 37 mm / 35 mm
  const width = pageW - margin.left - margin.right;

  let y = pageH; // forces a first page
  const newPage = () => {
    pdf.addPage({ size: "A4", margin: 0 });
    (pdf.page as unknown as { fonts: Record<string, unknown> }).fonts.FCJK = font;
    y = margin.top;
  };
  const line = (text: string, size: number, x: number) => {
    if (y + size * 1.6 > pageH - margin.bottom) newPage();
    const codes = [...text].map((c) => (c.codePointAt(0)! > 0xffff ? 0x3013 : c.codePointAt(0)!));
    codes.forEach((c) => used.add(c));
    const hex = codes.map((c) => c.toString(16).padStart(4, "0")).join("");
    const baseline = pageH - y - size; // pdfkit flips the page's y axis; text is drawn in the unflipped space
    pdf.addContent(`q 1 0 0 -1 0 ${pageH} cm BT /FCJK ${size} Tf ${x.toFixed(2)} ${baseline.toFixed(2)} Td <${hex}> Tj ET Q`);
    y += size * 1.6;
  };

  const titleSize = 20;
  for (const part of wrap(doc.title, width, titleSize)) line(part, titleSize, margin.left + (width - measure(part, titleSize)) / 2);
  y += titleSize * 0.6;
  const size = 15; // 三号 is 16 pt; a little smaller keeps a register readable on one page
  for (const paragraph of doc.paragraphs) {
    const parts = wrap(paragraph, width, size);
    parts.forEach((part) => line(part, size, margin.left));
  }
  finish();
  pdf.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** Half-width for ASCII (CIDs 1–95 in Adobe-GB1 are proportional Latin; the font's `W` gives them 500), full width for the rest. */
const advance = (c: string) => (c.charCodeAt(0) < 0x7f ? 0.5 : 1);
const measure = (text: string, size: number) => [...text].reduce((w, c) => w + advance(c) * size, 0);

/** Lines no wider than `width`; Chinese breaks anywhere, but never before closing punctuation (避头). */
function wrap(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  for (const source of text.split("\n")) {
    let current = "";
    let w = 0;
    for (const c of source) {
      const a = advance(c) * size;
      if (w + a > width && current && !/[，。、；：？！）」』》”’,.;:?!)]/.test(c)) {
        lines.push(current);
        current = "";
        w = 0;
      }
      current += c;
      w += a;
    }
    lines.push(current);
  }
  return lines;
}

/** Writes a dictionary object (no stream): pdfkit's typings require a chunk that a stream would take. */
const close = (ref: PDFKit.PDFKitReference) => (ref.end as () => void).call(ref);

function fontRef(pdf: PDFKit.PDFDocument, used: Set<number>) {
  const descriptor = pdf.ref({
    Type: "FontDescriptor",
    FontName: "STSong-Light",
    Flags: 6,
    FontBBox: [-25, -254, 1000, 880],
    ItalicAngle: 0,
    Ascent: 880,
    Descent: -120,
    CapHeight: 880,
    StemV: 93,
  });
  close(descriptor);
  const cidFont = pdf.ref({
    Type: "Font",
    Subtype: "CIDFontType0",
    BaseFont: "STSong-Light",
    CIDSystemInfo: { Registry: new String("Adobe"), Ordering: new String("GB1"), Supplement: 4 },
    FontDescriptor: descriptor,
    DW: 1000,
    W: [1, 95, 500],
  });
  close(cidFont);
  const toUnicode = pdf.ref({});
  const font = pdf.ref({ Type: "Font", Subtype: "Type0", BaseFont: "STSong-Light-UniGB-UCS2-H", Encoding: "UniGB-UCS2-H", DescendantFonts: [cidFont], ToUnicode: toUnicode });
  // The ToUnicode map is written last, when every character used is known.
  const finish = () => {
    toUnicode.end(toUnicodeCMap(used));
    close(font);
  };
  return { font, finish };
}

/** A CMap mapping each used UCS-2 code to itself, in bfrange blocks of one high byte each. */
function toUnicodeCMap(used: Set<number>): string {
  const blocks = [...new Set([...used].map((c) => c >> 8))].sort((a, b) => a - b);
  const hex = (n: number) => n.toString(16).padStart(4, "0").toUpperCase();
  const ranges: string[] = [];
  for (let i = 0; i < blocks.length; i += 100) {
    const part = blocks.slice(i, i + 100);
    ranges.push(`${part.length} beginbfrange\n${part.map((b) => `<${hex(b << 8)}> <${hex((b << 8) | 0xff)}> <${hex(b << 8)}>`).join("\n")}\nendbfrange`);
  }
  return [
    "/CIDInit /ProcSet findresource begin",
    "12 dict begin",
    "begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def",
    "/CMapType 2 def",
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange",
    ...ranges,
    "endcmap",
    "CMapName currentdict /CMap defineresource pop",
    "end",
    "end",
  ].join("\n");
}
