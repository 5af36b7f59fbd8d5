import type { ReportFormat } from "../../law/format";
import type { Narrative, NarrativeKey } from "../narrative/draft";
import { fillTable, type Figures, type ManualCells } from "./fill";
import type { AnnualReportModel, ReportMetaRow, ReportSection } from "./model";
import { traditionalModel } from "./traditional.server";

export interface AssembleInput {
  /** The office's name as the report prints it. */
  office: string;
  year: number;
  format: ReportFormat;
  /** The office's figures for the year, as the report reader gives them. */
  figures: Figures;
  /** What the drafter entered for the figures no enabled plugin provides. */
  manual: ManualCells;
  /** Sections 一, 五, 六 as drafted (draftNarrative) and edited. */
  narrative: Narrative;
  /** 索引号 and friends once published; empty while drafting. */
  meta?: ReportMetaRow[];
  /** 成文日期, ISO yyyy-mm-dd. */
  issuedOn?: string;
}

/** "东湖区生态环境分局2025年政府信息公开工作年度报告". */
export const reportTitle = (office: string, year: number) => `${office}${year}年政府信息公开工作年度报告`;

const isNarrative = (key: string, narrative: Narrative): key is NarrativeKey => Object.prototype.hasOwnProperty.call(narrative, key);

/**
 * The whole report every renderer draws: the format's sections in its order, each table filled from
 * the figures and the manual cells, each narrative section as edited under the format's own heading.
 */
export function assembleReport({ office, year, format, figures, manual, narrative, meta = [], issuedOn }: AssembleInput): AnnualReportModel {
  const sections = format.sections.map((s): ReportSection => {
    if (s.table) return { key: s.key, kind: "table", heading: s.heading, table: fillTable(format.tables[s.table], figures, manual) };
    if (!isNarrative(s.key, narrative)) throw new Error(`no narrative for section ${s.heading}`);
    return { ...narrative[s.key], key: s.key, kind: "narrative", heading: s.heading };
  });
  return { title: reportTitle(office, year), officeName: office, year, meta, sections, ...(issuedOn ? { issuedOn } : {}) };
}

/** The report for a page in `locale`: official Chinese, in traditional characters on zh-TW pages. */
export function assembleReportFor(locale: string, input: AssembleInput): AnnualReportModel {
  const model = assembleReport(input);
  return locale === "zh-TW" ? traditionalModel(model) : model;
}
