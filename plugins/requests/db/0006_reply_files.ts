import { sql, type Kysely } from "kysely";
import { protectTenantTable } from "../../../app/plugin-api";

/**
 * Files a reply provides (提供的政府信息 as PDF, Word, Excel or images): uploaded while the reply is
 * drafted, carried by the reply document (`document_id`, with their extracted text, so 保密审查 scans
 * them), and released to the applicant when the reply is sent (`released_on`). A file whose text the
 * classifier redacted is not released as a file (`withheld`): the applicant receives its redacted text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE requests_reply_files (
      tenant_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      mime text NOT NULL,
      size int NOT NULL CHECK (size > 0),
      sha256 text NOT NULL CHECK (length(sha256) = 64),
      content bytea NOT NULL,
      text text NOT NULL DEFAULT '',
      uploaded_by uuid,
      document_id uuid,
      released_on date,
      withheld boolean NOT NULL DEFAULT false,
      -- clock_timestamp: the files of one upload keep the order they were sent in
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, application_id) REFERENCES requests_applications (tenant_id, id),
      CHECK (released_on IS NULL OR document_id IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX requests_reply_files_application ON requests_reply_files (tenant_id, application_id, created_at)`.execute(db);
  await protectTenantTable(db, "requests_reply_files");
  // As the plugin's other tables: the public reads a file only in a submission transaction, after its query code.
  await sql`CREATE POLICY staff_or_submission ON requests_reply_files AS RESTRICTIVE FOR SELECT
    USING (app_user_id() IS NOT NULL OR tenant_id = app_tenant_id())`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE requests_reply_files`.execute(db);
}
