import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { withScope } from "../../db/scope";
import { chinaYear } from "../../app/core/calendar/china-time";
import { requireStaff } from "../../app/core/tenancy/staff.server";
import { validateManifest } from "../../app/plugin-host/discover";
import { PluginRegistry } from "../../app/plugin-host/registry";
import { resolvePluginRequest, staffPluginContext } from "../../app/plugin-host/request-context.server";
import { computeReportFigures } from "../../app/plugin-host/reports.server";
import type { PluginReportSection } from "../../app/plugin-api";
import { createTenantTree, openTestDatabase, loadFixturePlugins, switchPlugin } from "../helpers/db";
import { createUser, signedInRequest, testContext } from "../helpers/context";

let handle: DatabaseHandle;
let registry: PluginRegistry;
let tree: Awaited<ReturnType<typeof createTenantTree>>;
let context: AppLoadContext;
const year = chinaYear();
const ids = () => ({ city: tree.city.id, one: tree.offices[0]!.id, two: tree.offices[1]!.id });
const ALL = "fixture-notes.notes.all";
const PUBLIC = "fixture-notes.notes.public";

async function addNotes(tenantId: string, n: number, isPublic = 0) {
  await withScope(handle.db, { tenantId, readTenantIds: [tenantId], userId: null }, (trx) =>
    trx
      .insertInto("fixture_notes_notes" as never)
      .values(Array.from({ length: n }, (_, i) => ({ tenant_id: tenantId, body: `note ${i}`, is_public: i < isPublic })) as never)
      .execute(),
  );
}

/** The fixture plugin's request context for a user in the office `code`, as its admin routes get it. */
async function readerIn(userId: string, code: string, reg = registry) {
  const request = await signedInRequest(context, userId, `/t/${code}/admin/fixture-notes`);
  const staff = await requireStaff(request, context, code);
  const ctx = { ...context, services: { ...context.services, plugins: reg } } as AppLoadContext;
  return staffPluginContext({ request, context: ctx }, reg.get("fixture-notes")!, staff.tenant, staff);
}

/** The fixture plugin with its figure section replaced, as a registry of its own. */
function withSection(compute: PluginReportSection["compute"]): PluginRegistry {
  const plugin = registry.get("fixture-notes")!;
  const [section] = plugin.manifest.reportFigures;
  return new PluginRegistry([{ ...plugin, manifest: { ...plugin.manifest, reportFigures: [{ ...section!, compute }] } }]);
}

beforeAll(async () => {
  handle = await openTestDatabase();
  registry = await loadFixturePlugins(handle);
  tree = await createTenantTree(handle, 2);
  // On for the city and office 1; office 2 has notes from when it was on, but it is off now.
  const { city, one, two } = ids();
  await switchPlugin(handle, city, true);
  await switchPlugin(handle, one, true);
  await addNotes(city, 1);
  await addNotes(one, 3, 1);
  await addNotes(two, 2, 2);
  context = await testContext(handle, {}, registry);
});
afterAll(() => handle.close());

describe("ctx.reports", () => {
  it("gives a supervisor the figures of its office and those under it, absent where the plugin is off", async () => {
    const { city, one, two } = ids();
    const supervisor = await createUser(handle, { [city]: ["supervisor"] });
    const ctx = await readerIn(supervisor.id, tree.city.code);
    expect(ctx.reports.offices.map((o) => o.id)).toEqual([city, one, two]);
    expect(ctx.reports.offices[1]).toMatchObject({ code: tree.offices[0]!.code, parentId: city });
    const read = await ctx.reports.figures(year, { tenantIds: [city, one, two] });
    expect(read.sections).toEqual([
      {
        pluginId: "fixture-notes",
        key: "fixture-notes.counts",
        label: "fixture-notes:report.section",
        figures: [
          { key: ALL, label: "fixture-notes:report.all" },
          { key: PUBLIC, label: "fixture-notes:report.public" },
        ],
      },
    ]);
    expect(read.byTenant).toEqual({ [city]: { [ALL]: 1, [PUBLIC]: 0 }, [one]: { [ALL]: 3, [PUBLIC]: 1 }, [two]: {} });
    // Another year: the same offices, nothing written then.
    expect((await ctx.reports.figures(year - 1, { tenantIds: [one] })).byTenant).toEqual({ [one]: { [ALL]: 0, [PUBLIC]: 0 } });
  });

  it("gives a supervisor reading a subordinate office that office's subtree only", async () => {
    const { city, one } = ids();
    const supervisor = await createUser(handle, { [city]: ["supervisor"] });
    const ctx = await readerIn(supervisor.id, tree.offices[0]!.code);
    expect(ctx.mode).toBe("supervisor");
    expect(ctx.reports.offices.map((o) => o.id)).toEqual([one]);
    expect((await ctx.reports.figures(year)).byTenant).toEqual({ [one]: { [ALL]: 3, [PUBLIC]: 1 } });
    expect(((await ctx.reports.figures(year, { tenantIds: [city] }).catch((e: unknown) => e)) as Response).status).toBe(403);
  });

  it("gives an office its own figures, and refuses a sibling's or its superior's", async () => {
    const { city, one, two } = ids();
    const drafter = await createUser(handle, { [one]: ["drafter"] });
    const ctx = await readerIn(drafter.id, tree.offices[0]!.code);
    expect(ctx.reports.offices.map((o) => o.id)).toEqual([one]);
    expect((await ctx.reports.figures(year)).byTenant).toEqual({ [one]: { [ALL]: 3, [PUBLIC]: 1 } });
    for (const asked of [[two], [one, two], [city]]) {
      const thrown = await ctx.reports.figures(year, { tenantIds: asked }).catch((e: unknown) => e);
      expect((thrown as Response).status, asked.join()).toBe(403);
    }
  });

  it("leaves out the sections of a plugin enabled in none of the offices read", async () => {
    const { two } = ids();
    const drafter = await createUser(handle, { [two]: ["drafter"] });
    const read = await computeReportFigures(context, { userId: drafter.id, readableTenantIds: [two] }, [two], year);
    expect(read).toEqual({ year, sections: [], byTenant: { [two]: {} } });
  });

  it("reads a plugin's own rows of the offices asked for, in one read-only transaction that shows no other office", async () => {
    const { city, one, two } = ids();
    const supervisor = await createUser(handle, { [city]: ["supervisor"] });
    const ctx = await readerIn(supervisor.id, tree.city.code);
    const counted = await ctx.reports.read([city, one], (trx) =>
      trx.selectFrom("fixture_notes_notes").select(["tenant_id", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("tenant_id").orderBy("tenant_id").execute(),
    );
    // Office two's notes are there and the supervisor may read them, but it was not asked for.
    expect(Object.fromEntries(counted.map((r) => [r.tenant_id, Number(r.n)]))).toEqual({ [city]: 1, [one]: 3 });
    expect(await ctx.reports.read([two], (trx) => trx.selectFrom("fixture_notes_notes").select("tenant_id").execute())).toHaveLength(2);
    const write = ctx.reports.read([one], (trx) => trx.insertInto("fixture_notes_notes").values({ tenant_id: one, body: "written", is_public: false }).execute());
    await expect(write).rejects.toThrow(/row-level security/);
  });

  it("refuses to read an office outside the reader's offices with 403, running nothing", async () => {
    const { city, one, two } = ids();
    const drafter = await createUser(handle, { [one]: ["drafter"] });
    const own = await readerIn(drafter.id, tree.offices[0]!.code);
    const supervisor = await createUser(handle, { [city]: ["supervisor"] });
    const underCity = await readerIn(supervisor.id, tree.offices[0]!.code);
    let ran = false;
    const run = async () => {
      ran = true;
      return null;
    };
    for (const [ctx, asked] of [[own, [two]], [own, [one, city]], [underCity, [city]], [underCity, [one, two]]] as const) {
      const thrown = await ctx.reports.read(asked, run).catch((e: unknown) => e);
      expect((thrown as Response).status, asked.join()).toBe(403);
    }
    expect(ran).toBe(false);
  });

  it("is refused on public routes: the public reads the published report", async () => {
    const request = new Request(`http://localhost/t/${tree.offices[0]!.code}/fixture-notes`);
    const ctx = await resolvePluginRequest({ request, params: { tenant: tree.offices[0]!.code }, context });
    expect(ctx.reports.offices).toEqual([]);
    await expect(ctx.reports.figures(year)).rejects.toThrow(/staff routes only/);
    await expect(ctx.reports.read([tree.offices[0]!.id], async () => null)).rejects.toThrow(/staff routes only/);
  });
});

describe("a report section's compute", () => {
  // Any signed-in reader: the user id only lets row-level security show staff rows.
  const reader = (readable: string[]) => ({ userId: "00000000-0000-0000-0000-000000000000", readableTenantIds: readable });

  it("is asked once for every office where its plugin is on, and row-level security keeps the rest out", async () => {
    const { city, one, two } = ids();
    const asked: string[][] = [];
    // A careless section counting every row it can see, for whichever office it was given.
    const careless = withSection(async (ctx, tenantIds) => {
      asked.push([...tenantIds]);
      const row = await ctx.withRead([tenantIds[0]!], (trx) => trx.selectFrom("fixture_notes_notes").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow());
      return new Map(tenantIds.map((id) => [id, { [ALL]: Number(row.n), [PUBLIC]: 0 }]));
    });
    const services = { services: { ...context.services, plugins: careless } };
    const read = await computeReportFigures(services, reader([city, one, two]), [one, two], year);
    expect(asked).toEqual([[one]]);
    expect(read.byTenant).toEqual({ [one]: { [ALL]: 3, [PUBLIC]: 0 }, [two]: {} });
  });

  it("may not read an office it was not asked about", async () => {
    const { city, one } = ids();
    const prying = withSection(async (ctx, tenantIds) => {
      await ctx.withRead([...tenantIds, city], async () => null);
      return new Map();
    });
    const thrown = await computeReportFigures({ services: { ...context.services, plugins: prying } }, reader([city, one]), [one], year).catch((e: unknown) => e);
    expect(String(thrown)).toContain(`report section fixture-notes.counts may not read tenants ${city}`);
  });

  it("fails the read when it leaves a figure without a number: a blank is not 0", async () => {
    const { one } = ids();
    for (const value of [undefined, Number.NaN, "3"]) {
      const blank = withSection(async (_ctx, tenantIds) => new Map(tenantIds.map((id) => [id, { [ALL]: 1, [PUBLIC]: value as number }])));
      const thrown = await computeReportFigures({ services: { ...context.services, plugins: blank } }, reader([one]), [one], year).catch((e: unknown) => e);
      expect(String(thrown)).toContain(`report section fixture-notes.counts gave no number for ${PUBLIC} of tenant ${one}`);
    }
  });

  it("is declared with keys of the plugin's own, each figure once", () => {
    const plugin = registry.get("fixture-notes")!.manifest;
    const section = plugin.reportFigures[0]!;
    const raw = (sections: unknown[]) => ({ ...plugin, migrations: {}, reportFigures: sections });
    expect(() => validateManifest("fixture-notes", raw([{ ...section, key: "requests.t3" }]))).toThrow(/reportFigures\.0\.key: "requests\.t3" must start with "fixture-notes\."/);
    expect(() => validateManifest("fixture-notes", raw([{ ...section, figures: [...section.figures, { key: "other.count", label: "fixture-notes:report.all" }] }]))).toThrow(
      /reportFigures\.0\.figures\.2\.key: "other\.count" must start with "fixture-notes\."/,
    );
    expect(() => validateManifest("fixture-notes", raw([section, { ...section, key: "fixture-notes.again" }]))).toThrow(/reportFigures\.1\.figures\.0\.key: "fixture-notes\.notes\.all" is declared twice/);
    expect(() => validateManifest("fixture-notes", raw([{ ...section, compute: 7 }]))).toThrow(/reportFigures\.0\.compute/);
    expect(() => validateManifest("fixture-notes", raw([{ ...section, figures: [] }]))).toThrow(/a section declares at least one figure/);
  });
});
