import type { Kysely, Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { withScope } from "../../../db/scope";
import type { Override } from "./resolve";
import { isBusinessRole, type BusinessRole } from "./roles";

export interface Membership {
  tenantId: string;
  roles: BusinessRole[];
}

/** A user's own memberships in every tenant (row-level security lets a user see their own). */
export async function membershipsOf(db: Kysely<CoreDatabase>, userId: string): Promise<Membership[]> {
  const rows = await withScope(db, { tenantId: null, readTenantIds: [], userId }, (trx) =>
    trx.selectFrom("memberships").select(["tenant_id", "roles"]).where("user_id", "=", userId).execute(),
  );
  return rows.map((r) => ({ tenantId: r.tenant_id, roles: r.roles.filter(isBusinessRole) }));
}

export function overridesOf(trx: Transaction<CoreDatabase>, tenantId: string): Promise<Override[]> {
  return trx.selectFrom("role_permissions").select(["role", "permission", "granted"]).where("tenant_id", "=", tenantId).execute();
}
