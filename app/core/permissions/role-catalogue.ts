import { CORE_ROLES, isCoreRole, isPlatformRole, PLATFORM_ROLES, type BusinessRole } from "./roles";

/** A business role as the role editor, the accounts page and the approval chains list it. */
export interface RoleDef {
  key: BusinessRole;
  /** i18n key with its namespace: `core:roles.drafter`, `requests:roles.officer`. */
  label: string;
  /** i18n key with its namespace saying what the role does; core's roles have none. */
  description?: string;
  /** The plugin declaring the role; null for core's own. */
  pluginId: string | null;
  /** Core permissions the role holds by default, beyond entering the workspace (every business role does). */
  defaultPermissions: readonly string[];
}

/** What a plugin's manifest declares (`roles`), with the plugin it came from. */
export type PluginRoleDef = Omit<RoleDef, "pluginId"> & { pluginId: string };

export const CORE_ROLE_DEFS: readonly RoleDef[] = CORE_ROLES.map((key) => ({ key, label: `core:roles.${key}`, pluginId: null, defaultPermissions: [] }));

/**
 * The business roles of this host: core's own, then those the plugins in the registry declare.
 * Built where the services are composed, beside the permission registry that reads it.
 */
export class RoleCatalogue {
  readonly #defs = new Map<string, RoleDef>();
  readonly #labels: Readonly<Record<string, string>>;

  constructor(pluginRoles: readonly PluginRoleDef[] = []) {
    CORE_ROLE_DEFS.forEach((d) => this.#defs.set(d.key, d));
    for (const d of pluginRoles) {
      if (isCoreRole(d.key) || isPlatformRole(d.key)) throw new Error(`Role "${d.key}" of plugin ${d.pluginId} is a core role`);
      if (this.#defs.has(d.key)) throw new Error(`Role "${d.key}" is declared twice (plugins ${this.#defs.get(d.key)!.pluginId} and ${d.pluginId})`);
      this.#defs.set(d.key, d);
    }
    this.#labels = Object.freeze(Object.fromEntries([...this.all().map((d) => [d.key, d.label]), ...PLATFORM_ROLES.map((r) => [r, `core:roles.${r}`])]));
  }

  all(): RoleDef[] {
    return [...this.#defs.values()];
  }

  keys(): BusinessRole[] {
    return [...this.#defs.keys()] as BusinessRole[];
  }

  declared(): RoleDef[] {
    return this.all().filter((d) => d.pluginId !== null);
  }

  /** Whether a membership may hold this role here: a business role of core or of a loaded plugin. */
  has(key: string): key is BusinessRole {
    return this.#defs.has(key);
  }

  /** The i18n key naming every role, platform roles included, for pages that show roles held. */
  labels(): Readonly<Record<string, string>> {
    return this.#labels;
  }
}
