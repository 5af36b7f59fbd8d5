import { sql, type Kysely } from "kysely";
import { APP_ROLE } from "./roles";

type Privilege = "SELECT" | "INSERT" | "UPDATE" | "DELETE";

/**
 * Who reads a tenant row: its tenant is among the scope's. The sub-select makes PostgreSQL parse
 * `app.read_tenants` once per statement (an InitPlan) instead of once per row (migration 0018).
 */
export const TENANT_READ = sql`tenant_id = ANY ((SELECT app_read_tenants())::uuid[])`;
/** Rows of the offices above those read, their tree walked once per statement, not once per row (migration 0018). */
export const ANCESTORS_READ = sql`tenant_id = ANY ((SELECT app_ancestor_tenants())::uuid[])`;

/**
 * Puts a tenant table under forced row-level security: rows are readable when their tenant is in
 * `app.read_tenants` and writable only when it is `app.tenant_id`. Core and plugin migrations
 * call this for every table that has a `tenant_id` column.
 */
export async function protectTenantTable(
  db: Kysely<any>,
  table: string,
  privileges: Privilege[] = ["SELECT", "INSERT", "UPDATE", "DELETE"],
): Promise<void> {
  const t = sql.table(table);
  await sql`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY tenant_read ON ${t} FOR SELECT USING (${TENANT_READ})`.execute(db);
  for (const cmd of privileges.filter((p) => p !== "SELECT")) {
    const name = sql.raw(`tenant_${cmd.toLowerCase()}`);
    const clause =
      cmd === "INSERT"
        ? sql`WITH CHECK (tenant_id = app_tenant_id())`
        : cmd === "UPDATE"
          ? sql`USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())`
          : sql`USING (tenant_id = app_tenant_id())`;
    await sql`CREATE POLICY ${name} ON ${t} FOR ${sql.raw(cmd)} ${clause}`.execute(db);
  }
  await grant(db, table, privileges);
}

/** Grants the serving role exactly these privileges on a table. */
export async function grant(db: Kysely<any>, table: string, privileges: Privilege[]): Promise<void> {
  await sql`GRANT ${sql.raw(privileges.join(", "))} ON ${sql.table(table)} TO ${sql.raw(APP_ROLE)}`.execute(db);
}

/**
 * Lets an office also read its ancestors' rows of a tenant table (a city's additions apply to its
 * branch offices), within its own transaction; writing stays limited to its own rows.
 */
export async function allowAncestorRead(db: Kysely<any>, table: string): Promise<void> {
  await sql`CREATE POLICY ancestors_read ON ${sql.table(table)} FOR SELECT USING (${ANCESTORS_READ})`.execute(db);
}
