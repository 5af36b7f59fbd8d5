import { type AppLoadContext } from "@remix-run/node";
import type { Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { withScope } from "../../../db/scope";
import { recordAudit, type AuditEvent } from "../audit/record.server";
import { requireAuth, type Authenticated } from "../auth/guards.server";
import { membershipsOf, overridesOf, type Membership } from "../permissions/memberships.server";
import { resolvePermissions } from "../permissions/resolve";
import type { BusinessRole } from "../permissions/roles";
import type { Tenant } from "./directory.server";

/**
 * How the signed-in user reaches this tenant: as a member with roles, or as the supervisor of an
 * office above it. A workspace transaction reads only the tenant on screen, so a page can never
 * mix offices; a supervisor writes only to their own office, so a subordinate's rows stay
 * read-only to them by row-level security. The offices a supervisor may compare (their own
 * office's subtree) are reachable only through the oversight computations.
 */
export interface Access {
  mode: "member" | "supervisor";
  roles: BusinessRole[];
  writeTenantId: string;
  /** What `withTenant` reads: the tenant on screen. */
  readTenantIds: string[];
  /** What oversight may read: the supervising office's subtree (empty for non-supervisors). */
  supervisedTenantIds: string[];
}

export interface StaffContext extends Authenticated {
  context: AppLoadContext;
  tenant: Tenant;
  access: Access;
  permissions: ReadonlySet<string>;
  /** Tenants this user may switch to: memberships, then offices they supervise. */
  reachable: { tenant: Tenant; mode: Access["mode"] }[];
}

export function notFound(): Response {
  return new Response("Not Found", { status: 404 });
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

export async function requireTenant(context: AppLoadContext, code: string | undefined): Promise<Tenant> {
  const tenant = code ? (await context.services.tenants.fresh()).byCode(code) : undefined;
  if (!tenant) throw notFound();
  context.logFields.tenant = tenant.code;
  return tenant;
}

function accessTo(context: AppLoadContext, tenant: Tenant, memberships: Membership[]): Access | null {
  const dir = context.services.tenants;
  const own = memberships.find((m) => m.tenantId === tenant.id && m.roles.length > 0);
  if (own) {
    const supervises = own.roles.includes("supervisor");
    return {
      mode: "member",
      roles: own.roles,
      writeTenantId: tenant.id,
      readTenantIds: [tenant.id],
      supervisedTenantIds: supervises ? dir.subtree(tenant.id) : [],
    };
  }
  for (const m of memberships) {
    if (!m.roles.includes("supervisor")) continue;
    const subtree = dir.subtree(m.tenantId);
    if (subtree.includes(tenant.id)) {
      return { mode: "supervisor", roles: ["supervisor"], writeTenantId: m.tenantId, readTenantIds: [tenant.id], supervisedTenantIds: subtree };
    }
  }
  return null;
}

/**
 * The staff context of `/t/:tenant/admin/…`: signed in, and a member or supervisor of the tenant.
 * Anyone else gets 404, so that an office's admin URLs do not even confirm it exists to outsiders.
 */
export function requireStaff(request: Request, context: AppLoadContext, code: string | undefined): Promise<StaffContext> {
  // The layout and the page loaders of one request share the result.
  const perRequest = staffCache.get(request) ?? new Map<string, Promise<StaffContext>>();
  staffCache.set(request, perRequest);
  let found = perRequest.get(code ?? "");
  if (!found) perRequest.set(code ?? "", (found = loadStaff(request, context, code)));
  return found;
}

const staffCache = new WeakMap<Request, Map<string, Promise<StaffContext>>>();

async function loadStaff(request: Request, context: AppLoadContext, code: string | undefined): Promise<StaffContext> {
  const auth = await requireAuth(request, context);
  const staff = await staffIn(context, auth, await requireTenant(context, code));
  if (!staff) throw notFound();
  return staff;
}

/**
 * The staff context of an authenticated user in `tenant`: their roles there (or a supervisor's
 * read-only access), permissions with the office's overrides. Null when they may not enter its workspace.
 */
export async function staffIn(context: AppLoadContext, auth: Authenticated, tenant: Tenant): Promise<StaffContext | null> {
  const memberships = await membershipsOf(context.services.db, auth.user.id);
  const access = accessTo(context, tenant, memberships);
  if (!access) return null;
  const overrides = await withScope(context.services.db, scopeOf(auth.user.id, access), (trx) => overridesOf(trx, tenant.id));
  const permissions = resolvePermissions(context.services.permissions, access.roles, overrides, {
    readOnly: access.mode === "supervisor",
  });
  if (!permissions.has("core.workspace.view")) return null;
  return { ...auth, context, tenant, access, permissions, reachable: reachableTenants(context, memberships) };
}

function reachableTenants(context: AppLoadContext, memberships: Membership[]): StaffContext["reachable"] {
  const dir = context.services.tenants;
  const reach = new Map<string, Access["mode"]>();
  for (const m of memberships) if (m.roles.length) reach.set(m.tenantId, "member");
  for (const m of memberships.filter((m) => m.roles.includes("supervisor"))) {
    for (const id of dir.subtree(m.tenantId)) if (!reach.has(id)) reach.set(id, "supervisor");
  }
  return [...reach].flatMap(([id, mode]) => {
    const tenant = dir.byId(id);
    return tenant ? [{ tenant, mode }] : [];
  });
}

function scopeOf(userId: string, access: Access) {
  return { tenantId: access.writeTenantId, readTenantIds: access.readTenantIds, userId };
}

export function can(ctx: StaffContext, permission: string): boolean {
  return ctx.permissions.has(permission);
}

/** Throws 403 unless the user holds the permission here. Every loader and action calls this. */
export function requirePermission(ctx: StaffContext, permission: string): void {
  if (!can(ctx, permission)) throw forbidden();
}

/** Runs `fn` in one transaction scoped to what this user may read and write in this tenant. */
export function withTenant<T>(ctx: StaffContext, fn: (trx: Transaction<CoreDatabase>) => Promise<T>): Promise<T> {
  return withScope(ctx.context.services.db, scopeOf(ctx.user.id, ctx.access), fn);
}

/** Records an audit event on the chain of the tenant this user writes to, in the caller's transaction. */
export function auditTenant(
  ctx: StaffContext,
  trx: Transaction<CoreDatabase>,
  event: Omit<AuditEvent, "tenantId" | "actor" | "ip" | "requestId">,
): Promise<void> {
  return recordAudit(trx, {
    ...event,
    tenantId: ctx.access.writeTenantId,
    actor: { id: ctx.user.id, name: ctx.user.username },
    ip: ctx.context.clientIp,
    requestId: ctx.context.requestId,
  });
}
