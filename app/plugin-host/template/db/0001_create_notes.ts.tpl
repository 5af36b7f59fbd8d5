import { sql, type Kysely } from "kysely";
import { protectTenantTable } from "../../../app/plugin-api";

// Frozen once shipped: change the schema with a new migration, never by editing this one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE __TABLE___notes (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      body text NOT NULL,
      is_public boolean NOT NULL DEFAULT false,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id)
    )`.execute(db);
  await protectTenantTable(db, "__TABLE___notes");
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE __TABLE___notes`.execute(db);
}
