import { sql, type Kysely } from "kysely";
import { APP_ROLE } from "../roles";

/**
 * 三员分立 as a rule of the data (issue 13, failure 2):
 *
 * - The serving role writes only the `users` columns the web needs. `platform_role` is written by
 *   the operator's command line (`npm run platform`), which connects as the owner.
 * - A platform administrator holds no office membership: a membership for one is refused, and so
 *   is a platform role for an account that has one. Both checks read across tenants, so they run
 *   as the owner (SECURITY DEFINER); the owner may read every membership for that (policy
 *   `owner_reads_all`, the owner can switch row-level security off anyway; requests never run as it).
 * - The permissions of the three administrators cannot be granted to a business role per tenant.
 *
 * Memberships and grants that break these rules are removed, with a warning naming them.
 */
const APP = sql.raw(APP_ROLE);
/** Held by default only by platform roles (app/core/permissions/catalog.ts, at the time of writing). */
const PLATFORM_PERMISSIONS = ["core.accounts.manage", "core.roles.manage", "core.audit.read", "core.tenants.manage"];
const platformPermissions = sql.join(PLATFORM_PERMISSIONS.map((p) => sql.lit(p)));

export async function up(db: Kysely<any>): Promise<void> {
  await sql`REVOKE INSERT, UPDATE ON users FROM ${APP}`.execute(db);
  await sql`GRANT INSERT (username, display_name, password_hash, password_changed_at, updated_at) ON users TO ${APP}`.execute(db);
  await sql`
    GRANT UPDATE (display_name, password_hash, password_changed_at, failed_attempts, locked_until, disabled, updated_at)
    ON users TO ${APP}`.execute(db);

  await sql`CREATE POLICY owner_reads_all ON memberships FOR SELECT TO CURRENT_USER USING (true)`.execute(db);

  // Forced row-level security applies to the owner too: lift it for the clean-up only.
  await sql`ALTER TABLE memberships NO FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE role_permissions NO FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`
    DO $$
    DECLARE r record;
    BEGIN
      FOR r IN
        DELETE FROM memberships m USING users u
        WHERE u.id = m.user_id AND u.platform_role IS NOT NULL
        RETURNING u.username, u.platform_role, m.tenant_id, m.roles
      LOOP
        RAISE WARNING '三员分立: removed the membership of platform administrator % (%) in tenant % (roles %)',
          r.username, r.platform_role, r.tenant_id, r.roles;
      END LOOP;
      FOR r IN
        DELETE FROM role_permissions WHERE permission IN (${platformPermissions})
        RETURNING tenant_id, role, permission
      LOOP
        RAISE WARNING '三员分立: removed the override % of role % in tenant %', r.permission, r.role, r.tenant_id;
      END LOOP;
    END $$`.execute(db);
  await sql`ALTER TABLE memberships FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE role_permissions FORCE ROW LEVEL SECURITY`.execute(db);

  await sql`
    ALTER TABLE role_permissions ADD CONSTRAINT role_permissions_not_platform
    CHECK (permission NOT IN (${platformPermissions}))`.execute(db);

  // The row lock (FOR SHARE) orders a membership against a concurrent grant of a platform role.
  await sql`
    CREATE FUNCTION refuse_platform_admin_membership() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    DECLARE who record;
    BEGIN
      SELECT username, platform_role INTO who FROM users WHERE id = NEW.user_id FOR SHARE;
      IF who.platform_role IS NOT NULL THEN
        RAISE EXCEPTION '三员分立: % is a platform administrator (%) and may hold no office membership', who.username, who.platform_role
          USING ERRCODE = 'check_violation', CONSTRAINT = 'platform_admin_no_membership',
                HINT = 'Revoke the platform role with npm run platform -- revoke first.';
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER platform_admin_no_membership BEFORE INSERT OR UPDATE OF user_id ON memberships
    FOR EACH ROW EXECUTE FUNCTION refuse_platform_admin_membership()`.execute(db);

  await sql`
    CREATE FUNCTION refuse_member_platform_role() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    BEGIN
      IF EXISTS (SELECT FROM memberships WHERE user_id = NEW.id) THEN
        RAISE EXCEPTION '三员分立: % holds office memberships and cannot become a platform administrator (%)', NEW.username, NEW.platform_role
          USING ERRCODE = 'check_violation', CONSTRAINT = 'platform_admin_no_membership',
                HINT = 'The security administrator removes the account''s memberships first.';
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER platform_admin_no_membership BEFORE INSERT OR UPDATE OF platform_role ON users
    FOR EACH ROW WHEN (NEW.platform_role IS NOT NULL) EXECUTE FUNCTION refuse_member_platform_role()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER platform_admin_no_membership ON users`.execute(db);
  await sql`DROP FUNCTION refuse_member_platform_role()`.execute(db);
  await sql`DROP TRIGGER platform_admin_no_membership ON memberships`.execute(db);
  await sql`DROP FUNCTION refuse_platform_admin_membership()`.execute(db);
  await sql`ALTER TABLE role_permissions DROP CONSTRAINT role_permissions_not_platform`.execute(db);
  await sql`DROP POLICY owner_reads_all ON memberships`.execute(db);
  await sql`GRANT INSERT, UPDATE ON users TO ${APP}`.execute(db);
}
