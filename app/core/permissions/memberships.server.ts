import type { Kysely, Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { withScope } from "../../../db/scope";
import type { Override } from "./resolve";
import { isPlatformRole, type BusinessRole } from "./roles";

/** A platform role never counts when found in a membership (三员分立): only the account itself holds one. */
const isMemberRole = (r: string): r is BusinessRole => !isPlatformRole(r);

export interface Membership {
  tenantId: string;
  roles: BusinessRole[];
}

/** A user's own memberships in every tenant (row-level security lets a user see their own). */
export async function membershipsOf(db: Kysely<CoreDatabase>, userId: string): Promise<Membership[]> {
  const rows = await withScope(db, { tenantId: null, readTenantIds: [], userId }, (trx) =>
    trx.selectFrom("memberships").select(["tenant_id", "roles"]).where("user_id", "=", userId).execute(),
  );
  return rows.map((r) => ({ tenantId: r.tenant_id, roles: r.roles.filter(isMemberRole) }));
}

export function overridesOf(trx: Transaction<CoreDatabase>, tenantId: string): Promise<Override[]> {
  return trx.selectFrom("role_permissions").select(["role", "permission", "granted"]).where("tenant_id", "=", tenantId).execute();
}

/** Every membership of one user in the tenants the transaction may read (a platform scope reads them all). */
export async function membershipsInScope(trx: Transaction<CoreDatabase>, userId: string): Promise<Membership[]> {
  const rows = await trx.selectFrom("memberships").select(["tenant_id", "roles"]).where("user_id", "=", userId).execute();
  return rows.map((r) => ({ tenantId: r.tenant_id, roles: r.roles.filter(isMemberRole) }));
}

/**
 * Gives a user exactly these roles in the transaction's tenant (row-level security refuses any
 * other tenant). Returns the roles held before, or null when the user was not a member.
 */
export async function putMembership(
  trx: Transaction<CoreDatabase>,
  tenantId: string,
  userId: string,
  roles: readonly BusinessRole[],
): Promise<BusinessRole[] | null> {
  const before = await trx
    .selectFrom("memberships")
    .select("roles")
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
  await trx
    .insertInto("memberships")
    .values({ tenant_id: tenantId, user_id: userId, roles: [...roles] })
    .onConflict((oc) => oc.columns(["tenant_id", "user_id"]).doUpdateSet({ roles: [...roles] }))
    .execute();
  return before ? before.roles.filter(isMemberRole) : null;
}

/** Ends a user's membership in the transaction's tenant; returns the roles it held, or null if there was none. */
export async function deleteMembership(trx: Transaction<CoreDatabase>, tenantId: string, userId: string): Promise<BusinessRole[] | null> {
  const row = await trx
    .deleteFrom("memberships")
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .returning("roles")
    .executeTakeFirst();
  return row ? row.roles.filter(isMemberRole) : null;
}
