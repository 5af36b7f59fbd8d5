import { AlignmentType, Document, ExternalHyperlink, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import { docxToRichText, NotADocxError } from "~/core/rich-text/index.server";

/** A small Word document as an office would write one: headings, paragraphs, both kinds of list, a table with a merged cell, a link. */
async function sampleDocx(): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [{ reference: "numbered", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }] }],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: "关于2026年第三季度水质的通报", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun("第一段："), new TextRun({ text: "水质稳定", bold: true }), new TextRun("。")] }),
          new Paragraph({ text: "第二段。" }),
          new Paragraph({ text: "一、主要措施", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: "加强监测", numbering: { reference: "numbered", level: 0 } }),
          new Paragraph({ text: "严格执法", numbering: { reference: "numbered", level: 0 } }),
          new Paragraph({ text: "各区分局", bullet: { level: 0 } }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ columnSpan: 2, children: [new Paragraph("断面水质")] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph("东江桥")] }), new TableCell({ children: [new Paragraph("Ⅱ类")] })] }),
            ],
          }),
          new Paragraph({ children: [new TextRun("详见"), new ExternalHyperlink({ link: "https://sthjj.example.gov.cn/sz", children: [new TextRun("水质月报")] })] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe("a .docx uploaded as the body", () => {
  it("becomes the stored form: headings one level below the page's, paragraphs, lists, the table with its span, the link", async () => {
    expect(await docxToRichText(await sampleDocx())).toBe(
      "<h2>关于2026年第三季度水质的通报</h2>" +
        "<p>第一段：<strong>水质稳定</strong>。</p>" +
        "<p>第二段。</p>" +
        "<h3>一、主要措施</h3>" +
        "<ol><li>加强监测</li><li>严格执法</li></ol>" +
        "<ul><li>各区分局</li></ul>" +
        '<table><tr><td colspan="2"><p>断面水质</p></td></tr><tr><td><p>东江桥</p></td><td><p>Ⅱ类</p></td></tr></table>' +
        '<p>详见<a href="https://sthjj.example.gov.cn/sz">水质月报</a></p>',
    );
  });

  it("refuses a file that is no Word document", async () => {
    await expect(docxToRichText(new TextEncoder().encode("%PDF-1.7 not a docx"))).rejects.toBeInstanceOf(NotADocxError);
  });
});
