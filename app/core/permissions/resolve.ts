import { isPlatformPermission, isReadOnly, type PermissionRegistry } from "./catalog";
import { isPlatformRole, type Role } from "./roles";

export interface Override {
  role: string;
  permission: string;
  granted: boolean;
}

/**
 * The permissions a set of roles holds in one tenant: the defaults, then that tenant's overrides
 * (a grant or a revocation per role and key). `readOnly` keeps only view/read keys. A platform
 * administrator's permission is never overridden: only its platform role holds it. A role no
 * longer in the catalogue (its plugin removed) holds nothing, whatever overrides it left.
 */
export function resolvePermissions(
  registry: PermissionRegistry,
  roles: readonly Role[],
  overrides: readonly Override[] = [],
  opts: { readOnly?: boolean } = {},
): Set<string> {
  const granted = new Set<string>();
  const known = roles.filter((r) => isPlatformRole(r) || registry.roles.has(r));
  for (const def of registry.all()) {
    const fixed = isPlatformPermission(def);
    for (const role of known) {
      const override = fixed ? undefined : overrides.find((o) => o.role === role && o.permission === def.key);
      if (override ? override.granted : def.defaultRoles.includes(role)) granted.add(def.key);
    }
  }
  if (opts.readOnly) for (const k of granted) if (!isReadOnly(k)) granted.delete(k);
  return granted;
}
