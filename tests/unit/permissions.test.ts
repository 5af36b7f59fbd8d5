import { describe, expect, it } from "vitest";
import { PermissionRegistry } from "../../app/core/permissions/catalog";
import { resolvePermissions } from "../../app/core/permissions/resolve";

describe("permissions", () => {
  const registry = new PermissionRegistry();

  it("gives each role its defaults", () => {
    expect(resolvePermissions(registry, ["drafter"])).toEqual(new Set(["core.workspace.view", "core.originals.view"]));
    expect(resolvePermissions(registry, ["viewer"])).toEqual(new Set(["core.workspace.view"]));
    expect(resolvePermissions(registry, ["supervisor"])).toEqual(new Set(["core.workspace.view", "core.oversight.view"]));
    expect(resolvePermissions(registry, ["auditor"])).toEqual(new Set(["core.audit.read"]));
  });

  it("applies a tenant's grants and revocations", () => {
    const overrides = [
      { role: "drafter", permission: "core.oversight.view", granted: true },
      { role: "viewer", permission: "core.workspace.view", granted: false },
    ];
    expect(resolvePermissions(registry, ["drafter"], overrides).has("core.oversight.view")).toBe(true);
    expect(resolvePermissions(registry, ["viewer"], overrides).size).toBe(0);
  });

  it("keeps only view/read permissions in read-only mode", () => {
    const all = resolvePermissions(registry, ["secadmin", "supervisor"]);
    expect(all.has("core.accounts.manage")).toBe(true);
    expect([...resolvePermissions(registry, ["secadmin", "supervisor"], [], { readOnly: true })].sort()).toEqual(["core.oversight.view", "core.workspace.view"]);
  });

  it("refuses keys that are not area.entity.action, and duplicates", () => {
    expect(() => registry.register({ key: "core.bad", label: "x", defaultRoles: [] })).toThrow(/area.entity.action/);
    expect(() => registry.register({ key: "core.workspace.view", label: "x", defaultRoles: [] })).toThrow(/twice/);
  });

  it("三员分立: no override hands the auditor's, the secadmin's or the sysadmin's permissions to another role", () => {
    const platform = ["core.audit.read", "core.accounts.manage", "core.roles.manage", "core.tenants.manage"];
    const overrides = ["viewer", "drafter", "supervisor", "principal", "secadmin", "sysadmin"].flatMap((role) =>
      platform.map((permission) => ({ role, permission, granted: true })),
    );
    for (const role of ["viewer", "drafter", "supervisor", "principal"] as const) {
      expect([...resolvePermissions(registry, [role], overrides)].filter((k) => platform.includes(k))).toEqual([]);
    }
    expect(resolvePermissions(registry, ["secadmin"], overrides).has("core.audit.read")).toBe(false);
    expect(resolvePermissions(registry, ["sysadmin"], overrides).has("core.audit.read")).toBe(false);
    expect(resolvePermissions(registry, ["auditor"], [{ role: "auditor", permission: "core.audit.read", granted: false }]).has("core.audit.read")).toBe(true);
  });

  it("refuses a permission whose defaults mix platform and business roles", () => {
    expect(() => new PermissionRegistry().register({ key: "x.audit.read", label: "x", defaultRoles: ["auditor", "viewer"] })).toThrow(/三员分立/);
  });
});
