import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { withScope } from "../../db/scope";
import { requireStaff } from "../../app/core/tenancy/staff.server";
import { PluginRegistry } from "../../app/plugin-host/registry";
import { computeWidgets } from "../../app/plugin-host/widgets.server";
import type { PluginWidget } from "../../app/plugin-host/manifest-schema";
import type { WidgetContext } from "../../app/plugin-api/context";
import { loader as oversightLoader } from "../../app/routes/t.$tenant.admin.oversight";
import { createTenantTree, openTestDatabase, loadFixturePlugins, switchPlugin } from "../helpers/db";
import { createUser, signedInRequest, testContext } from "../helpers/context";

let handle: DatabaseHandle;
let registry: PluginRegistry;
let tree: Awaited<ReturnType<typeof createTenantTree>>;
let context: AppLoadContext;
const ids = () => ({ city: tree.city.id, one: tree.offices[0]!.id, two: tree.offices[1]!.id });

async function addNotes(tenantId: string, n: number) {
  await withScope(handle.db, { tenantId, readTenantIds: [tenantId], userId: null }, (trx) =>
    trx
      .insertInto("fixture_notes_notes" as never)
      .values(Array.from({ length: n }, (_, i) => ({ tenant_id: tenantId, body: `note ${i}` })) as never)
      .execute(),
  );
}

async function enable(tenantId: string, enabled = true) {
  await switchPlugin(handle, tenantId, enabled);
}

type Compute = (ctx: WidgetContext, tenantIds: string[]) => Promise<Record<string, number | null>>;

/** The fixture plugin with its one widget replaced, as a registry of its own. */
function withWidget(compute: Compute, extra: Partial<PluginWidget> = {}): PluginRegistry {
  const plugin = registry.get("fixture-notes")!;
  const [widget] = plugin.manifest.widgets;
  const replaced = { ...widget!, ...extra, compute: compute as PluginWidget["compute"] };
  return new PluginRegistry([{ ...plugin, manifest: { ...plugin.manifest, widgets: [replaced] } }]);
}

const staffOf = async (userId: string, code: string) => requireStaff(await signedInRequest(context, userId, `/t/${code}/admin`), context, code);

beforeAll(async () => {
  handle = await openTestDatabase();
  registry = await loadFixturePlugins(handle);
  tree = await createTenantTree(handle, 2);
  // On for the city and office 1; office 2 has notes left from when it was on, but it is off now.
  const { city, one, two } = ids();
  await enable(city);
  await enable(one);
  await addNotes(city, 1);
  await addNotes(one, 3);
  await addNotes(two, 2);
  context = await testContext(handle, {}, registry);
});
afterAll(() => handle.close());

describe("plugin widgets", () => {
  it("count each tenant's rows, and give null where the plugin is off", async () => {
    const { city, one, two } = ids();
    const user = await createUser(handle, { [city]: ["supervisor"] });
    const staff = await staffOf(user.id, tree.city.code);
    const widgets = await computeWidgets(context, {
      viewerUserId: user.id,
      readableTenantIds: staff.access.supervisedTenantIds,
      tenantIds: [city, one, two],
      permissions: staff.permissions,
    });
    expect(widgets).toEqual([
      { key: "fixture-notes.notes", pluginId: "fixture-notes", label: "fixture-notes:widget", format: "count", better: "higher", values: { [city]: 1, [one]: 3, [two]: null } },
    ]);
  });

  it("leave out plugins enabled in none of the tenants asked for", async () => {
    const { two } = ids();
    const user = await createUser(handle, { [two]: ["drafter"] });
    const staff = await staffOf(user.id, tree.offices[1]!.code);
    expect(await computeWidgets(context, { viewerUserId: user.id, readableTenantIds: staff.access.readTenantIds, tenantIds: [two], permissions: staff.permissions })).toEqual([]);
  });

  it("refuse a member asking for another office", async () => {
    const { one, two } = ids();
    const user = await createUser(handle, { [one]: ["drafter"] });
    const staff = await staffOf(user.id, tree.offices[0]!.code);
    const thrown = await computeWidgets(context, {
      viewerUserId: user.id,
      readableTenantIds: staff.access.readTenantIds,
      tenantIds: [one, two],
      permissions: staff.permissions,
    }).catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(403);
  });

  it("let row-level security, not the widget's WHERE clause, keep other tenants out", async () => {
    const { city, one } = ids();
    // A careless widget counting every row it can see, for whichever tenant it was given.
    const careless = withWidget(async (ctx, tenantIds) => {
      const row = await ctx.withRead(tenantIds, (trx) => trx.selectFrom("fixture_notes_notes").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow());
      return { [tenantIds[0]!]: Number(row.n) };
    });
    const widgets = await computeWidgets({ services: { ...context.services, plugins: careless } }, {
      viewerUserId: "00000000-0000-0000-0000-000000000000",
      readableTenantIds: [city, one],
      tenantIds: [one],
      permissions: new Set(),
    });
    expect(widgets[0]!.values).toEqual({ [one]: 3 });
  });

  it("turn a widget that throws, or reads beyond what it was given, into nulls and a warning", async () => {
    const { city, one } = ids();
    const warn = vi.fn();
    const logger = { ...context.services.logger, warn } as never;
    const throwing = withWidget(() => Promise.reject(new Error("boom")));
    const widgets = await computeWidgets({ services: { ...context.services, logger, plugins: throwing } }, {
      viewerUserId: "00000000-0000-0000-0000-000000000000",
      readableTenantIds: [city, one],
      tenantIds: [city, one],
      permissions: new Set(),
    });
    expect(widgets[0]!.values).toEqual({ [city]: null, [one]: null });
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ pluginId: "fixture-notes", widget: "fixture-notes.notes" }), expect.any(String));

    const greedy = withWidget((ctx) => ctx.withRead([city, ids().two], async () => ({})));
    const greedyOut = await computeWidgets({ services: { ...context.services, logger, plugins: greedy } }, {
      viewerUserId: "00000000-0000-0000-0000-000000000000",
      readableTenantIds: [city, one],
      tenantIds: [city],
      permissions: new Set(),
    });
    expect(greedyOut[0]!.values).toEqual({ [city]: null });
    const sync = withWidget(() => {
      throw new Error("thrown before any promise");
    });
    const syncOut = await computeWidgets({ services: { ...context.services, logger, plugins: sync } }, {
      viewerUserId: "00000000-0000-0000-0000-000000000000",
      readableTenantIds: [city],
      tenantIds: [city],
      permissions: new Set(),
    });
    expect(syncOut[0]!.values).toEqual({ [city]: null });
    expect(warn).toHaveBeenCalledTimes(3);
  });

  it("leave out a widget whose permission the viewer lacks", async () => {
    const { one } = ids();
    const guarded = withWidget(registry.get("fixture-notes")!.manifest.widgets[0]!.compute as Compute, { permission: "fixture-notes.notes.manage" });
    const services = { ...context.services, plugins: guarded };
    const ask = (permissions: string[]) =>
      computeWidgets({ services }, { viewerUserId: "00000000-0000-0000-0000-000000000000", readableTenantIds: [one], tenantIds: [one], permissions: new Set(permissions) });
    expect(await ask(["fixture-notes.notes.view"])).toEqual([]);
    expect((await ask(["fixture-notes.notes.manage"]))[0]!.values).toEqual({ [one]: 3 });
  });
});

describe("the oversight page", () => {
  it("gives a city supervisor its own office first, then its offices, with each widget's numbers", async () => {
    const { city, one, two } = ids();
    const user = await createUser(handle, { [city]: ["supervisor"] });
    const request = await signedInRequest(context, user.id, `/t/${tree.city.code}/admin/oversight?lng=en`);
    const data = await oversightLoader({ request, context, params: { tenant: tree.city.code } });
    expect(data.offices.map((o) => [o.id, o.depth])).toEqual([
      [city, 0],
      [one, 1],
      [two, 1],
    ]);
    expect(data.widgets.map((w) => w.values)).toEqual([{ [city]: 1, [one]: 3, [two]: null }]);
  });

  it("is closed to a branch office's drafter", async () => {
    const { one } = ids();
    const user = await createUser(handle, { [one]: ["drafter"] });
    const request = await signedInRequest(context, user.id, `/t/${tree.offices[0]!.code}/admin/oversight`);
    const thrown = await oversightLoader({ request, context, params: { tenant: tree.offices[0]!.code } }).catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(403);
  });
});
