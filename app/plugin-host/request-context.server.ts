import type { AppLoadContext } from "@remix-run/node";
import { matchRoutes } from "@remix-run/router";
import type { Transaction } from "kysely";
import type { CoreDatabase } from "../../db/schema";
import { withScope } from "../../db/scope";
import { takeRateLimit, type RateLimit } from "../core/rate-limit.server";
import { recordAudit } from "../core/audit/record.server";
import { publicOrigin } from "../core/public-origin";
import { fixedT, localeOf } from "../core/i18n/locale.server";
import type { Tenant } from "../core/tenancy/directory.server";
import { auditTenant, forbidden, notFound, requirePermission, requireStaff, requireTenant, withTenant, type StaffContext } from "../core/tenancy/staff.server";
import type { PluginRequestContext, PluginTenantContext, PluginTransaction, PluginWorkflow } from "../plugin-api/context";
import { checkDeclared, coreServices, pluginSettings, pluginTenant, type ContextActor } from "./context-parts.server";
import type { RecordAudit } from "./extensions.server";
import type { LoadedPlugin } from "./registry";
import { pluginReports, PUBLIC_REPORTS, staffReadableTenantIds } from "./reports.server";
import { pluginWorkflow } from "./workflow.server";

type Args = { request: Request; params: Record<string, string | undefined>; context: AppLoadContext };

const core = (trx: PluginTransaction) => trx as Transaction<CoreDatabase>;

/**
 * Resolves the request to the plugin route that serves it and applies the host's rules before any
 * plugin code runs: the plugin must be enabled for the tenant (else 404), an admin route needs a
 * staff member holding the route's permission, public and API routes serve public tenants only.
 */
export async function resolvePluginRequest({ request, params, context }: Args): Promise<PluginRequestContext> {
  const registry = context.services.plugins;
  const routes = registry.routes();
  const path = new URL(request.url).pathname.replace(/\.data$/, "");
  const match = matchRoutes(routes.map((r) => ({ path: r.pattern, id: r.id })), path)?.at(-1);
  const route = routes.find((r) => r.id === match?.route.id);
  if (!route) throw notFound();
  const plugin = registry.get(route.pluginId)!;
  const tenant = await requireTenant(context, params.tenant);
  if (!tenant.plugins.includes(route.pluginId)) throw notFound();
  if (route.area === "admin") {
    const staff = await requireStaff(request, context, params.tenant);
    requirePermission(staff, route.permission!);
    return staffPluginContext({ request, context }, plugin, tenant, staff);
  }
  if (!tenant.isPublic) throw notFound();
  const none = new Set<string>();
  // Only a withPublicSubmission transaction may write the tenant's chain; elsewhere RLS refuses.
  const recordPublic: RecordAudit = (trx, e) => recordAudit(core(trx), { ...e, tenantId: tenant.id, actor: { id: null, name: "public" }, ip: context.clientIp, requestId: context.requestId });
  return {
    ...(await requestBase({ request, context }, plugin, tenant, { userId: null, audit: recordPublic })),
    area: route.area,
    user: null,
    mode: "public",
    permissions: none,
    can: () => false,
    require: () => {
      throw forbidden();
    },
    withTenant: (fn) => withScope(context.services.db, { tenantId: null, readTenantIds: [tenant.id], userId: null }, fn),
    withPublicSubmission: (fn) => withScope(context.services.db, { tenantId: tenant.id, readTenantIds: [tenant.id], userId: null }, fn),
    audit: (trx, e) => {
      checkDeclared(plugin, e);
      return recordPublic(trx, e);
    },
    workflow: PUBLIC_WORKFLOW,
    reports: PUBLIC_REPORTS,
  };
}

async function requestBase({ request, context }: Pick<Args, "request" | "context">, plugin: LoadedPlugin, tenant: Tenant, actor: ContextActor) {
  const pluginId = plugin.manifest.id;
  return {
    ...coreServices(context.services, plugin, tenant, actor),
    pluginId,
    tenant: pluginTenant(tenant),
    locale: await localeOf(request),
    settings: pluginSettings(plugin, tenant),
    t: await fixedT(context, request, pluginId),
    publicOrigin: publicOrigin(request.url, {
      configured: context.services.config.PUBLIC_ORIGIN,
      production: context.services.config.NODE_ENV === "production",
      tenantHosts: tenant.hosts,
    }),
    rateLimit: (name: string, limit: RateLimit) => takeRateLimit(context.services.db, `${pluginId}:${tenant.id}:${name}:${context.clientIp ?? "unknown"}`, limit),
  };
}

/** A staff member's context in one plugin, for its admin routes and for what it adds to core pages (the inbox). */
export async function staffPluginContext(args: Pick<Args, "request" | "context">, plugin: LoadedPlugin, tenant: Tenant, staff: StaffContext): Promise<PluginRequestContext> {
  const recordStaff: RecordAudit = (trx, e) => auditTenant(staff, core(trx), e);
  return {
    ...(await requestBase(args, plugin, tenant, { userId: staff.user.id, audit: recordStaff })),
    area: "admin",
    user: { id: staff.user.id, username: staff.user.username, displayName: staff.user.displayName },
    mode: staff.access.mode,
    permissions: staff.permissions,
    can: (p) => staff.permissions.has(p),
    require: (p) => requirePermission(staff, p),
    withTenant: (fn) => withTenant(staff, fn),
    withPublicSubmission: () => Promise.reject(new Error("withPublicSubmission serves public routes; staff write through withTenant")),
    audit: (trx, e) => {
      checkDeclared(plugin, e);
      return recordStaff(trx, e);
    },
    workflow: pluginWorkflow(staff, plugin.manifest.id),
    reports: pluginReports(args.context, tenant.id, () => ({ userId: staff.user.id, readableTenantIds: staffReadableTenantIds(args.context, tenant, staff) })),
  };
}

const staffOnly = () => Promise.reject(new Error("the workflow serves staff routes only"));
const PUBLIC_WORKFLOW: PluginWorkflow = { create: staffOnly, update: staffOnly, act: staffOnly, get: staffOnly, list: staffOnly, review: staffOnly, rendition: staffOnly };

/** The context of seed, onEnable and onDisable: the system acting in one tenant. */
export function tenantContext(context: Pick<AppLoadContext, "services">, plugin: LoadedPlugin, tenant: Tenant, actor: { id: string | null; name: string }): PluginTenantContext {
  const scope = { tenantId: tenant.id, readTenantIds: [tenant.id], userId: actor.id };
  const record: RecordAudit = (trx, e) => recordAudit(core(trx), { ...e, tenantId: tenant.id, actor });
  return {
    ...coreServices(context.services, plugin, tenant, { userId: actor.id, audit: record }),
    pluginId: plugin.manifest.id,
    tenant: pluginTenant(tenant),
    settings: pluginSettings(plugin, tenant),
    withTenant: (fn) => withScope(context.services.db, scope, fn),
    audit: (trx, e) => {
      checkDeclared(plugin, e);
      return record(trx, e);
    },
  };
}
