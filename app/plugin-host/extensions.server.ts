import type { TenantDirectory } from "../core/tenancy/directory.server";
import type { Tenant } from "../core/tenancy/directory.server";
import { ExtensionInputRefused, ExtensionUnavailable, type ExtensionPoint } from "../plugin-api/extensions/point";
import type { PluginAuditEvent, PluginCoreServices, PluginExtensionContext, PluginExtensions, PluginTransaction } from "../plugin-api/context";
import type { LoadedPlugin, PluginRegistry } from "./registry";

/** Records an audit event as the context's actor (staff member, system or public), undeclared events included: the caller checks. */
export type RecordAudit = (trx: PluginTransaction, event: PluginAuditEvent) => Promise<void>;

export interface ExtensionCaller {
  plugin: LoadedPlugin;
  tenant: Tenant;
  userId: string | null;
  audit: RecordAudit;
}

interface Parts {
  plugins: PluginRegistry;
  tenants: TenantDirectory;
  /** The offering plugin's core services in the caller's office, acting as the caller (context-parts builds them). */
  servicesOf(plugin: LoadedPlugin, tenant: Tenant): PluginCoreServices;
  settingsOf(plugin: LoadedPlugin, tenant: Tenant): Record<string, unknown>;
  tenantOf(tenant: Tenant): PluginExtensionContext["tenant"];
  checkDeclared(plugin: LoadedPlugin, event: PluginAuditEvent): void;
}

/**
 * `ctx.extensions`: a plugin calls a point another plugin offers. The offering plugin must be
 * enabled in the office now (the tenant directory as it stands, not as the context was made); its
 * handler runs in the caller's transaction with its own services, settings and audit events.
 */
export function pluginExtensions(parts: Parts, caller: ExtensionCaller): PluginExtensions {
  const keyOf = (point: ExtensionPoint | string) => (typeof point === "string" ? point : point.key);
  async function offer(key: string) {
    const found = parts.plugins.extensionPoint(key);
    if (!found) return null;
    const tenant = (await parts.tenants.fresh()).byId(caller.tenant.id) ?? caller.tenant;
    return tenant.plugins.includes(found.plugin.manifest.id) ? { ...found, tenant } : null;
  }
  return {
    available: async (point) => (await offer(keyOf(point))) !== null,
    async call(point, input, trx) {
      const found = await offer(point.key);
      if (!found) throw new ExtensionUnavailable(point.unavailable, point.key);
      const parsed = found.point.input.safeParse(input);
      if (!parsed.success) throw new ExtensionInputRefused(point.key, parsed.error.issues);
      const { plugin, tenant } = found;
      const ctx: PluginExtensionContext = {
        ...parts.servicesOf(plugin, tenant),
        pluginId: plugin.manifest.id,
        tenant: parts.tenantOf(tenant),
        settings: parts.settingsOf(plugin, tenant),
        caller: { pluginId: caller.plugin.manifest.id, userId: caller.userId },
        audit: (t, e) => {
          parts.checkDeclared(plugin, e);
          return caller.audit(t, e);
        },
      };
      // The contract's type is the offering plugin's promise: the handler answers with O.
      return (await found.point.handler(ctx, parsed.data, trx)) as never;
    },
  };
}
