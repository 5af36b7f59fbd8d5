import { sql, type Kysely } from "kysely";

/**
 * A past year's report reaches the public like every published text: through the office's chain and
 * 保密审查. Each kept file or link is carried by a workflow document (`document_id`) and is
 * `in_approval` until its last approval publishes it. `withdrawn`: neither public nor in the chain,
 * which is what the files kept before this migration are, since none of them passed it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE annual_report_past_files
      ADD COLUMN status text NOT NULL DEFAULT 'withdrawn' CHECK (status IN ('in_approval', 'published', 'withdrawn')),
      ADD COLUMN document_id uuid,
      ADD CONSTRAINT annual_report_past_files_approved CHECK (status = 'withdrawn' OR document_id IS NOT NULL)`.execute(db);
  // A row added from now on names its state.
  await sql`ALTER TABLE annual_report_past_files ALTER COLUMN status DROP DEFAULT`.execute(db);
  await sql`CREATE INDEX annual_report_past_files_document ON annual_report_past_files (tenant_id, document_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX annual_report_past_files_document`.execute(db);
  await sql`ALTER TABLE annual_report_past_files DROP CONSTRAINT annual_report_past_files_approved, DROP COLUMN document_id, DROP COLUMN status`.execute(db);
}
