import { sql, type Kysely } from "kysely";

/**
 * Items another plugin published through the catalogue extension point (an annual report, a 名录):
 * the plugin and its record they came from, the record's version, the plugin's own public page and
 * the files it serves (links, not copies). One item per record: a corrected version replaces it.
 * Such an item is edited and withdrawn only through the plugin it came from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE disclosure_items
      ADD COLUMN source_plugin text CHECK (source_plugin ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
      ADD COLUMN source_id text CHECK (length(source_id) BETWEEN 1 AND 200),
      ADD COLUMN source_version int CHECK (source_version > 0),
      ADD COLUMN source_url text,
      ADD COLUMN source_attachments jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(source_attachments) = 'array'),
      ADD CONSTRAINT disclosure_items_source_whole CHECK (
        (source_plugin IS NULL) = (source_id IS NULL) AND (source_plugin IS NULL) = (source_version IS NULL) AND (source_plugin IS NULL) = (source_url IS NULL))`.execute(db);
  await sql`CREATE UNIQUE INDEX disclosure_items_source ON disclosure_items (tenant_id, source_plugin, source_id) WHERE source_plugin IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX disclosure_items_source`.execute(db);
  await sql`
    ALTER TABLE disclosure_items DROP CONSTRAINT disclosure_items_source_whole,
      DROP COLUMN source_plugin, DROP COLUMN source_id, DROP COLUMN source_version, DROP COLUMN source_url, DROP COLUMN source_attachments`.execute(db);
}
