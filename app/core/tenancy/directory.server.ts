import type { Kysely } from "kysely";
import type { CoreDatabase, LocalizedName } from "../../../db/schema";
import { NO_TENANT, withScope } from "../../../db/scope";
import { TenantSettingsSchema, type TenantSettings } from "./definition";

export interface Tenant {
  id: string;
  code: string;
  parentId: string | null;
  level: "province" | "city" | "county";
  regionCode: string;
  creditCode: string;
  name: LocalizedName;
  hosts: string[];
  /** Plugins enabled here: the definition's list, changed by a sysadmin's switches. */
  plugins: string[];
  settings: TenantSettings;
  /** Each plugin's stored settings here: the definition's, overlaid by the sysadmin's. */
  pluginSettings: Record<string, Record<string, unknown>>;
  isPublic: boolean;
}

/**
 * The tenant tree, read once and refreshed every `ttlMs`: tenants change through `tenants:sync`
 * or a sysadmin, rarely, while every request needs them.
 */
export class TenantDirectory {
  #byId = new Map<string, Tenant>();
  #byCode = new Map<string, Tenant>();
  #byHost = new Map<string, Tenant>();
  #loadedAt = 0;
  #loading: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<CoreDatabase>,
    private readonly ttlMs = 30_000,
  ) {}

  async refresh(): Promise<void> {
    const rows = await withScope(this.db, NO_TENANT, (trx) => trx.selectFrom("tenants").selectAll().orderBy("code").execute());
    const switches = await withScope(this.db, { tenantId: null, readTenantIds: rows.map((r) => r.id), userId: null }, (trx) =>
      trx.selectFrom("tenant_plugins").selectAll().execute(),
    );
    const tenants = rows.map<Tenant>((r) => ({
      id: r.id,
      code: r.code,
      parentId: r.parent_id,
      level: r.level,
      regionCode: r.region_code,
      creditCode: r.credit_code,
      name: r.name,
      hosts: r.hosts,
      plugins: r.plugins,
      settings: TenantSettingsSchema.parse(r.settings),
      pluginSettings: {},
      isPublic: r.is_public,
    }));
    for (const t of tenants) {
      const own = switches.filter((s) => s.tenant_id === t.id);
      const enabled = new Set(t.plugins);
      for (const s of own) {
        if (s.enabled) enabled.add(s.plugin_id);
        else enabled.delete(s.plugin_id);
      }
      t.plugins = [...enabled].sort();
      const ids = new Set([...Object.keys(t.settings.plugins), ...own.map((s) => s.plugin_id)]);
      for (const id of ids) {
        t.pluginSettings[id] = { ...t.settings.plugins[id], ...own.find((s) => s.plugin_id === id)?.settings };
      }
    }
    this.#byId = new Map(tenants.map((t) => [t.id, t]));
    this.#byCode = new Map(tenants.map((t) => [t.code, t]));
    this.#byHost = new Map(tenants.flatMap((t) => t.hosts.map((h) => [h, t] as const)));
    this.#loadedAt = Date.now();
  }

  /** Refreshes when the cached tree is older than the TTL; concurrent callers share one load. */
  async fresh(): Promise<this> {
    if (Date.now() - this.#loadedAt > this.ttlMs) {
      this.#loading ??= this.refresh().finally(() => (this.#loading = null));
      await this.#loading;
    }
    return this;
  }

  all(): Tenant[] {
    return [...this.#byId.values()];
  }

  byCode(code: string): Tenant | undefined {
    return this.#byCode.get(code);
  }

  byId(id: string): Tenant | undefined {
    return this.#byId.get(id);
  }

  byHost(host: string): Tenant | undefined {
    return this.#byHost.get(host.toLowerCase());
  }

  children(id: string): Tenant[] {
    return this.all().filter((t) => t.parentId === id);
  }

  /** The tenant and every tenant below it, depth first. */
  subtree(id: string): string[] {
    return [id, ...this.children(id).flatMap((c) => this.subtree(c.id))];
  }
}
