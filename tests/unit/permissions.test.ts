import { describe, expect, it } from "vitest";
import { PermissionRegistry } from "../../app/core/permissions/catalog";
import { resolvePermissions } from "../../app/core/permissions/resolve";
import { violatesSeparationOfDuties } from "../../app/core/permissions/separation";

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

  it("三员分立 allows one platform role, not two", () => {
    expect(violatesSeparationOfDuties(["sysadmin", "drafter"])).toBe(false);
    expect(violatesSeparationOfDuties(["secadmin", "auditor"])).toBe(true);
  });
});
