import { sql, type Kysely } from "kysely";
import { APP_ROLE } from "../roles";

/** The serving role and the three settings every row-level policy reads. They fail closed: unset means nothing. */
export async function up(db: Kysely<any>): Promise<void> {
  // Roles are cluster-wide: another database of the cluster may have created it (even concurrently).
  await sql`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${sql.raw(APP_ROLE)}') THEN
        CREATE ROLE ${sql.raw(APP_ROLE)} NOLOGIN NOSUPERUSER NOBYPASSRLS;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`.execute(db);
  // A non-superuser owner must be a member to SET ROLE; a superuser needs no membership.
  await sql`
    DO $$ BEGIN
      EXECUTE format('GRANT %I TO %I', '${sql.raw(APP_ROLE)}', current_user);
    EXCEPTION WHEN others THEN NULL;
    END $$`.execute(db);
  await sql`GRANT USAGE ON SCHEMA public TO ${sql.raw(APP_ROLE)}`.execute(db);
  // /healthz reports migration state as the serving role.
  await sql`GRANT SELECT ON core_migrations TO ${sql.raw(APP_ROLE)}`.execute(db);
  await sql`
    CREATE FUNCTION app_tenant_id() RETURNS uuid LANGUAGE sql STABLE AS
    $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$`.execute(db);
  await sql`
    CREATE FUNCTION app_read_tenants() RETURNS uuid[] LANGUAGE sql STABLE AS
    $$ SELECT COALESCE(string_to_array(NULLIF(current_setting('app.read_tenants', true), ''), ',')::uuid[], '{}') $$`.execute(db);
  await sql`
    CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
    $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION app_user_id(); DROP FUNCTION app_read_tenants(); DROP FUNCTION app_tenant_id()`.execute(db);
}
