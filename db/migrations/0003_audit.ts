import { sql, type Kysely } from "kysely";
import { protectTenantTable } from "../rls";

/**
 * Append-only audit trail, one SHA-256 hash chain per tenant (platform events use the nil uuid).
 * The serving role gets SELECT and INSERT only, so it can neither rewrite nor erase history.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE audit_events (
      tenant_id uuid NOT NULL,
      seq bigint NOT NULL,
      at timestamptz NOT NULL,
      actor_id uuid,
      actor_name text,
      action text NOT NULL,
      target_type text,
      target_id text,
      outcome text NOT NULL CHECK (outcome IN ('success', 'failure')),
      ip text,
      request_id text,
      data jsonb NOT NULL DEFAULT '{}',
      prev_hash text NOT NULL,
      hash text NOT NULL,
      PRIMARY KEY (tenant_id, seq)
    )`.execute(db);
  await sql`CREATE INDEX audit_events_at ON audit_events (tenant_id, at DESC)`.execute(db);
  await sql`CREATE INDEX audit_events_actor ON audit_events (tenant_id, actor_id, at DESC)`.execute(db);
  await protectTenantTable(db, "audit_events", ["SELECT", "INSERT"]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE audit_events`.execute(db);
}
