import type { AppLoadContext } from "@remix-run/node";
import { matchRoutes } from "@remix-run/router";
import { withScope } from "../../db/scope";
import { recordAudit } from "../core/audit/record.server";
import { fixedT, localeOf } from "../core/i18n/locale.server";
import type { Tenant } from "../core/tenancy/directory.server";
import { auditTenant, forbidden, notFound, requirePermission, requireStaff, requireTenant, withTenant } from "../core/tenancy/staff.server";
import type { PluginAuditEvent, PluginRequestContext, PluginTenant, PluginTenantContext } from "../plugin-api/context";
import type { LoadedPlugin } from "./registry";

type Args = { request: Request; params: Record<string, string | undefined>; context: AppLoadContext };

export function pluginTenant(t: Tenant): PluginTenant {
  return { id: t.id, code: t.code, name: t.name, creditCode: t.creditCode, regionCode: t.regionCode };
}

/** The plugin's settings for a tenant: stored values validated by its schema, defaults filled in. */
export function pluginSettings(plugin: LoadedPlugin, tenant: Tenant): Record<string, unknown> {
  const schema = plugin.manifest.settings?.schema;
  if (!schema) return {};
  const parsed = schema.safeParse(tenant.pluginSettings[plugin.manifest.id] ?? {});
  return parsed.success ? parsed.data : schema.parse({});
}

function checkDeclared(plugin: LoadedPlugin, event: PluginAuditEvent) {
  if (!plugin.manifest.auditEvents.includes(event.action)) {
    throw new Error(`Plugin ${plugin.manifest.id} audits "${event.action}", which its manifest does not declare in auditEvents`);
  }
}

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
  const base = {
    pluginId: route.pluginId,
    area: route.area,
    tenant: pluginTenant(tenant),
    locale: await localeOf(request),
    settings: pluginSettings(plugin, tenant),
    t: await fixedT(context, request, route.pluginId),
  };

  if (route.area === "admin") {
    const staff = await requireStaff(request, context, params.tenant);
    requirePermission(staff, route.permission!);
    return {
      ...base,
      user: { id: staff.user.id, username: staff.user.username, displayName: staff.user.displayName },
      mode: staff.access.mode,
      permissions: staff.permissions,
      can: (p) => staff.permissions.has(p),
      require: (p) => requirePermission(staff, p),
      withTenant: (fn) => withTenant(staff, fn),
      audit: (trx, e) => {
        checkDeclared(plugin, e);
        return auditTenant(staff, trx, e);
      },
    };
  }

  if (!tenant.isPublic) throw notFound();
  const none = new Set<string>();
  return {
    ...base,
    user: null,
    mode: "public",
    permissions: none,
    can: () => false,
    require: () => {
      throw forbidden();
    },
    withTenant: (fn) => withScope(context.services.db, { tenantId: null, readTenantIds: [tenant.id], userId: null }, fn),
    audit: () => Promise.reject(new Error("public routes read only")),
  };
}

/** The context of seed, onEnable and onDisable: the system acting in one tenant. */
export function tenantContext(context: Pick<AppLoadContext, "services">, plugin: LoadedPlugin, tenant: Tenant, actor: { id: string | null; name: string }): PluginTenantContext {
  const scope = { tenantId: tenant.id, readTenantIds: [tenant.id], userId: actor.id };
  return {
    pluginId: plugin.manifest.id,
    tenant: pluginTenant(tenant),
    settings: pluginSettings(plugin, tenant),
    withTenant: (fn) => withScope(context.services.db, scope, fn),
    audit: (trx, e) => {
      checkDeclared(plugin, e);
      return recordAudit(trx, { ...e, tenantId: tenant.id, actor });
    },
  };
}
