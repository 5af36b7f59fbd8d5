import type { AppLoadContext } from "@remix-run/node";
import { membershipsOf } from "../permissions/memberships.server";
import type { SessionUser } from "./sessions.server";

/** Where a user lands after signing in: the platform console for the 三员, else their first office's workspace. */
export async function landingPath(context: AppLoadContext, user: SessionUser): Promise<string> {
  if (user.platformRole) return "/admin";
  const tenants = await context.services.tenants.fresh();
  const first = (await membershipsOf(context.services.db, user.id))
    .map((m) => tenants.byId(m.tenantId))
    .filter((t) => t !== undefined)
    .sort((a, b) => a.code.localeCompare(b.code))[0];
  return first ? `/t/${first.code}/admin` : "/account";
}
