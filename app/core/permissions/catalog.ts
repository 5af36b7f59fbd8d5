import { RoleCatalogue } from "./role-catalogue";
import { CORE_ROLES, isPlatformRole, type Role } from "./roles";

/**
 * A permission is a key `area.entity.action` with a translated label and the roles that hold it
 * by default. Keys whose action is `view` or `read` are read-only: they are all a supervisor gets
 * in a subordinate office.
 */
export interface PermissionDef {
  key: string;
  /** i18n key of the label shown in the role editor. */
  label: string;
  defaultRoles: readonly Role[];
}

export const PERMISSION_KEY = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9_-]*\.[a-z][a-z0-9_-]*$/;

/** Entering the staff workspace: held by default by every business role, a plugin's included. */
export const WORKSPACE_PERMISSION = "core.workspace.view";

export const CORE_PERMISSIONS: readonly PermissionDef[] = [
  { key: WORKSPACE_PERMISSION, label: "permissions.core.workspace.view", defaultRoles: CORE_ROLES },
  { key: "core.oversight.view", label: "permissions.core.oversight.view", defaultRoles: ["supervisor"] },
  { key: "core.accounts.manage", label: "permissions.core.accounts.manage", defaultRoles: ["secadmin"] },
  { key: "core.roles.manage", label: "permissions.core.roles.manage", defaultRoles: ["secadmin"] },
  { key: "core.audit.read", label: "permissions.core.audit.read", defaultRoles: ["auditor"] },
  { key: "core.tenants.manage", label: "permissions.core.tenants.manage", defaultRoles: ["sysadmin"] },
  { key: "core.sensitive-words.manage", label: "permissions.core.sensitive-words.manage", defaultRoles: ["classifier", "principal"] },
  { key: "core.chains.manage", label: "permissions.core.chains.manage", defaultRoles: ["principal"] },
  {
    key: "core.originals.view",
    label: "permissions.core.originals.view",
    defaultRoles: ["drafter", "dept_reviewer", "classifier", "leader", "principal"],
  },
];

/**
 * A permission of the three platform administrators (三员): held by default by a platform role only,
 * it follows that role and no per-tenant override can hand it to a business role (the audit
 * trail is the auditor's alone).
 */
export function isPlatformPermission(def: PermissionDef): boolean {
  return def.defaultRoles.some(isPlatformRole);
}

export function isReadOnly(key: string): boolean {
  const action = key.slice(key.lastIndexOf(".") + 1);
  return action === "view" || action === "read";
}

/**
 * The permissions of this host and who holds them by default. A role a plugin declares adds
 * itself to the defaults of the core permissions it names (and of the workspace).
 */
export class PermissionRegistry {
  readonly #defs = new Map<string, PermissionDef>();

  constructor(readonly roles: RoleCatalogue = new RoleCatalogue()) {
    CORE_PERMISSIONS.forEach((d) => this.register(d));
  }

  register(def: PermissionDef): void {
    if (!PERMISSION_KEY.test(def.key)) throw new Error(`Permission key "${def.key}" is not area.entity.action`);
    if (this.#defs.has(def.key)) throw new Error(`Permission "${def.key}" is declared twice`);
    if (isPlatformPermission(def) && def.defaultRoles.some((r) => !isPlatformRole(r))) {
      throw new Error(`Permission "${def.key}" mixes platform and business roles (三员分立)`);
    }
    // A platform administrator's permission never follows a business role (the manifest check names the plugin).
    const byRole = (isPlatformPermission(def) ? [] : this.roles.declared())
      .filter((r) => def.key === WORKSPACE_PERMISSION || r.defaultPermissions.includes(def.key))
      .map((r) => r.key)
      .filter((r) => !def.defaultRoles.includes(r));
    this.#defs.set(def.key, byRole.length ? { ...def, defaultRoles: [...def.defaultRoles, ...byRole] } : def);
  }

  all(): PermissionDef[] {
    return [...this.#defs.values()];
  }

  has(key: string): boolean {
    return this.#defs.has(key);
  }
}
