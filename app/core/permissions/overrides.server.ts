import { isPlatformPermission, type PermissionDef, type PermissionRegistry } from "./catalog";
import { overridesOf } from "./memberships.server";
import { withPlatform, type PlatformContext } from "./platform.server";
import type { Override } from "./resolve";
import type { BusinessRole } from "./roles";

/**
 * Per-tenant role editing. A tenant stores only where it departs from the defaults, so a default
 * changed in a later release still reaches every tenant that never touched that cell.
 */

/** Permissions a tenant's business roles can hold: those held by default only by platform roles belong to the 三员. */
export function tenantPermissions(registry: PermissionRegistry): PermissionDef[] {
  return registry.all().filter((d) => !isPlatformPermission(d));
}

export interface Grant {
  role: BusinessRole;
  permission: string;
}

export interface GrantChange extends Grant {
  granted: boolean;
}

const cell = (role: string, permission: string) => `${role}\u0000${permission}`;

/** The overrides that turn the defaults into exactly `granted` (every other cell is revoked). */
export function overridesFor(registry: PermissionRegistry, granted: readonly Grant[]): Override[] {
  const wanted = new Set(granted.map((g) => cell(g.role, g.permission)));
  const out: Override[] = [];
  for (const def of tenantPermissions(registry)) {
    for (const role of registry.roles.keys()) {
      const want = wanted.has(cell(role, def.key));
      if (want !== def.defaultRoles.includes(role)) out.push({ role, permission: def.key, granted: want });
    }
  }
  return out;
}

/** Which cells a new set of overrides changes, compared with the old one (both read against the defaults). */
export function grantChanges(registry: PermissionRegistry, before: readonly Override[], after: readonly Override[]): GrantChange[] {
  const effective = (overrides: readonly Override[], role: BusinessRole, def: PermissionDef) =>
    overrides.find((o) => o.role === role && o.permission === def.key)?.granted ?? def.defaultRoles.includes(role);
  const changes: GrantChange[] = [];
  for (const def of tenantPermissions(registry)) {
    for (const role of registry.roles.keys()) {
      const now = effective(after, role, def);
      if (effective(before, role, def) !== now) changes.push({ role, permission: def.key, granted: now });
    }
  }
  return changes;
}

export class UnknownGrantError extends Error {
  readonly i18nKey = "errors.invalid";
  constructor(grant: string) {
    super(`Not a business role and tenant permission: ${grant}`);
  }
}

/**
 * Makes `granted` the complete set of business-role grants in one tenant, in that tenant's scope,
 * and audits the cells that changed. Overrides of unknown permissions (a removed plugin) are left alone.
 */
export async function saveRoleGrants(ctx: PlatformContext, tenantId: string, granted: readonly Grant[]): Promise<GrantChange[]> {
  const registry = ctx.context.services.permissions;
  const known = new Set(tenantPermissions(registry).map((d) => d.key));
  for (const g of granted)
    if (!registry.roles.has(g.role) || !known.has(g.permission)) throw new UnknownGrantError(`${g.role}/${g.permission}`);
  const after = overridesFor(registry, granted);
  return withPlatform(ctx, { tenantId }, async (trx, audit) => {
    const before = (await overridesOf(trx, tenantId)).filter((o) => registry.roles.has(o.role) && known.has(o.permission));
    const changes = grantChanges(registry, before, after);
    if (changes.length === 0) return changes;
    await trx
      .deleteFrom("role_permissions")
      .where("tenant_id", "=", tenantId)
      .where("role", "in", registry.roles.keys())
      .where("permission", "in", [...known])
      .execute();
    if (after.length) {
      await trx
        .insertInto("role_permissions")
        .values(after.map((o) => ({ tenant_id: tenantId, role: o.role, permission: o.permission, granted: o.granted })))
        .execute();
    }
    await audit({ action: "role_permissions.update", target: { type: "tenant", id: tenantId }, data: { changes } });
    return changes;
  });
}
