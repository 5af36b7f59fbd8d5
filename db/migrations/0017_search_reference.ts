import { sql, type Kysely } from "kysely";

/**
 * A search row's own reference (a disclosure item's 索引号), so an officer answering an application
 * with published items can cite each by its 索引号 without reading the plugin's tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE search_documents ADD COLUMN reference text CHECK (length(reference) <= 100)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE search_documents DROP COLUMN reference`.execute(db);
}
