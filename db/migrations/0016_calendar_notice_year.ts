import { sql, type Kysely } from "kysely";

/**
 * Which State Council notice an override was imported from (null: a day set by hand). An import
 * replaces its year's earlier imported rows and leaves hand-set days alone, and a year with an
 * imported notice counts as covered, so the 放假办法's computed holidays no longer apply to it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE calendar_overrides ADD COLUMN notice_year smallint CHECK (notice_year BETWEEN 2000 AND 2100)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE calendar_overrides DROP COLUMN notice_year`.execute(db);
}
