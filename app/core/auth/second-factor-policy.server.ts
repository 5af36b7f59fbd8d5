import type { Kysely } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { membershipsOf } from "../permissions/memberships.server";
import type { TenantDirectory } from "../tenancy/directory.server";

/**
 * Whether an account must sign in with a second factor: always for the three platform
 * administrators, and for the staff of an office whose tenant definition says
 * `security: { mfa: "required" }`.
 */
export async function secondFactorRequired(services: { db: Kysely<CoreDatabase>; tenants: TenantDirectory }, user: { id: string; platformRole: string | null }): Promise<boolean> {
  if (user.platformRole) return true;
  const tenants = await services.tenants.fresh();
  return (await membershipsOf(services.db, user.id)).some((m) => tenants.byId(m.tenantId)?.settings.security.mfa === "required");
}
