import { sql, type Transaction } from "kysely";
import type { CoreDatabase } from "../../db/schema";
import { withPlatform, type PlatformContext } from "../core/permissions/platform.server";
import type { Tenant } from "../core/tenancy/directory.server";
import type { PluginTenantContext } from "../plugin-api/context";
import { pluginSettings } from "./context-parts.server";
import type { LoadedPlugin } from "./registry";
import { tenantContext } from "./request-context.server";
import { changedKeys, validateSettings, type SettingsErrors } from "./settings-form";

/**
 * A sysadmin's switches for plugins, per tenant (a plugin is enabled per tenant). Each
 * change is one transaction in the tenant's scope: the `tenant_plugins` row, the plugin's own
 * `onEnable`/`onDisable` hook and the audit event on the tenant's chain commit or roll back together.
 */

/** A refusal the console shows as it is: `i18nKey` in the platform namespace, `plugins` the ids it names. */
export class PluginAdminError extends Error {
  constructor(readonly i18nKey: string, readonly plugins: string[] = [], options?: ErrorOptions) {
    super(`${i18nKey}${plugins.length ? `: ${plugins.join(", ")}` : ""}`, options);
  }
}

type Trx = Transaction<CoreDatabase>;
type Hook = (ctx: PluginTenantContext) => Promise<void>;

function pluginOf(ctx: PlatformContext, pluginId: string): LoadedPlugin {
  const plugin = ctx.context.services.plugins.get(pluginId);
  if (!plugin) throw new PluginAdminError("platform:plugins.errors.unknownPlugin");
  return plugin;
}

/** One switch at a time per tenant, so dependency checks cannot race. */
async function lockTenantPlugins(trx: Trx, tenantId: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${"tenant_plugins:" + tenantId}, 0))`.execute(trx);
}

/** The plugins enabled in a tenant as the transaction sees them: its definition's list, changed by the switches. */
async function enabledIn(trx: Trx, tenantId: string): Promise<Set<string>> {
  const tenant = await trx.selectFrom("tenants").select("plugins").where("id", "=", tenantId).executeTakeFirst();
  const switches = await trx.selectFrom("tenant_plugins").select(["plugin_id", "enabled"]).where("tenant_id", "=", tenantId).execute();
  const enabled = new Set(tenant?.plugins ?? []);
  for (const s of switches) {
    if (s.enabled) enabled.add(s.plugin_id);
    else enabled.delete(s.plugin_id);
  }
  return enabled;
}

/**
 * Enables or disables a plugin for one tenant. Refuses to enable a plugin whose dependencies are not
 * enabled there, and to disable one that an enabled plugin depends on. A disabled plugin keeps its
 * data. Returns false when the plugin was already in that state (nothing written, no hook, no audit).
 */
export async function setPluginEnabled(ctx: PlatformContext, tenant: Tenant, pluginId: string, enabled: boolean): Promise<boolean> {
  const services = ctx.context.services;
  const plugin = pluginOf(ctx, pluginId);
  const changed = await withPlatform(ctx, { tenantId: tenant.id }, async (trx, audit) => {
    await lockTenantPlugins(trx, tenant.id);
    const on = await enabledIn(trx, tenant.id);
    if (on.has(pluginId) === enabled) return false;
    if (enabled) {
      const missing = plugin.manifest.dependsOn.filter((dep) => !on.has(dep));
      if (missing.length) throw new PluginAdminError("platform:plugins.errors.missingDependencies", missing);
    } else {
      const dependents = services.plugins.plugins
        .filter((p) => on.has(p.manifest.id) && p.manifest.dependsOn.includes(pluginId))
        .map((p) => p.manifest.id);
      if (dependents.length) throw new PluginAdminError("platform:plugins.errors.requiredBy", dependents);
    }
    await trx
      .insertInto("tenant_plugins")
      .values({ tenant_id: tenant.id, plugin_id: pluginId, enabled, settings: "{}", updated_by: ctx.user.id })
      .onConflict((oc) => oc.columns(["tenant_id", "plugin_id"]).doUpdateSet({ enabled, updated_by: ctx.user.id, updated_at: sql`now()` }))
      .execute();
    const hook = (enabled ? plugin.manifest.onEnable : plugin.manifest.onDisable) as Hook | undefined;
    if (hook) {
      // The hook writes in this same transaction (the scope is the same: this tenant, this actor),
      // so a failing hook leaves the switch where it was.
      const hookCtx: PluginTenantContext = {
        ...tenantContext(ctx.context, plugin, tenant, { id: ctx.user.id, name: ctx.user.username }),
        withTenant: (fn) => fn(trx),
      };
      try {
        await hook(hookCtx);
      } catch (e) {
        services.logger.error({ err: e, plugin: pluginId, tenant: tenant.code }, `plugin ${enabled ? "onEnable" : "onDisable"} failed`);
        throw new PluginAdminError(`platform:plugins.errors.${enabled ? "enableFailed" : "disableFailed"}`, [pluginId], { cause: e });
      }
    }
    await audit({
      action: enabled ? "plugin.enable" : "plugin.disable",
      target: { type: "plugin", id: pluginId },
      data: { tenant: tenant.code },
    });
    return true;
  });
  if (changed) await services.tenants.refresh();
  return changed;
}

export type SaveSettingsResult = { ok: true; changed: string[] } | { ok: false; errors: SettingsErrors };

/**
 * Validates a plugin's settings for one tenant with the plugin's schema and stores the validated
 * values (keys outside the schema dropped). Invalid input stores nothing and returns the errors per
 * field. The audit event names the keys that changed, not their values.
 */
export async function savePluginSettings(
  ctx: PlatformContext,
  tenant: Tenant,
  pluginId: string,
  values: Record<string, unknown>
): Promise<SaveSettingsResult> {
  const services = ctx.context.services;
  const plugin = pluginOf(ctx, pluginId);
  const schema = plugin.manifest.settings?.schema;
  if (!schema) throw new PluginAdminError("platform:plugins.errors.noSettings", [pluginId]);
  const parsed = validateSettings(schema, values, pluginId);
  if (!parsed.ok) return parsed;
  const changed = await withPlatform(ctx, { tenantId: tenant.id }, async (trx, audit) => {
    await lockTenantPlugins(trx, tenant.id);
    const row = await trx
      .selectFrom("tenant_plugins")
      .select("settings")
      .where("tenant_id", "=", tenant.id)
      .where("plugin_id", "=", pluginId)
      .executeTakeFirst();
    const stored = { ...tenant.settings.plugins[pluginId], ...row?.settings };
    const before = pluginSettings(plugin, { ...tenant, pluginSettings: { [pluginId]: stored } });
    const keys = changedKeys(before, parsed.data);
    if (keys.length === 0) return keys;
    const settings = JSON.stringify(parsed.data);
    // A first row keeps the plugin as enabled or disabled as it was.
    const enabled = (await enabledIn(trx, tenant.id)).has(pluginId);
    await trx
      .insertInto("tenant_plugins")
      .values({ tenant_id: tenant.id, plugin_id: pluginId, enabled, settings, updated_by: ctx.user.id })
      .onConflict((oc) => oc.columns(["tenant_id", "plugin_id"]).doUpdateSet({ settings, updated_by: ctx.user.id, updated_at: sql`now()` }))
      .execute();
    await audit({ action: "plugin.settings", target: { type: "plugin", id: pluginId }, data: { tenant: tenant.code, changed: keys } });
    return keys;
  });
  if (changed.length) await services.tenants.refresh();
  return { ok: true, changed };
}
