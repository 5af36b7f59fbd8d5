import type { ColumnType, Generated } from "kysely";

/** A JSON column with a default: optional on insert. */
type JsonDefault<T> = ColumnType<T, string | undefined, string>;
type Created = ColumnType<Date, Date | undefined, never>;

export type ApplicationStatus = "unconfirmed" | "processing" | "awaiting_supplement" | "consulting" | "awaiting_fee" | "closed";
export type NoticeKind = "supplement" | "extension" | "third_party" | "other_agency" | "fee" | "reply";
export type AppealKind = "review" | "direct_suit" | "suit_after_review";
export type AppealOutcome = "upheld" | "corrected" | "other" | "pending";

/** A released document as the applicant receives it: the redacted rendition. */
export interface ReleasedDocument {
  title: string;
  body: string;
}

/** The plugin's tables as Kysely sees them (db/0001_requests.ts is the source of truth), which types the transactions of its contexts (server/context.ts). Dates are `YYYY-MM-DD`. */
export type RequestsDatabase = {
  requests_applications: {
    tenant_id: string;
    id: Generated<string>;
    tracking_no: string;
    query_code_hash: string;
    channel: string;
    receipt_facts: JsonDefault<Record<string, string>>;
    submitted_at: Created;
    received_on: string | null;
    applicant_type: string;
    applicant_sealed: string;
    applicant_masked: string;
    applicant_key: string;
    subject: string;
    doc_number: string | null;
    description: string;
    form: "paper" | "electronic";
    delivery: "post" | "email" | "pickup" | "online";
    status: ApplicationStatus;
    supplement_due: string | null;
    fee_fen: number | null;
    fee_due: string | null;
    fee_paid_on: string | null;
    reply_type: string | null;
    closed_on: string | null;
    registered_by: string | null;
    /** The applicant's language, for letters: zh-CN, zh-TW or en. */
    locale: Generated<string>;
    updated_at: ColumnType<Date, Date | undefined, Date>;
  };
  requests_attachments: {
    tenant_id: string;
    id: Generated<string>;
    application_id: string;
    name: string;
    mime: string;
    size: number;
    /** The file's bytes as base64, sealed. */
    content_sealed: string;
    created_at: Created;
  };
  requests_notices: {
    tenant_id: string;
    id: Generated<string>;
    application_id: string;
    kind: NoticeKind;
    document_id: string | null;
    title: string;
    body: string;
    details: JsonDefault<Record<string, unknown>>;
    released: JsonDefault<ReleasedDocument[]>;
    sent_on: string | null;
    created_at: Created;
  };
  requests_supplements: {
    tenant_id: string;
    id: Generated<string>;
    application_id: string;
    body: string;
    received_on: string;
    via: "online" | "staff";
    created_at: Created;
  };
  requests_consultations: {
    tenant_id: string;
    id: Generated<string>;
    application_id: string;
    kind: "third_party" | "other_agency";
    party: string;
    sent_on: string;
    answer_due: string;
    answered_on: string | null;
    answer: "consent" | "objection" | "no_answer" | null;
    note: string | null;
  };
  requests_appeals: {
    tenant_id: string;
    id: Generated<string>;
    application_id: string;
    kind: AppealKind;
    body: string;
    filed_on: string;
    outcome: AppealOutcome;
    decided_on: string | null;
    note: string | null;
  };
  /** The files a reply provides (0006_reply_files). */
  requests_reply_files: {
    tenant_id: string;
    id: Generated<string>;
    application_id: string;
    name: string;
    mime: string;
    size: number;
    sha256: string;
    content: Buffer;
    text: string;
    uploaded_by: string | null;
    document_id: string | null;
    released_on: string | null;
    withheld: Generated<boolean>;
    created_at: Created;
  };
};

/** The reply clock of an application, on the core ledger. */
export const clockId = (applicationId: string) => `requests.reply:${applicationId}`;
