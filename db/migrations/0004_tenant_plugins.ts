import { sql, type Kysely } from "kysely";
import { protectTenantTable } from "../rls";

/**
 * A sysadmin's per-tenant switch and settings for a plugin. Absent rows mean "as the tenant's
 * definition says"; a disabled plugin keeps its data.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE tenant_plugins (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      plugin_id text NOT NULL,
      enabled boolean NOT NULL,
      settings jsonb NOT NULL DEFAULT '{}',
      updated_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, plugin_id)
    )`.execute(db);
  await protectTenantTable(db, "tenant_plugins");
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE tenant_plugins`.execute(db);
}
