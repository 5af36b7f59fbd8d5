/**
 * A report as every renderer sees it: the staff view, the public page and the .docx all draw the
 * same filled model, so what is approved is what is published. Built from the format
 * (law/format-2021.ts), the figures the report readers give and the drafter's manual cells.
 */

/** One cell of a table as printed: a label or header, or a figure. Spans as in HTML. */
export type GridCell =
  | { kind: "header"; text: string; colSpan?: number; rowSpan?: number; /** English for foreign readers, shown beside the official text on English pages. */ gloss?: string }
  | { kind: "label"; text: string; colSpan?: number; rowSpan?: number; /** 0 = 一、…, 1 = （一）…, 2 = 1.… */ level?: 0 | 1 | 2; gloss?: string }
  | {
      kind: "value";
      /** The figure key the cell is bound to, e.g. "requests.t3.received.natural". */
      key: string;
      /** null: not yet known (a manual cell not filled in). */
      value: number | null;
      /** Entered by the drafter because no enabled plugin provides the figure. */
      manual: boolean;
      /** The drafter's note on the source of a manual figure. */
      note?: string;
      /** Decimal places shown (table 二 （八） 万元 may have decimals); 0 when absent. */
      decimals?: number;
      /** Table 二's （五）（六）（八） figures span the three columns under their one header. */
      colSpan?: number;
    }
  | { kind: "blank"; colSpan?: number; rowSpan?: number };

export interface ReportTable {
  /** "t2", "t3", "t4". */
  key: string;
  /** The section heading the table sits under, e.g. "二、主动公开政府信息情况". */
  title: string;
  /** English gloss of the title, for English pages. */
  gloss?: string;
  /** Header rows (thead), then body rows (tbody); cells under a rowSpan/colSpan are omitted, as in HTML. */
  head: GridCell[][];
  body: GridCell[][];
  /** Column widths in relative units (sum is arbitrary), so HTML and .docx lay out the same grid. */
  columnWidths: number[];
}

export interface ReportParagraph {
  text: string;
  /** Figure keys quoted in the text: a changed cell flags the paragraph. */
  quotes?: string[];
  /** The value of each quoted key when the text was drafted, kept through edits so a later change is seen. */
  quoted?: Record<string, number>;
  /** Drafted without the facts (a placeholder 【…】 or a subject the platform cannot know): the drafter completes it. */
  todo?: boolean;
}

export type ReportSection =
  | { key: string; kind: "narrative"; heading: string; /** Level-2 headings (（一）主动公开 …) with their paragraphs, or paragraphs alone. */ parts: { heading?: string; paragraphs: ReportParagraph[] }[] }
  | { key: string; kind: "table"; heading: string; table: ReportTable };

/** One row of the 索引号 table shown above a published report. */
export interface ReportMetaRow {
  label: string;
  value: string;
}

export interface AnnualReportModel {
  /** e.g. "东湖区生态环境分局2025年政府信息公开工作年度报告" — official Chinese. */
  title: string;
  officeName: string;
  year: number;
  /** 索引号 and friends once published; empty while drafting. */
  meta: ReportMetaRow[];
  /** The six sections of the 2021 format, in order. */
  sections: ReportSection[];
  /** The date printed under the report (成文日期), ISO yyyy-mm-dd, when known. */
  issuedOn?: string;
}
