/**
 * A national annual report format as data: its sections, the grid of each table with its merges,
 * every figure cell bound to a figure key, and the identities the figures must satisfy. Labels are
 * the official simplified Chinese, character for character; `gloss` is an English rendering for
 * foreign readers, printed beside the official text on English pages, never instead of it.
 */

export type SectionKey = "overview" | "proactive" | "requests" | "remedies" | "problems" | "other";
export type TableKey = "t2" | "t3" | "t4";

export interface FormatSection {
  key: SectionKey;
  /** The heading as printed, numbering included: "一、总体情况". */
  heading: string;
  gloss: string;
  /** The table printed under the heading; narrative sections have none. */
  table?: TableKey;
}

interface Spans {
  colSpan?: number;
  rowSpan?: number;
}

export type FormatCell =
  | ({ kind: "header"; text: string; gloss: string } & Spans)
  | ({ kind: "label"; text: string; gloss: string; level?: 0 | 1 | 2 } & Spans)
  /** A figure: `decimals` places allowed and shown (0 when absent: a whole number). */
  | { kind: "value"; key: string; decimals?: number; colSpan?: number }
  | ({ kind: "blank" } & Spans);

export interface FormatTable {
  key: TableKey;
  /** The section heading the table sits under. */
  title: string;
  gloss: string;
  /** Header rows (thead), then body rows; a cell under another's span is omitted, as in HTML. */
  head: FormatCell[][];
  body: FormatCell[][];
  /** Relative widths, one per grid column. */
  columnWidths: number[];
}

/** sum(left) = sum(right): an identity between figure cells, named by its rule. */
export interface Identity {
  rule: IdentityRule;
  left: string[];
  right: string[];
}

export type IdentityRule = "t3.balance" | "t3.results_total" | "t3.row_total" | "t4.group_total";

/** Soft: this year's cell should equal last year's published cell. */
export interface CrossYearCheck {
  rule: "t3.carried_over";
  thisYear: string;
  lastYear: string;
}

export interface LegalSource {
  /** 文号 of the format. */
  instrument: string;
  issued: string;
  /** What requires the report and its contents. */
  basis: string;
}

export interface ReportFormat {
  key: "2021";
  source: LegalSource;
  sections: FormatSection[];
  tables: Record<TableKey, FormatTable>;
  identities: Identity[];
  crossYear: CrossYearCheck[];
}
