import { sql, type Kysely } from "kysely";

/**
 * A 保密审查 record may carry no 公开属性: a document type that is sent, never published (a reply
 * letter to its applicant), records only the reviewer's declaration that it holds no state secret.
 * Without an attribute there is no ground for withholding either.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE classification_reviews ALTER COLUMN attribute DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE classification_reviews ADD CONSTRAINT classification_reviews_ground_needs_attribute CHECK (attribute IS NOT NULL OR ground IS NULL)`.execute(db);
}

/** Fails while a record without an attribute exists: those records have no older form. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE classification_reviews DROP CONSTRAINT classification_reviews_ground_needs_attribute`.execute(db);
  await sql`ALTER TABLE classification_reviews ALTER COLUMN attribute SET NOT NULL`.execute(db);
}
