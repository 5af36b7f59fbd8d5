/**
 * Core's own business roles, held through a membership in one tenant. Plugins declare more
 * (manifest `roles`, keyed `<plugin id with _>_<name>`); the role catalogue (role-catalogue.ts)
 * holds both.
 */
export const CORE_ROLES = ["drafter", "dept_reviewer", "classifier", "leader", "principal", "supervisor", "viewer"] as const;

/** 三员分立: platform roles held by an account itself; no account may hold two of them. */
export const PLATFORM_ROLES = ["sysadmin", "secadmin", "auditor"] as const;

export type CoreRole = (typeof CORE_ROLES)[number];
/** A plugin's role: its id with `-` as `_`, then `_` and a name (`site_visits_inspector`). */
export type PluginRole = `${string}_${string}`;
export type BusinessRole = CoreRole | PluginRole;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];
export type Role = BusinessRole | PlatformRole;

export function isCoreRole(r: string): r is CoreRole {
  return (CORE_ROLES as readonly string[]).includes(r);
}

export function isPlatformRole(r: string): r is PlatformRole {
  return (PLATFORM_ROLES as readonly string[]).includes(r);
}

/** The prefix every role key of a plugin starts with: `site-visits` → `site_visits_`. */
export function pluginRolePrefix(pluginId: string): string {
  return `${pluginId.replace(/-/g, "_")}_`;
}
