import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import type { PluginRegistry } from "../../app/plugin-host/registry";
import { resolvePluginRequest, tenantContext } from "../../app/plugin-host/request-context.server";
import type { PluginRequestContext } from "../../app/plugin-api/context";
import { createTenantTree, openTestDatabase, loadFixturePlugins, switchPlugin } from "../helpers/db";
import { createUser, signedInRequest, testContext } from "../helpers/context";

let handle: DatabaseHandle;
let registry: PluginRegistry;
let tree: Awaited<ReturnType<typeof createTenantTree>>;
let context: AppLoadContext;
let ctx: PluginRequestContext;

beforeAll(async () => {
  handle = await openTestDatabase();
  registry = await loadFixturePlugins(handle);
  tree = await createTenantTree(handle, 2);
  const [one] = tree.offices;
  await switchPlugin(handle, one!.id);
  context = await testContext(handle, {}, registry);
  const user = await createUser(handle, { [one!.id]: ["drafter"] });
  const request = await signedInRequest(context, user.id, `/t/${one!.code}/admin/fixture-notes`);
  ctx = await resolvePluginRequest({ request, context, params: { tenant: one!.code } });
});
afterAll(() => handle.close());

describe(`core services in plugin contexts (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("number 索引号 from core.index with the tenant's pattern and credit code, gapless", async () => {
    const credit = ctx.tenant.creditCode;
    const first = await ctx.withTenant((trx) => ctx.numbering.next(trx, "core.index", { year: 2031 }));
    const second = await ctx.withTenant((trx) => ctx.numbering.next(trx, "core.index", { year: 2031 }));
    expect(first).toEqual({ seq: 1, number: `${credit}/2031-00001` });
    expect(second).toEqual({ seq: 2, number: `${credit}/2031-00002` });
    // A rolled-back transaction hands its number back.
    await expect(
      ctx.withTenant(async (trx) => {
        await ctx.numbering.next(trx, "core.index", { year: 2031 });
        throw new Error("publication failed");
      }),
    ).rejects.toThrow("publication failed");
    expect(await ctx.withTenant((trx) => ctx.numbering.next(trx, "core.index", { year: 2031 }))).toMatchObject({ seq: 3 });
  });

  it("defaults the year to the current year in China", async () => {
    const year = Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()));
    const n = await ctx.withTenant((trx) => ctx.numbering.next(trx, "fixture-notes.default-year", { pattern: "{year}-{seq}" }));
    expect(n.number).toBe(`${year}-1`);
  });

  it("number the plugin's own sequences with the pattern it gives", async () => {
    const n = await ctx.withTenant((trx) =>
      ctx.numbering.next(trx, "fixture-notes.tracking", { year: 2031, pattern: "FN-{tenant}-{year}-{seq:4}" }),
    );
    expect(n).toEqual({ seq: 1, number: `FN-${ctx.tenant.code}-2031-0001` });
  });

  it("refuse a foreign sequence, and an own sequence without a pattern", async () => {
    for (const sequence of ["core.tracking", "disclosure.index", "fixture-notesx.index", "fixture-notes."]) {
      await expect(ctx.withTenant((trx) => ctx.numbering.next(trx, sequence, { year: 2031, pattern: "{year}-{seq}" }))).rejects.toThrow(
        /may only number/,
      );
    }
    await expect(ctx.withTenant((trx) => ctx.numbering.next(trx, "fixture-notes.tracking", { year: 2031 }))).rejects.toThrow(
      /without a pattern/,
    );
    const rows = await ctx.withTenant((trx) => trx.selectFrom("number_sequences").select("sequence").where("year", "=", 2031).execute());
    expect(rows.map((r) => r.sequence).sort()).toEqual(["core.index", "fixture-notes.tracking"]);
  });

  it("index, find and remove the plugin's own search rows", async () => {
    const doc = {
      source: "fixture-notes.note",
      sourceId: "n-1",
      title: "关于饮用水水源保护的通告",
      body: "为加强饮用水水源保护，现将有关事项通告如下。",
      url: `/t/${ctx.tenant.code}/fixture-notes/n-1`,
      publishedAt: new Date("2031-03-01T08:00:00Z"),
    };
    await ctx.withTenant((trx) => ctx.search.index(trx, doc));
    const found = await ctx.withTenant((trx) => ctx.search.query(trx, { q: "水源保護" }));
    expect(found.total).toBe(1);
    expect(found.hits[0]).toMatchObject({ tenantId: ctx.tenant.id, source: "fixture-notes.note", sourceId: "n-1", url: doc.url });
    expect(found.hits[0]!.titleSegments.some((s) => s.hit)).toBe(true);

    await ctx.withTenant((trx) => ctx.search.remove(trx, "fixture-notes.note", "n-1"));
    expect((await ctx.withTenant((trx) => ctx.search.query(trx, { q: "水源保护" }))).total).toBe(0);
  });

  it("refuse to index or remove another owner's source", async () => {
    const doc = { source: "disclosure.item", sourceId: "x", title: "冒名", body: "冒名", url: "/x", publishedAt: null };
    await expect(ctx.withTenant((trx) => ctx.search.index(trx, doc))).rejects.toThrow(/may only index/);
    await expect(ctx.withTenant((trx) => ctx.search.index(trx, { ...doc, source: "fixture-notes" }))).rejects.toThrow(/may only index/);
    await expect(ctx.withTenant((trx) => ctx.search.remove(trx, "disclosure.item", "x"))).rejects.toThrow(/may only index/);
  });

  it("give the working-day calendar and the classification scan", async () => {
    expect(ctx.calendar).toBe(context.services.calendar.calendar);
    expect(ctx.calendar.isWorkday("2024-10-01")).toBe(false); // 国庆节
    expect(ctx.calendar.isWorkday("2024-10-12")).toBe(true); // 调休上班
    const findings = await ctx.withTenant((trx) => ctx.classification.scan(trx, "联系邮箱 zhang.san@example.com，机密★1年"));
    expect(findings.map((f) => f.kind).sort()).toEqual(["email", "secrecy_marker"]);
  });

  it("seal personal data for this plugin and tenant only", async () => {
    const sealed = ctx.crypto.seal("申请人：李四，身份证号110101199003074514");
    expect(ctx.crypto.open(sealed)).toBe("申请人：李四，身份证号110101199003074514");
    const [, two] = tree.offices;
    const other = tenantContext(context, registry.get("fixture-notes")!, context.services.tenants.byId(two!.id)!, { id: null, name: "test" });
    expect(() => other.crypto.open(sealed)).toThrow(/altered, or belongs to another context/);
    expect(other.crypto.blindIndex("110101199003074514")).not.toBe(ctx.crypto.blindIndex("110101199003074514"));
  });

  it("give the same helpers to seed and enable hooks", async () => {
    const [one] = tree.offices;
    const tenant = context.services.tenants.byId(one!.id)!;
    const tctx = tenantContext(context, registry.get("fixture-notes")!, tenant, { id: null, name: "test" });
    const n = await tctx.withTenant((trx) => tctx.numbering.next(trx, "core.index", { year: 2032 }));
    expect(n.number).toBe(`${tenant.creditCode}/2032-00001`);
    await expect(tctx.withTenant((trx) => tctx.numbering.next(trx, "other.seq", { year: 2032, pattern: "{year}{seq}" }))).rejects.toThrow(
      /may only number/,
    );
    expect(tctx.calendar.addWorkdays("2024-09-30", 1).value).toBe("2024-10-08");
  });
});
