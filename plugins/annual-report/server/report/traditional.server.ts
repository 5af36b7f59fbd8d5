import * as OpenCC from "opencc-js";
import type { AnnualReportModel, GridCell, ReportSection, ReportTable } from "./model";

// The report is official Chinese; a zh-TW page shows it character by character in traditional
// script (OpenCC "tw", as the requests plugin converts its letters), figures and notes untouched.
// Server only: the converter's dictionaries stay out of the browser bundle.
const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

function cell(c: GridCell): GridCell {
  if (c.kind === "header" || c.kind === "label") return { ...c, text: toTraditional(c.text) };
  if (c.kind === "value" && c.note) return { ...c, note: toTraditional(c.note) };
  return c;
}

export function traditionalTable(table: ReportTable): ReportTable {
  const rows = (rs: GridCell[][]) => rs.map((r) => r.map(cell));
  return { ...table, title: toTraditional(table.title), head: rows(table.head), body: rows(table.body) };
}

function section(s: ReportSection): ReportSection {
  if (s.kind === "table") return { ...s, heading: toTraditional(s.heading), table: traditionalTable(s.table) };
  return {
    ...s,
    heading: toTraditional(s.heading),
    parts: s.parts.map((p) => ({
      ...(p.heading === undefined ? {} : { heading: toTraditional(p.heading) }),
      paragraphs: p.paragraphs.map((para) => ({ ...para, text: toTraditional(para.text) })),
    })),
  };
}

/** The whole report for a zh-TW page. */
export function traditionalModel(model: AnnualReportModel): AnnualReportModel {
  return {
    ...model,
    title: toTraditional(model.title),
    officeName: toTraditional(model.officeName),
    meta: model.meta.map((m) => ({ label: toTraditional(m.label), value: toTraditional(m.value) })),
    sections: model.sections.map(section),
  };
}
