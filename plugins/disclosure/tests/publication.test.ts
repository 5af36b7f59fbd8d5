import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogueTree, flatten } from "../server/catalogue.server";
import { itemById, listItems } from "../server/items.server";
import { withdrawItem } from "../server/publish.server";
import { seedDemoItems, seedDisclosure } from "../server/seed.server";
import { countedIn } from "../law/table-two";
import { tableTwo } from "../server/figures.server";
import { chinaDate } from "../../../app/plugin-api";
import { documentPage, publicSearch, widgetValues } from "../../../app/plugin-api/testing";
import { openDisclosure } from "./setup";

type Env = Awaited<ReturnType<typeof openDisclosure>>;
let env: Env;
const ID = "110101199003074514";

const as: Env["asStaff"] = (userId, fn) => env.asStaff(userId, fn);
const publicRead = <T>(tenantId: string, fn: (trx: Parameters<Parameters<Env["publicRead"]>[1]>[0]) => Promise<T>) => env.publicRead([tenantId], fn);
const publishThrough = (payload: Record<string, unknown>, title = "关于东湖片区2026年第三季度环境质量状况的通报", review?: Record<string, unknown>) =>
  env.publishThrough(title, payload, review);

const basePayload = {
  categoryKey: "quality",
  issuer: "测试分局",
  writtenOn: "2026-10-09",
  formedOn: "2026-10-09",
  topic: "环境监测、保护与治理",
  body: `<p>监测结果显示，片区空气质量优良天数比例为91.3%。</p><p>投诉人身份证号${ID}，已回复。</p>`,
};

beforeAll(async () => {
  env = await openDisclosure();
  for (const t of [env.tree.city, ...env.tree.offices]) await seedDisclosure(env.systemContext(t.id));
}, 60_000);
afterAll(() => env.handle.close());

describe(`disclosure publication (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("seeds every office with the statutory catalogue and the standard list", async () => {
    const tree = await as(env.users.viewer.id, (trx) => catalogueTree(trx, env.office.id));
    const keys = flatten(tree).map((e) => e.category.key);
    expect(keys).toEqual(expect.arrayContaining(["guide", "policy", "policy.normative", "interpretation", "annual-report"]));
    const rows = await as(env.users.viewer.id, (trx) => trx.selectFrom("disclosure_list_rows").select("key").execute());
    expect(rows.length).toBeGreaterThan(10);
  });

  it("lets a city's own categories reach its offices, never an office's reach the city or a sibling", async () => {
    const city = env.systemContext(env.tree.city.id);
    await city.withTenant((trx) =>
      trx.insertInto("disclosure_categories").values({ tenant_id: env.tree.city.id, key: "city.campaign", parent_key: null, label: JSON.stringify({ "zh-CN": "蓝天保卫战专项", "zh-TW": "藍天保衛戰專項", en: "Blue-sky campaign" }), position: 999 }).execute(),
    );
    const office = env.systemContext(env.office.id);
    await office.withTenant((trx) =>
      trx.insertInto("disclosure_categories").values({ tenant_id: env.office.id, key: "office.only", parent_key: null, label: JSON.stringify({ "zh-CN": "分局专栏", "zh-TW": "分局專欄", en: "Office column" }), position: 999 }).execute(),
    );
    const mine = flatten(await office.withTenant((trx) => catalogueTree(trx, env.office.id)));
    expect(mine.find((e) => e.category.key === "city.campaign")?.category.inherited).toBe(true);
    expect(mine.find((e) => e.category.key === "office.only")?.category.inherited).toBe(false);
    const sibling = env.systemContext(env.tree.offices[1]!.id);
    const theirs = flatten(await sibling.withTenant((trx) => catalogueTree(trx, env.tree.offices[1]!.id))).map((e) => e.category.key);
    expect(theirs).toContain("city.campaign");
    expect(theirs).not.toContain("office.only");
    const cityKeys = flatten(await city.withTenant((trx) => catalogueTree(trx, env.tree.city.id))).map((e) => e.category.key);
    expect(cityKeys).not.toContain("office.only");
  });

  it("publishes an approved item at once: 索引号, the ID number masked, found by a two-character search", async () => {
    const doc = await publishThrough(basePayload);
    expect(doc.status).toBe("published");
    const item = (await publicRead(env.office.id, (trx) => trx.selectFrom("disclosure_items").selectAll().where("document_id", "=", doc.id).executeTakeFirstOrThrow()));
    expect(item.index_number).toBe(doc.index_number);
    expect(item.body_html).toContain("110101********4514");
    expect(item.body_html).not.toContain(ID);
    const hits = await publicSearch(env, env.office.id, { q: "片区", sources: ["disclosure.item"], limit: 20, offset: 0 });
    expect(hits.hits.map((h) => h.sourceId)).toContain(item.id);
    const traditional = await publicSearch(env, env.office.id, { q: "環境質量", sources: ["disclosure.item"], limit: 20, offset: 0 });
    expect(traditional.hits.map((h) => h.sourceId)).toContain(item.id);
  });

  it("shows reviewers the category's name and the proposed attribute in words, not their codes", async () => {
    const doc = await publishThrough({ ...basePayload, body: "<p>巡查情况。</p>" }, "关于湿地巡查情况的说明");
    const view = await documentPage(env, env.users.leader.id, doc.id, "zh-CN");
    const shown = Object.fromEntries(view!.fields.map((f) => [f.path, f.segments.map((s) => s.text).join("")]));
    expect(shown["payload.categoryKey"]).toBe("环境质量");
    expect(shown["payload.attribute"]).toBe("主动公开");
  });

  it("keeps 依申请公开 items from public readers by row-level security", async () => {
    // The drafter proposed 主动公开; 保密审查 decided 依申请公开 (process information), and that is what counts.
    const doc = await publishThrough({ ...basePayload, body: "<p>内部统计口径说明。</p>" }, "关于2026年排污许可证核发情况的统计", {
      attribute: "on_request",
      ground: "art16.process_information",
    });
    const byPublic = await publicRead(env.office.id, (trx) => trx.selectFrom("disclosure_items").select("id").where("document_id", "=", doc.id).execute());
    expect(byPublic).toEqual([]);
    const byStaff = await as(env.users.viewer.id, (trx) => trx.selectFrom("disclosure_items").select("id").where("document_id", "=", doc.id).execute());
    expect(byStaff).toHaveLength(1);
  });

  it("leaves an item 保密审查 decided not to disclose approved but unpublished", async () => {
    const doc = await publishThrough({ ...basePayload, body: "<p>人事安排讨论稿。</p>" }, "关于内部人事安排的讨论稿", { attribute: "withheld", ground: "art16.internal_affairs" });
    expect([doc.status, doc.index_number]).toEqual(["approved", null]);
    expect(await as(env.users.viewer.id, (trx) => trx.selectFrom("disclosure_items").select("id").where("document_id", "=", doc.id).execute())).toEqual([]);
  });

  it("withdraws an item: off the lists and the search, its notice kept", async () => {
    const doc = await publishThrough({ ...basePayload, body: "<p>将撤回的信息。</p>" }, "关于调整噪声监测点位的公告");
    const office = env.systemContext(env.office.id);
    const item = (await office.withTenant((trx) => listItems(trx, env.office.id, { status: "published" }, { limit: 100, offset: 0 }))).items.find((i) => i.documentId === doc.id)!;
    const withdrawn = await office.withTenant((trx) => withdrawItem({ ...office, tenant: office.tenant }, trx, item.id, "所依据的监测方案已调整", "2026-11-20"));
    expect(withdrawn).toMatchObject({ status: "withdrawn", withdrawnOn: "2026-11-20", withdrawalReason: "所依据的监测方案已调整" });
    const hits = await publicSearch(env, env.office.id, { q: "噪声监测", sources: ["disclosure.item"], limit: 20, offset: 0 });
    expect(hits.hits.map((h) => h.sourceId)).not.toContain(item.id);
    expect(await publicRead(env.office.id, (trx) => itemById(trx, env.office.id, item.id))).toMatchObject({ status: "withdrawn" });
  });

  it("counts an item formed 30 working days before publication as late in the oversight widget", async () => {
    const calendar = env.context.services.calendar.calendar;
    const today = chinaDate();
    let formedOn = today;
    while (calendar.workdaysBetween(formedOn, today).value < 30) formedOn = new Date(Date.parse(`${formedOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    // The oversight page's widget values, as a reader of the office gets them.
    const late = async () =>
      (await widgetValues(env, { tenantIds: [env.office.id], readableTenantIds: [env.office.id], permissions: new Set(), viewerUserId: env.users.viewer.id })).find(
        (w) => w.key === "disclosure.late",
      )!.values[env.office.id];
    const before = (await late())!;
    await publishThrough({ ...basePayload, writtenOn: formedOn, formedOn, body: "<p>迟到的公开。</p>" }, "关于补充公开2026年度建设项目环评审批情况的说明");
    expect(await late()).toBe(before + 1);
  });

  it("seeds believable demo items, numbered consecutively per year, and counts table 二 from them", async () => {
    const other = env.tree.offices[1]!;
    const ctx = env.systemContext(other.id);
    await seedDemoItems(ctx);
    await seedDemoItems(ctx); // idempotent
    const { items, total } = await ctx.withTenant((trx) => listItems(trx, other.id, {}, { limit: 500, offset: 0 }));
    expect(total).toBeGreaterThan(25);
    for (const year of new Set(items.map((i) => i.publishedOn.slice(0, 4)))) {
      const seqs = items.filter((i) => i.publishedOn.startsWith(year)).map((i) => Number(i.indexNumber.split("-").at(-1))).sort((a, b) => a - b);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
    // Every year the demo items span: the figures are the law's rule applied to each item (law/table-two.ts).
    const normative = items.filter((i) => i.categoryKey === "policy.normative" && i.status === "published");
    expect(normative.some((i) => i.validity === "repealed")).toBe(true);
    const years = normative.flatMap((i) => [i.writtenOn, i.validFrom, i.endedOn]).filter((d): d is string => !!d).map((d) => Number(d.slice(0, 4)));
    let lastValid = 0;
    for (let year = Math.min(...years); year <= Math.max(...years) + 1; year++) {
      const figures = await ctx.withTenant((trx) => tableTwo(trx, other.id, year));
      const expected = { issued: 0, repealed: 0, valid: 0 };
      for (const i of normative) for (const [c, n] of Object.entries(countedIn(i, year))) expected[c as keyof typeof expected] += n;
      expect(figures.normative, String(year)).toEqual(expected);
      // Last year's 现行有效 + 本年制发 − 本年废止 = this year's 现行有效.
      expect(lastValid + figures.normative.issued - figures.normative.repealed, String(year)).toBe(figures.normative.valid);
      lastValid = figures.normative.valid;
    }
  });
});
