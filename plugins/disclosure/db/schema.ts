import type { ColumnType, Generated } from "kysely";

type DateColumn = ColumnType<Date | string, string, string>;
type Json<T> = ColumnType<T, string, string>;
/** A nullable column added later: inserts written before it need not name it. */
type Added<T> = ColumnType<T | null, T | null | undefined, T | null>;

/** The plugin's tables as Kysely sees them (the migrations are the source of truth), which types the transactions of its contexts (server/context.ts). */
export type DisclosureDatabase = {
  disclosure_categories: {
    tenant_id: string;
    key: string;
    parent_key: string | null;
    label: Json<Record<string, string>>;
    legal_source: string | null;
    kind: string | null;
    position: number;
  };
  disclosure_list_rows: {
    tenant_id: string;
    key: string;
    category_key: string;
    first_level: string;
    second_level: string;
    content: string;
    basis: string;
    time_limit: string;
    time_limit_workdays: number | null;
    responsible: string;
    channels: string[];
    audience: string;
    mode: string;
    position: number;
  };
  disclosure_items: {
    tenant_id: string;
    id: Generated<string>;
    document_id: string | null;
    index_number: string;
    category_key: string;
    list_row_key: string | null;
    title: string;
    summary: string | null;
    issuer: string;
    doc_number: string | null;
    written_on: DateColumn;
    formed_on: DateColumn;
    published_on: DateColumn;
    topic: string;
    attribute: string;
    validity: string | null;
    valid_from: DateColumn | null;
    ended_on: DateColumn | null;
    body_html: string;
    attachments: Json<unknown[]>;
    interprets_id: string | null;
    status: Generated<string>;
    withdrawn_on: DateColumn | null;
    withdrawal_reason: string | null;
    version: Generated<number>;
    search_text: Generated<string>;
    updated_at: Generated<Date>;
    /** Set on items another plugin fed through the catalogue extension point (0007). */
    source_plugin: Added<string>;
    source_id: Added<string>;
    source_version: Added<number>;
    source_url: Added<string>;
    source_attachments: ColumnType<unknown[], string | undefined, string>;
  };
  disclosure_item_versions: { tenant_id: string; item_id: string; version: number; snapshot: Json<unknown>; reason: string; changed_by: string | null; changed_at: Generated<Date> };
  disclosure_attachments: { tenant_id: string; id: Generated<string>; name: string; mime: string; size: number; sha256: string; bytes: Buffer; text: string; uploaded_by: string | null; uploaded_at: Generated<Date> };
  disclosure_import_jobs: {
    tenant_id: string;
    id: Generated<string>;
    started_by: string;
    file_name: string;
    mode: "check" | "submit";
    stage: Generated<"reading" | "checking" | "saving" | "done" | "failed">;
    done: Generated<number>;
    total: number | null;
    result: ColumnType<unknown, string | null, string | null> | null;
    started_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
};
