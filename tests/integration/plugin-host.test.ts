import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import type { PluginRegistry } from "../../app/plugin-host/registry";
import { resolvePluginRequest } from "../../app/plugin-host/request-context.server";
import { createTenantTree, openTestDatabase, loadFixturePlugins, switchPlugin } from "../helpers/db";
import { createUser, signedInRequest, testContext } from "../helpers/context";

let handle: DatabaseHandle;
let registry: PluginRegistry;
let tree: Awaited<ReturnType<typeof createTenantTree>>;
let context: AppLoadContext;

beforeAll(async () => {
  handle = await openTestDatabase();
  registry = await loadFixturePlugins(handle);
  tree = await createTenantTree(handle, 2);
  // The fixture is on for office 1 only, switched on the way a sysadmin does it.
  const [one] = tree.offices;
  await switchPlugin(handle, one!.id, true, { maxNotes: 7 });
  context = await testContext(handle, {}, registry);
});
afterAll(() => handle.close());

const args = (request: Request, tenant: string) => ({ request, context, params: { tenant } });

describe("plugin requests", () => {
  it("serve a staff member of an office where the plugin is enabled, with its settings", async () => {
    const [one] = tree.offices;
    const user = await createUser(handle, { [one!.id]: ["drafter"] });
    const ctx = await resolvePluginRequest(args(await signedInRequest(context, user.id, `/t/${one!.code}/admin/fixture-notes`), one!.code));
    expect(ctx).toMatchObject({ pluginId: "fixture-notes", area: "admin", mode: "member", settings: { maxNotes: 7, publicIntro: "" } });
    expect(ctx.can("fixture-notes.notes.manage")).toBe(true);
    expect(ctx.t("title")).toBe("Fixture Notes 记录");
  });

  it("answer 404 where the plugin is not enabled, even for a member", async () => {
    const [, two] = tree.offices;
    const user = await createUser(handle, { [two!.id]: ["drafter"] });
    const thrown = await resolvePluginRequest(args(await signedInRequest(context, user.id, `/t/${two!.code}/admin/fixture-notes`), two!.code)).catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(404);
  });

  it("answer 403 to a member without the route's permission", async () => {
    const [one] = tree.offices;
    // The fixture's own role enters the workspace but does not hold the route's fixture-notes.notes.view.
    const user = await createUser(handle, { [one!.id]: ["fixture_notes_reviewer"] });
    const thrown = await resolvePluginRequest(args(await signedInRequest(context, user.id, `/t/${one!.code}/admin/fixture-notes`), one!.code)).catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(403);
  });

  it("give public pages read-only access to that tenant's rows", async () => {
    const [one] = tree.offices;
    const ctx = await resolvePluginRequest(args(new Request(`http://localhost/t/${one!.code}/fixture-notes`), one!.code));
    expect(ctx.user).toBeNull();
    await expect(
      ctx.withTenant((trx) => trx.insertInto("fixture_notes_notes").values({ tenant_id: one!.id, body: "x" }).execute()),
    ).rejects.toThrow(/row-level security/);
  });

  it("register the plugin's permissions and translations with the host", () => {
    expect(context.services.permissions.has("fixture-notes.notes.manage")).toBe(true);
    expect(context.services.i18n.en["fixture-notes"]).toMatchObject({ title: "Fixture Notes notes" });
  });
});
