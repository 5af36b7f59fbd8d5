import { sql, type Kysely, type RawBuilder } from "kysely";

/**
 * An online application withdrawn before the office confirmed it was never received (条例第三十一条):
 * it is closed without a receipt date and without a row of table 三. The table's checks said a
 * closed application always had both, so such a withdrawal was stored as received on the day it was
 * withdrawn and counted in 一 and （六）3. Now: unconfirmed means not received; a closed application
 * has a closing date; it has a table 三 row exactly when it was received. Rows stored the old way —
 * closed under （六）3 without any receipt fact (no confirmation, no channel date) — are set right.
 */
/**
 * Row-level security is forced on the table, so the owner running a migration (neither superuser
 * nor BYPASSRLS in production) would update no office's rows: it is lifted for the one statement.
 */
async function asOwner(db: Kysely<unknown>, statement: RawBuilder<unknown>): Promise<void> {
  await sql`ALTER TABLE requests_applications NO FORCE ROW LEVEL SECURITY`.execute(db);
  await statement.execute(db);
  await sql`ALTER TABLE requests_applications FORCE ROW LEVEL SECURITY`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ conname: string }>`
    SELECT conname FROM pg_constraint
     WHERE conrelid = 'requests_applications'::regclass AND contype = 'c'
       AND (pg_get_constraintdef(oid) LIKE '%received_on IS NULL%' OR pg_get_constraintdef(oid) LIKE '%reply_type IS NOT NULL%')`.execute(db);
  for (const r of rows) await sql`ALTER TABLE requests_applications DROP CONSTRAINT ${sql.id(r.conname)}`.execute(db);
  await asOwner(db, sql`
    UPDATE requests_applications SET received_on = NULL, reply_type = NULL
     WHERE status = 'closed' AND reply_type = 'other.other' AND receipt_facts = '{}'::jsonb`);
  await sql`
    ALTER TABLE requests_applications
      ADD CONSTRAINT requests_applications_unconfirmed CHECK (status <> 'unconfirmed' OR received_on IS NULL),
      ADD CONSTRAINT requests_applications_received CHECK (status IN ('unconfirmed', 'closed') OR received_on IS NOT NULL),
      ADD CONSTRAINT requests_applications_closed_on CHECK ((status = 'closed') = (closed_on IS NOT NULL)),
      ADD CONSTRAINT requests_applications_reply_row CHECK ((reply_type IS NOT NULL) = (status = 'closed' AND received_on IS NOT NULL))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await asOwner(db, sql`UPDATE requests_applications SET received_on = closed_on, reply_type = 'other.other' WHERE status = 'closed' AND received_on IS NULL`);
  for (const name of ["requests_applications_unconfirmed", "requests_applications_received", "requests_applications_closed_on", "requests_applications_reply_row"]) {
    await sql`ALTER TABLE requests_applications DROP CONSTRAINT ${sql.id(name)}`.execute(db);
  }
  await sql`
    ALTER TABLE requests_applications
      ADD CHECK ((status = 'unconfirmed') = (received_on IS NULL)),
      ADD CHECK ((status = 'closed') = (reply_type IS NOT NULL AND closed_on IS NOT NULL))`.execute(db);
}
