import { sql, type Kysely } from "kysely";

/**
 * The staff list pages closed applications in SQL, newest closed first: this index hands them over
 * in that order (read backwards) and counts them, so a page reads 50 rows, not the office's history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX requests_applications_list ON requests_applications (tenant_id, status, closed_on, submitted_at, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX requests_applications_list`.execute(db);
}
