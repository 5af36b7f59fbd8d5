import type { ColumnType, Generated } from "kysely";

/** A JSON column with a default: optional on insert. */
type JsonDefault<T> = ColumnType<T, string | undefined, string>;
type Json<T> = ColumnType<T | null, string | null | undefined, string | null>;
type Created = ColumnType<Date, Date | undefined, never>;

export type ReportStatus = "drafting" | "in_approval" | "published" | "superseded";
/** A past year's report: in the chain, published on its approval, or neither (db/0002_past_report_approval.ts). */
export type PastFileStatus = "in_approval" | "published" | "withdrawn";

/** A manual cell as stored: the drafter's figure and the source it came from. */
export interface StoredManualCell {
  value: number;
  note: string;
}

/** A paragraph of 一、五 or 六 as edited; `quotes` are the figure keys it cites. */
export interface StoredParagraph {
  text: string;
  quotes?: string[];
  /** The value of each quoted key when the text was drafted. */
  quoted?: Record<string, number>;
  /** Still to be completed by the drafter: blocks submission. */
  todo?: boolean;
}
export interface StoredNarrativePart {
  heading?: string;
  paragraphs: StoredParagraph[];
}
/** The narrative sections by the format's section key (overview, problems, other). */
export type StoredNarrative = Partial<Record<"overview" | "problems" | "other", StoredNarrativePart[]>>;

/** The plugin's tables as Kysely sees them (db/0001_reports.ts and 0002 are the source of truth). Dates are `YYYY-MM-DD`. */
export type AnnualReportDatabase = {
  annual_report_reports: {
    tenant_id: string;
    id: Generated<string>;
    year: number;
    version: number;
    status: ReportStatus;
    manual_cells: JsonDefault<Record<string, StoredManualCell>>;
    narrative: JsonDefault<StoredNarrative>;
    /** Figure key → number, as the report readers gave them when the version was sent for approval. */
    figures_snapshot: Json<Record<string, number>>;
    document_id: string | null;
    catalogue_item_id: string | null;
    index_number: string | null;
    published_on: string | null;
    correction_reason: string | null;
    created_by: string | null;
    created_at: Created;
    updated_at: Generated<Date>;
  };
  annual_report_past_files: {
    tenant_id: string;
    id: Generated<string>;
    year: number;
    title: string;
    file_name: string | null;
    mime: string | null;
    size: number | null;
    sha256: string | null;
    content: Buffer | null;
    published_url: string | null;
    published_on: string | null;
    uploaded_by: string | null;
    created_at: Created;
    status: PastFileStatus;
    document_id: string | null;
  };
};
