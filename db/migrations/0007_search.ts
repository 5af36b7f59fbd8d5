import { sql, type Kysely } from "kysely";
import { protectTenantTable } from "../rls";

/**
 * Full-text search over whatever plugins index (stack.md trap 6): the app stores CJK bigrams and
 * words in `tokens`, and a stored tsvector with a GIN index serves 2-character Chinese queries,
 * which trigram indexes cannot.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE search_documents (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      source text NOT NULL,
      source_id text NOT NULL,
      title text NOT NULL,
      body text NOT NULL DEFAULT '',
      url text NOT NULL,
      published_at timestamptz,
      tokens text NOT NULL,
      tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', tokens)) STORED,
      PRIMARY KEY (tenant_id, source, source_id)
    )`.execute(db);
  await sql`CREATE INDEX search_documents_tsv ON search_documents USING gin (tsv)`.execute(db);
  await sql`CREATE INDEX search_documents_recent ON search_documents (tenant_id, published_at DESC NULLS LAST)`.execute(db);
  await protectTenantTable(db, "search_documents");
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE search_documents`.execute(db);
}
