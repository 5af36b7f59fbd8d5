import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { withScope } from "../../db/scope";
import { requireStaff } from "../../app/core/tenancy/staff.server";
import { PluginRegistry } from "../../app/plugin-host/registry";
import { computeWidgets, lastTwelveMonths } from "../../app/plugin-host/widgets.server";
import { manifestSchema } from "../../app/plugin-host/manifest-schema";
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
      // No `better` declared, none invented: a count of notes is neither good nor bad.
      { key: "fixture-notes.notes", pluginId: "fixture-notes", label: "fixture-notes:widget", format: "count", values: { [city]: 1, [one]: 3, [two]: null } },
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

describe("widget series", () => {
  const noteCount: Compute = async (ctx, tenantIds) => Object.fromEntries(tenantIds.map((id) => [id, 1]));
  const ask = (plugins: PluginRegistry, tenantIds: string[], series = true, logger = context.services.logger) =>
    computeWidgets({ services: { ...context.services, logger, plugins } }, {
      viewerUserId: "00000000-0000-0000-0000-000000000000",
      readableTenantIds: tenantIds,
      tenantIds,
      permissions: new Set(),
      series,
    });

  it("name the last 12 months, oldest first, ending with this one, across a year's turn", () => {
    expect(lastTwelveMonths("2026-03-09")).toEqual(["2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]);
    expect(lastTwelveMonths("2026-12-31").at(0)).toBe("2026-01");
  });

  it("pass the months to the plugin and keep its numbers per tenant; nulls where the plugin is off", async () => {
    const { city, one, two } = ids();
    const seen: string[][] = [];
    const plugins = withWidget(noteCount, {
      series: {
        label: "fixture-notes:widget",
        over: "months",
        compute: async (_ctx, tenantIds, months) => {
          seen.push(months);
          return Object.fromEntries(tenantIds.map((id, k) => [id, months.map((_, i) => (i === 11 ? k + 1 : i === 0 ? null : 0))]));
        },
      },
    });
    const [w] = await ask(plugins, [city, one, two]);
    expect(seen).toEqual([lastTwelveMonths()]);
    expect(w!.series).toMatchObject({ label: "fixture-notes:widget", over: "months", buckets: lastTwelveMonths() });
    expect(w!.series!.values[city]).toEqual([null, ...Array(10).fill(0), 1]);
    expect(w!.series!.values[one]).toEqual([null, ...Array(10).fill(0), 2]);
    expect(w!.series!.values[two]).toEqual(Array(12).fill(null));
    // Not asked for: not computed.
    expect((await ask(plugins, [city], false))[0]).not.toHaveProperty("series");
    expect(seen).toHaveLength(1);
  });

  it("give the plugin's own buckets back to it, and refuse an array of another length with a warning, keeping the widget's number", async () => {
    const { city } = ids();
    const buckets = ["fixture-notes:a", "fixture-notes:b", "fixture-notes:c"];
    const good = withWidget(noteCount, { series: { label: "fixture-notes:widget", over: buckets, compute: async (_c, ids, b) => ({ [ids[0]!]: b.map((_, i) => i * 2) }) } });
    const [w] = await ask(good, [city]);
    expect(w!.series).toEqual({ label: "fixture-notes:widget", over: "buckets", buckets, values: { [city]: [0, 2, 4] } });

    const warn = vi.fn();
    const logger = { ...context.services.logger, warn } as never;
    const short = withWidget(noteCount, { series: { label: "fixture-notes:widget", over: buckets, compute: async (_c, ids) => ({ [ids[0]!]: [1, 2] }) } });
    const [bad] = await ask(short, [city], true, logger);
    expect(bad!.series).toBeNull();
    expect(bad!.values).toEqual({ [city]: 1 });
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ widget: "fixture-notes.notes" }), expect.stringContaining("series"));
  });

  it("reject a manifest whose series has neither months nor buckets, and keep `better` absent unless declared", () => {
    const plugin = registry.get("fixture-notes")!;
    const widget = { key: "fixture-notes.x", label: "fixture-notes:widget", compute: noteCount };
    const schema = manifestSchema();
    const parse = (w: object) => schema.safeParse({ ...plugin.manifest, widgets: [w] });
    expect(parse({ ...widget, series: { label: "fixture-notes:widget", over: [], compute: noteCount } }).success).toBe(false);
    expect(parse({ ...widget, better: "sideways" }).success).toBe(false);
    const ok = parse({ ...widget, description: "fixture-notes:widget" });
    expect(ok.success && ok.data.widgets[0]!.better).toBeUndefined();
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
    // One chart per widget, an office a bar, drawn as SVG here with its data table.
    expect(data.perOffice).toHaveLength(1);
    const chart = data.perOffice[0]!;
    expect(chart.svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-label="[^"]+"/);
    expect(chart.table.rows.map((r) => [r.label, r.cells])).toEqual(data.offices.map((o, i) => [o.name, [["1", "3", "—"][i]]]));
    expect(data.trends).toEqual([]);
  });

  it("sums a count series over the offices for the trend chart", async () => {
    const { city } = ids();
    const plugins = withWidget(async (_c, tenantIds) => Object.fromEntries(tenantIds.map((id) => [id, 1])), {
      series: { label: "fixture-notes:widget", over: ["fixture-notes:widget"], compute: async (_c, tenantIds) => Object.fromEntries(tenantIds.map((id) => [id, [id === city ? 2 : 5]])) },
    });
    const user = await createUser(handle, { [city]: ["supervisor"] });
    const request = await signedInRequest(context, user.id, `/t/${tree.city.code}/admin/oversight?lng=en`);
    const data = await oversightLoader({ request, context: { ...context, services: { ...context.services, plugins } }, params: { tenant: tree.city.code } });
    expect(data.trends).toHaveLength(1);
    // The city (2) and office 1 (5); office 2 has the plugin off and adds nothing.
    expect(data.trends[0]!.table.rows.map((r) => r.cells)).toEqual([["7"]]);
    expect(data.widgets[0]).not.toHaveProperty("series");
  });

  it("is closed to a branch office's drafter", async () => {
    const { one } = ids();
    const user = await createUser(handle, { [one]: ["drafter"] });
    const request = await signedInRequest(context, user.id, `/t/${tree.offices[0]!.code}/admin/oversight`);
    const thrown = await oversightLoader({ request, context, params: { tenant: tree.offices[0]!.code } }).catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(403);
  });
});
