import { sql, type Kysely } from "kysely";
import { protectTenantTable } from "../rls";

/**
 * Gapless counters per tenant, sequence and year (索引号, request tracking numbers). The counter
 * row is bumped inside the publishing transaction, so its row lock queues concurrent publishers
 * and a rollback returns the number. No DELETE grant: a counter that could be reset would reissue
 * numbers already published.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE number_sequences (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      sequence text NOT NULL,
      year int NOT NULL,
      last_value int NOT NULL CHECK (last_value > 0),
      PRIMARY KEY (tenant_id, sequence, year)
    )`.execute(db);
  await protectTenantTable(db, "number_sequences", ["SELECT", "INSERT", "UPDATE"]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE number_sequences`.execute(db);
}
