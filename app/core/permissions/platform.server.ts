import type { AppLoadContext } from "@remix-run/node";
import type { Transaction } from "kysely";
import { PLATFORM_CHAIN } from "../../../db/roles";
import type { CoreDatabase } from "../../../db/schema";
import { withScope } from "../../../db/scope";
import { recordAudit, type AuditEvent } from "../audit/record.server";
import { requireAuth, type Authenticated } from "../auth/guards.server";
import { forbidden } from "../tenancy/staff.server";
import { resolvePermissions } from "./resolve";

export interface PlatformContext extends Authenticated {
  context: AppLoadContext;
  permissions: ReadonlySet<string>;
}

/** The platform console (`/admin/…`) for the 三员: permissions come from the account's one platform role. */
export async function requirePlatform(request: Request, context: AppLoadContext, permission?: string): Promise<PlatformContext> {
  const auth = await requireAuth(request, context);
  const role = auth.user.platformRole;
  const permissions = role ? resolvePermissions(context.services.permissions, [role]) : new Set<string>();
  if (!role || (permission && !permissions.has(permission))) throw forbidden();
  return { ...auth, context, permissions };
}

/**
 * A platform administrator's transaction. `tenantId` is the tenant whose rows it changes (its
 * chain receives the audit event); without one, it writes platform-level events only.
 */
export function withPlatform<T>(
  ctx: PlatformContext,
  opts: { tenantId?: string; readTenantIds?: string[] },
  fn: (trx: Transaction<CoreDatabase>, audit: (e: Omit<AuditEvent, "tenantId" | "actor" | "ip" | "requestId">) => Promise<void>) => Promise<T>,
): Promise<T> {
  const tenantId = opts.tenantId ?? PLATFORM_CHAIN;
  const scope = { tenantId, readTenantIds: [tenantId, ...(opts.readTenantIds ?? [])], userId: ctx.user.id };
  return withScope(ctx.context.services.db, scope, (trx) =>
    fn(trx, (e) =>
      recordAudit(trx, {
        ...e,
        tenantId,
        actor: { id: ctx.user.id, name: ctx.user.username },
        ip: ctx.context.clientIp,
        requestId: ctx.context.requestId,
      }),
    ),
  );
}

/** A platform administrator's read of the given tenants' rows (and platform-level ones), writing nothing. */
export function readAsPlatform<T>(ctx: PlatformContext, readTenantIds: string[], fn: (trx: Transaction<CoreDatabase>) => Promise<T>): Promise<T> {
  return withScope(ctx.context.services.db, { tenantId: null, readTenantIds, userId: ctx.user.id }, fn);
}
