import { sql, type Kysely } from "kysely";
import { protectTenantTable } from "../rls";

/**
 * Each office's own sensitive words for the classification scan; an office's scan also uses every
 * ancestor's words (a city's list applies to its offices). Words are stored trimmed, 1–50
 * characters. No UPDATE grant: a word is added or removed, never edited.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE sensitive_words (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      word text NOT NULL CHECK (char_length(word) BETWEEN 1 AND 50 AND word = btrim(word)),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, word)
    )`.execute(db);
  await protectTenantTable(db, "sensitive_words", ["SELECT", "INSERT", "DELETE"]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE sensitive_words`.execute(db);
}
