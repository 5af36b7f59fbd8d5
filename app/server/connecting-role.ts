import { sql, type Kysely } from "kysely";
import type { CoreDatabase } from "../../db/schema";

/** What the database says about the role DATABASE_URL connects as. */
export interface ConnectingRole {
  name: string;
  superuser: boolean;
  bypassRls: boolean;
  /** Roles it can SET ROLE to that are superusers or bypass row-level security. */
  powerfulRoles: string[];
}

export async function connectingRole(db: Kysely<CoreDatabase>): Promise<ConnectingRole> {
  const { rows } = await sql<{ name: string; superuser: boolean; bypass: boolean; powerful: string[] | null }>`
    SELECT r.rolname AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
      (SELECT array_agg(p.rolname ORDER BY p.rolname) FROM pg_roles p
        WHERE p.oid <> r.oid AND (p.rolsuper OR p.rolbypassrls) AND pg_has_role(r.oid, p.oid, 'MEMBER')) AS powerful
    FROM pg_roles r WHERE r.rolname = current_user`.execute(db);
  const row = rows[0]!;
  return { name: row.name, superuser: row.superuser, bypassRls: row.bypass, powerfulRoles: row.powerful ?? [] };
}

/**
 * Why production must not run as this role, or null. Requests switch to the serving role for
 * row-level security, but a superuser (or a member of one) gets every right back with RESET ROLE
 * or SET ROLE, and a role with BYPASSRLS is not bound by the policies at all.
 */
export function connectingRoleProblem(role: ConnectingRole): string | null {
  const what = role.superuser
    ? "a superuser"
    : role.bypassRls
      ? "a role with BYPASSRLS"
      : role.powerfulRoles.length
        ? `a member of ${role.powerfulRoles.join(", ")} (superuser or BYPASSRLS)`
        : null;
  if (!what) return null;
  return [
    `Refusing to start in production: DATABASE_URL connects as "${role.name}", ${what}.`,
    "Row-level security and the serving role's limited rights would not bind it. Connect as an owner role with",
    "NOSUPERUSER NOBYPASSRLS instead, as the README's \"Running on PostgreSQL\" shows, for example:",
    "  CREATE ROLE gongkai LOGIN PASSWORD '…' NOSUPERUSER NOBYPASSRLS CREATEROLE;",
    "  CREATE DATABASE gongkai OWNER gongkai TEMPLATE template0 LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8';",
    "and set DATABASE_URL=postgres://gongkai:…@host:5432/gongkai.",
  ].join("\n");
}
