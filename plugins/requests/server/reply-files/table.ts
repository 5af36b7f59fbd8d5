import type { ColumnType, Generated, Transaction } from "kysely";

/** requests_reply_files (db/0006_reply_files.ts) as Kysely sees it. */
export interface ReplyFilesDatabase {
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
    created_at: ColumnType<Date, Date | undefined, never>;
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the context's transaction knows no plugin tables
export const filesTable = (trx: Transaction<any>) => trx as Transaction<ReplyFilesDatabase>;
