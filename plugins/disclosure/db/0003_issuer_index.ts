import { sql, type Kysely } from "kysely";

/**
 * The search filter's issuers are read by skipping from one issuer to the next through this index
 * (items.server.ts `issuersOf`); `attribute` is included for the public's row-level policy.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX disclosure_items_issuer ON disclosure_items (tenant_id, issuer) INCLUDE (attribute)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX disclosure_items_issuer`.execute(db);
}
