import { BUSINESS_ROLES, type Role } from "./roles";

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

export const CORE_PERMISSIONS: readonly PermissionDef[] = [
  { key: "core.workspace.view", label: "permissions.core.workspace.view", defaultRoles: BUSINESS_ROLES },
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

export function isReadOnly(key: string): boolean {
  const action = key.slice(key.lastIndexOf(".") + 1);
  return action === "view" || action === "read";
}

export class PermissionRegistry {
  readonly #defs = new Map<string, PermissionDef>();

  constructor(defs: readonly PermissionDef[] = CORE_PERMISSIONS) {
    defs.forEach((d) => this.register(d));
  }

  register(def: PermissionDef): void {
    if (!PERMISSION_KEY.test(def.key)) throw new Error(`Permission key "${def.key}" is not area.entity.action`);
    if (this.#defs.has(def.key)) throw new Error(`Permission "${def.key}" is declared twice`);
    this.#defs.set(def.key, def);
  }

  all(): PermissionDef[] {
    return [...this.#defs.values()];
  }

  has(key: string): boolean {
    return this.#defs.has(key);
  }
}
