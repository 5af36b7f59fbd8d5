import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { LOCALES } from "../../app/core/i18n/config";
import { PermissionRegistry } from "../../app/core/permissions/catalog";
import { resolvePermissions } from "../../app/core/permissions/resolve";
import { CORE_ROLES } from "../../app/core/permissions/roles";
import type { PluginRegistry } from "../../app/plugin-host/registry";
import { action as accountAction, loader as accountLoader } from "../../app/routes/admin.accounts.$userId";
import { loader as rolesLoader } from "../../app/routes/admin.roles";
import { createTenantTree, loadFixturePlugins, openTestDatabase } from "../helpers/db";
import { createUser, signedInRequest, testContext } from "../helpers/context";
import { runAction } from "../helpers/routes";

/**
 * Roles as plugin data (issue 15): the fixture plugin declares 笔记审核员 in its manifest alone, and
 * the role editor, the accounts page and the permissions held follow, with no core change.
 */

const ROLE = "fixture_notes_reviewer";
const LABELS = { "zh-CN": "笔记审核员", "zh-TW": "筆記審核員", en: "Notes reviewer" } as const;

let handle: DatabaseHandle;
let registry: PluginRegistry;
let context: AppLoadContext;
let office: { id: string; code: string };
let secadmin: { id: string };

beforeAll(async () => {
  handle = await openTestDatabase();
  registry = await loadFixturePlugins(handle);
  office = (await createTenantTree(handle, 1)).offices[0]!;
  context = await testContext(handle, {}, registry);
  secadmin = await createUser(handle, {}, ["secadmin"]);
});
afterAll(() => handle.close());

describe("a role a plugin declares", () => {
  it("joins the catalogue after core's own, labelled from the plugin's namespace in the three locales", () => {
    const roles = context.services.permissions.roles;
    expect(roles.keys()).toEqual([...CORE_ROLES, ROLE]);
    const def = roles.all().find((r) => r.key === ROLE)!;
    expect(def).toMatchObject({ pluginId: "fixture-notes", label: "fixture-notes:roles.reviewer" });
    // What the root loader sends the browser, so every page names the role the same way.
    expect(roles.labels()[ROLE]).toBe("fixture-notes:roles.reviewer");
    expect(roles.labels().drafter).toBe("core:roles.drafter");
    for (const locale of LOCALES) {
      expect(context.services.translators[locale].t(def.label)).toBe(LABELS[locale]);
      expect(context.services.translators[locale].t(def.description!)).not.toBe(def.description);
    }
  });

  it("is a column of the role editor, ticked by default where it holds a permission", async () => {
    const request = await signedInRequest(context, secadmin.id, `/admin/roles?tenant=${office.code}`);
    const page = await rolesLoader({ request, context, params: {} });
    expect(page.roles).toEqual([...CORE_ROLES, ROLE]);
    // Under the table, what the role is for, in the plugin's words.
    expect(page.notes).toEqual([{ role: ROLE, description: "fixture-notes:roles.reviewerHint" }]);
    const byDefault = (permission: string) => page.matrix.find((p) => p.key === permission)!.cells.find((c) => c.role === ROLE)!.byDefault;
    // Every business role enters the workspace; the manifest names core.originals.view; the plugin's manage permission names the role.
    expect(byDefault("core.workspace.view")).toBe(true);
    expect(byDefault("core.originals.view")).toBe(true);
    expect(byDefault("fixture-notes.notes.manage")).toBe(true);
    expect(byDefault("fixture-notes.notes.view")).toBe(false);
    expect(byDefault("core.chains.manage")).toBe(false);
  });

  it("is offered on the accounts page, and a member given it holds exactly its default permissions", async () => {
    const staff = await createUser(handle);
    const page = await accountLoader({ request: await signedInRequest(context, secadmin.id, `/admin/accounts/${staff.id}`), context, params: { userId: staff.id } });
    expect(page.roles).toContain(ROLE);

    const post = async (roles: string[]) => {
      const get = await signedInRequest(context, secadmin.id, `/admin/accounts/${staff.id}`);
      const body = new URLSearchParams([["intent", "membership"], ["tenant", office.id], ...roles.map((r) => ["roles", r])]);
      const request = new Request(get.url, { method: "POST", headers: { Cookie: get.headers.get("Cookie")!, "Content-Type": "application/x-www-form-urlencoded" }, body });
      return runAction<{ errors: Record<string, string[]>; done?: string }>(accountAction, request, { userId: staff.id }, context);
    };
    const refused = await post(["fixture_notes_ghost"]);
    expect(refused.status).toBe(400);
    expect(refused.data.errors.roles).toEqual(["errors.invalid"]);

    expect((await post([ROLE])).data.done).toBe("accounts.done.membershipSaved");
    const member = await accountLoader({ request: await signedInRequest(context, secadmin.id, `/admin/accounts/${staff.id}`), context, params: { userId: staff.id } });
    expect(member.memberships).toEqual([expect.objectContaining({ tenantId: office.id, roles: [ROLE] })]);
    expect([...resolvePermissions(context.services.permissions, [ROLE])].sort()).toEqual(["core.originals.view", "core.workspace.view", "fixture-notes.notes.manage"]);
  });

  it("holds nothing once its plugin is gone, whatever grants an office left for it", () => {
    const withoutPlugin = new PermissionRegistry();
    expect(withoutPlugin.roles.has(ROLE)).toBe(false);
    expect(resolvePermissions(withoutPlugin, [ROLE], [{ role: ROLE, permission: "core.oversight.view", granted: true }]).size).toBe(0);
  });
});
