import { sql, type Kysely } from "kysely";

/**
 * The `tenant_read` and `ancestors_read` policies read the scope's offices once per statement, not
 * once per row. Written as `tenant_id = ANY (app_read_tenants())`, the inlined function parsed
 * `app.read_tenants` again for every row, and `app_ancestor_tenants()` (not inlinable) walked the
 * office tree again for every row: little for one office, but growing with rows times offices — the
 * report figures of 3,000 offices took minutes. A scalar sub-select is evaluated once (an InitPlan)
 * and lets the same rows through. Tables created later get the same text from db/rls.ts.
 */
const POLICIES = {
  tenant_read: { now: sql`tenant_id = ANY ((SELECT app_read_tenants())::uuid[])`, before: sql`tenant_id = ANY (app_read_tenants())` },
  ancestors_read: { now: sql`tenant_id = ANY ((SELECT app_ancestor_tenants())::uuid[])`, before: sql`tenant_id = ANY (app_ancestor_tenants())` },
};

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, p] of Object.entries(POLICIES)) await alterAll(db, name, p.now);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name, p] of Object.entries(POLICIES)) await alterAll(db, name, p.before);
}

async function alterAll(db: Kysely<unknown>, policy: string, using: ReturnType<typeof sql>) {
  const { rows } = await sql<{ table: string }>`
    SELECT tablename AS table FROM pg_policies WHERE schemaname = current_schema() AND policyname = ${policy}`.execute(db);
  for (const { table } of rows) await sql`ALTER POLICY ${sql.id(policy)} ON ${sql.table(table)} USING (${using})`.execute(db);
}
