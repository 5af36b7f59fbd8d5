import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { withScope } from "../../db/scope";
import { discoverPlugins } from "../../app/plugin-host/discover";
import { PluginRegistry } from "../../app/plugin-host/registry";
import { tenantContext } from "../../app/plugin-host/request-context.server";
import type { PluginTenantContext } from "../../app/plugin-api/context";
import { createTenantTree, loadFixturePlugins, openTestDatabase } from "../helpers/db";
import { testContext } from "../helpers/context";

let handle: DatabaseHandle;
let registry: PluginRegistry;
let context: AppLoadContext;
let tree: Awaited<ReturnType<typeof createTenantTree>>;
/** The requests plugin's context, whose reply clock (20 working days, Art 30–34) the first tests keep. */
let one: PluginTenantContext;
/** The fixture plugin's context, declaring a 10-calendar-day kind of its own. */
let notes: PluginTenantContext;
const CLOCK = "requests.reply:2025-0001";

beforeAll(async () => {
  handle = await openTestDatabase();
  const fixtures = await loadFixturePlugins(handle);
  registry = new PluginRegistry([...fixtures.plugins, (await discoverPlugins()).get("requests")!]);
  tree = await createTenantTree(handle, 2);
  context = await testContext(handle, {}, registry);
  const tenant = context.services.tenants.byId(tree.offices[0]!.id)!;
  one = tenantContext(context, registry.get("requests")!, tenant, { id: null, name: "test" });
  notes = tenantContext(context, registry.get("fixture-notes")!, tenant, { id: null, name: "test" });
});
afterAll(() => handle.close());

describe(`deadline clock ledgers (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("stores a clock's events and derives its due date and explanation from them", async () => {
    await one.withTenant(async (trx) => {
      await one.clocks.append(trx, CLOCK, { kind: "start", date: "2025-09-26" });
      await one.clocks.append(trx, CLOCK, { kind: "pause", date: "2025-10-09", reason: "third-party" });
      await one.clocks.append(trx, CLOCK, { kind: "resume", date: "2025-10-15" });
    });
    const status = await one.withTenant((trx) => one.clocks.status(trx, CLOCK, "2025-10-20"));
    expect(status).toMatchObject({ state: "running", dueDate: "2025-11-06" });
    expect(one.clocks.explain(status!, "en")).toBe("20 working days from 2025-09-26; paused 5 working days for third-party consultation; due 2025-11-06");
    expect(await one.withTenant((trx) => one.clocks.events(trx, CLOCK))).toHaveLength(3);
  });

  it("refuses an event the law does not allow and writes nothing", async () => {
    const clock = "requests.reply:2025-0002";
    await one.withTenant(async (trx) => {
      await one.clocks.append(trx, clock, { kind: "start", date: "2025-09-26" });
      await one.clocks.append(trx, clock, { kind: "extend", date: "2025-10-27", days: 20, approver: "王主任" });
    });
    await expect(
      one.withTenant((trx) => one.clocks.append(trx, clock, { kind: "extend", date: "2025-10-28", days: 5, approver: "王主任" })),
    ).rejects.toThrow(/extend/);
    await expect(one.withTenant((trx) => one.clocks.append(trx, clock, { kind: "stop", date: "2025-10-01", reason: "replied" }))).rejects.toThrow(/dated before the previous event/);
    expect(await one.withTenant((trx) => one.clocks.events(trx, clock))).toHaveLength(2);
  });

  it("keeps a plugin to its own clocks and each office to its own ledgers, append-only", async () => {
    await expect(notes.withTenant((trx) => notes.clocks.append(trx, "requests.reply:1", { kind: "start", date: "2025-09-26" }))).rejects.toThrow(/may only keep clocks/);
    const other = tree.offices[1]!;
    const seen = await withScope(handle.db, { tenantId: other.id, readTenantIds: [other.id], userId: null }, (trx) => trx.selectFrom("clock_events").selectAll().execute());
    expect(seen).toEqual([]);
    const mine = { tenantId: tree.offices[0]!.id, readTenantIds: [tree.offices[0]!.id], userId: null };
    await expect(withScope(handle.db, mine, (trx) => trx.deleteFrom("clock_events").execute())).rejects.toThrow(/permission denied/);
    await expect(withScope(handle.db, mine, (trx) => trx.updateTable("clock_events").set({ seq: 9 }).execute())).rejects.toThrow(/permission denied/);
  });

  it("keeps a clock of a kind the fixture plugin declares, by that kind's rules, and refuses undeclared kinds", async () => {
    const clock = "fixture-notes.answer:note-1";
    await notes.withTenant(async (trx) => {
      await notes.clocks.append(trx, clock, { kind: "start", date: "2025-09-26" });
      await notes.clocks.append(trx, clock, { kind: "pause", date: "2025-09-28", reason: "clarification" });
      await notes.clocks.append(trx, clock, { kind: "resume", date: "2025-10-01" });
    });
    const status = await notes.withTenant((trx) => notes.clocks.status(trx, clock, "2025-10-02"));
    expect(status).toMatchObject({ kind: "fixture-notes.answer", state: "running", dueDate: "2025-10-09" });
    expect(notes.clocks.explain(status!, "zh-TW")).toBe("自2025-09-26起10日；因作者澄清暫停3日；截止2025-10-09");
    await expect(notes.withTenant((trx) => notes.clocks.append(trx, clock, { kind: "extend", date: "2025-10-02", days: 2, approver: "王主任" }))).rejects.toThrow(/may not be extended/);
    for (const id of ["fixture-notes.reply:1", "fixture-notes.answer", "fixture-notes.notes"]) {
      await expect(notes.withTenant((trx) => notes.clocks.events(trx, id))).rejects.toThrow(/may only keep clocks/);
    }
    await expect(one.withTenant((trx) => one.clocks.statusMany(trx, [CLOCK, clock]))).rejects.toThrow(/may only keep clocks/);
    expect(await notes.withTenant((trx) => notes.clocks.statusMany(trx, [clock], "2025-10-02"))).toEqual(new Map([[clock, status]]));
  });
});
