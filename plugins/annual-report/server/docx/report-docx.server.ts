import type { FileChild } from "docx";
import { gongwenDocx, gongwenHeading, gongwenParagraph, gongwenSignature, gongwenTable, gongwenTitle } from "../../../../app/plugin-api/gongwen.server";
import type { AnnualReportModel, ReportSection } from "../report/model";
import { tableSpec } from "./table-cells";

/** The paragraph without the full-width spaces Chinese text indents with: the layout indents it. */
const unindented = (text: string) => text.replace(/^[\u3000 ]+/, "");

/** 2026-01-20 → 2026年1月20日, as 成文日期 is written (GB/T 9704 §7.3.5.1). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** A section's heading and content; the report's last paragraph goes with the signature, which never stands alone on a page. */
function section(s: ReportSection, last: boolean): FileChild[] {
  const heading = gongwenHeading(s.heading, 1);
  if (s.kind === "table") return [heading, gongwenTable(tableSpec(s.table))];
  const texts = s.parts.flatMap((part) => [...(part.heading ? [{ heading: part.heading }] : []), ...part.paragraphs.map((p) => ({ text: unindented(p.text) }))]);
  return [
    heading,
    ...texts.map((t, i) => ("heading" in t ? gongwenHeading(t.heading, 2) : gongwenParagraph(t.text, { keepNext: last && i === texts.length - 1 ? true : undefined }))),
  ];
}

/**
 * The annual report as a Word file in 公文 layout (GB/T 9704-2012): the title in 2号小标宋, the six
 * sections with their headings in 黑体 and 楷体, narrative in 3号仿宋 on the 22 × 28 grid, the three
 * tables fitted to the type area, the office and 成文日期 at the end.
 */
export async function reportDocx(model: AnnualReportModel): Promise<Buffer> {
  const children: FileChild[] = [
    gongwenTitle(model.title),
    ...model.sections.flatMap((s, i) => section(s, i === model.sections.length - 1)),
    ...gongwenSignature(model.officeName, model.issuedOn ? chineseDate(model.issuedOn) : undefined),
  ];
  return gongwenDocx({ title: model.title, creator: model.officeName, children });
}
