import { sql, type Kysely } from "kysely";
import { grant, protectTenantTable } from "../rls";

/** Tenants, accounts, sessions and memberships. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE tenants (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      parent_id uuid REFERENCES tenants(id),
      level text NOT NULL CHECK (level IN ('province', 'city', 'county')),
      region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
      credit_code text NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NP-RT-UW-Y]{18}$'),
      name jsonb NOT NULL,
      hosts text[] NOT NULL DEFAULT '{}',
      plugins text[] NOT NULL DEFAULT '{}',
      settings jsonb NOT NULL DEFAULT '{}',
      is_public boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX tenants_parent ON tenants (parent_id)`.execute(db);
  await grant(db, "tenants", ["SELECT"]);

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
      display_name text NOT NULL,
      password_hash text NOT NULL,
      password_changed_at timestamptz NOT NULL DEFAULT now(),
      platform_role text CHECK (platform_role IN ('sysadmin', 'secadmin', 'auditor')),
      failed_attempts integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      disabled boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await grant(db, "users", ["SELECT", "INSERT", "UPDATE"]);

  // The session id is a bearer secret: only its SHA-256 is stored, so a database leak yields no usable session.
  await sql`
    CREATE TABLE sessions (
      id_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      ip text,
      user_agent text
    )`.execute(db);
  await sql`CREATE INDEX sessions_user ON sessions (user_id)`.execute(db);
  await grant(db, "sessions", ["SELECT", "INSERT", "UPDATE", "DELETE"]);

  await sql`
    CREATE TABLE login_throttle (
      ip text PRIMARY KEY,
      window_start timestamptz NOT NULL,
      attempts integer NOT NULL
    )`.execute(db);
  await grant(db, "login_throttle", ["SELECT", "INSERT", "UPDATE", "DELETE"]);

  await sql`
    CREATE TABLE memberships (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      roles text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX memberships_user ON memberships (user_id)`.execute(db);
  await protectTenantTable(db, "memberships");
  // A signed-in user may always list their own memberships, to switch between their tenants.
  await sql`CREATE POLICY own_memberships ON memberships FOR SELECT USING (user_id = app_user_id())`.execute(db);

  await sql`
    CREATE TABLE role_permissions (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      role text NOT NULL,
      permission text NOT NULL,
      granted boolean NOT NULL,
      PRIMARY KEY (tenant_id, role, permission)
    )`.execute(db);
  await protectTenantTable(db, "role_permissions");
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["role_permissions", "memberships", "login_throttle", "sessions", "users", "tenants"]) {
    await sql`DROP TABLE ${sql.table(t)}`.execute(db);
  }
}
