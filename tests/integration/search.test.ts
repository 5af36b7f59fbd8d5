import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { withScope } from "../../db/scope";
import { indexDocument, removeDocument, search, type SearchDocument, type SearchQuery } from "../../app/core/search/index.server";
import { createTenantTree, openTestDatabase } from "../helpers/db";

let handle: DatabaseHandle;
let tree: Awaited<ReturnType<typeof createTenantTree>>;
let one: string;
let two: string;

const SOURCE = "disclosure.item";

function as(tenantId: string, readTenantIds: string[] = [tenantId]) {
  return { tenantId, readTenantIds, userId: null };
}

async function index(tenantId: string, sourceId: string, title: string, body: string, publishedAt: string, source = SOURCE) {
  const doc: SearchDocument = { tenantId, source, sourceId, title, body, url: `/items/${sourceId}`, publishedAt: new Date(publishedAt) };
  await withScope(handle.db, as(tenantId), (trx) => indexDocument(trx, doc));
}

function find(tenantId: string, q: string, extra: Partial<SearchQuery> = {}, readTenantIds?: string[]) {
  return withScope(handle.db, as(tenantId, readTenantIds), (trx) => search(trx, { q, limit: 20, offset: 0, ...extra }));
}

const ids = async (tenantId: string, q: string, extra: Partial<SearchQuery> = {}) => (await find(tenantId, q, extra)).hits.map((h) => h.sourceId);

beforeAll(async () => {
  handle = await openTestDatabase();
  tree = await createTenantTree(handle, 2);
  one = tree.offices[0]!.id;
  two = tree.offices[1]!.id;
  await index(one, "plan", "关于2024年环境监测方案的公告", "本局开展环境监测工作，重点检查排污单位。", "2024-03-01");
  await index(one, "permits", "排污许可证发放情况", "本季度发放排污许可证12份，排污单位均已完成环保验收。", "2024-05-01");
  await index(one, "air", "空气质量监测与生态环境保护", "PM2.5 年均浓度下降，Air quality improved.", "2024-02-01");
  await index(one, "report", "Quality of air", "Annual report on the air.", "2024-01-15");
  await index(one, "ozone-old", "臭氧通报", "臭氧浓度通报。", "2023-06-01");
  await index(one, "ozone-new", "臭氧通报", "臭氧浓度通报。", "2023-07-01");
  await index(two, "other", "环境监测结果", "另一分局的环保与排污信息。", "2024-04-01");
});
afterAll(() => handle.close());

describe("search", () => {
  it("finds simplified text with a traditional-Chinese query", async () => {
    expect(await ids(one, "環境監測")).toEqual(["plan"]);
    expect(await ids(one, "排汙許可")).toEqual(["permits"]);
  });

  it("finds 2-character words and one-character terms", async () => {
    expect(await ids(one, "环保")).toEqual(["permits"]);
    expect((await ids(one, "排污")).sort()).toEqual(["permits", "plan"]);
    expect(await ids(one, "臭")).toEqual(["ozone-new", "ozone-old"]);
  });

  it("matches a CJK run as a phrase, separate terms anywhere", async () => {
    expect(await ids(one, "环境监测")).toEqual(["plan"]);
    expect((await ids(one, "环境 监测")).sort()).toEqual(["air", "plan"]);
    expect((await ids(one, "air quality")).sort()).toEqual(["air", "report"]);
    expect(await ids(one, '"air quality"')).toEqual(["air"]);
    expect(await ids(one, "pm2.5")).toEqual(["air"]);
    expect(await ids(one, "ＰＭ２．５ 浓度")).toEqual(["air"]);
  });

  it("ranks more relevant rows first, and the newer of equally relevant rows", async () => {
    expect(await ids(one, "排污")).toEqual(["permits", "plan"]);
    expect(await ids(one, "臭氧")).toEqual(["ozone-new", "ozone-old"]);
    const { hits } = await find(one, "排污");
    expect(hits[0]!.rank).toBeGreaterThan(hits[1]!.rank);
  });

  it("returns marked title and body snippets from the original text", async () => {
    const [hit] = (await find(one, "環境監測")).hits;
    expect(hit!.titleSegments).toEqual([
      { text: "关于2024年", hit: false },
      { text: "环境监测", hit: true },
      { text: "方案的公告", hit: false },
    ]);
    expect(hit!.snippet).toEqual([
      { text: "本局开展", hit: false },
      { text: "环境监测", hit: true },
      { text: "工作，重点检查排污单位。", hit: false },
    ]);
    expect(hit).toMatchObject({ tenantId: one, source: SOURCE, url: "/items/plan", publishedAt: new Date("2024-03-01") });
  });

  it("pages with a total, filters by source", async () => {
    const page = await find(one, "臭氧", { limit: 1, offset: 1 });
    expect(page.total).toBe(2);
    expect(page.hits.map((h) => h.sourceId)).toEqual(["ozone-old"]);
    expect(await find(one, "臭氧", { limit: 1, offset: 5 })).toEqual({ total: 2, hits: [] });
    expect(await ids(one, "臭氧", { sources: ["other.thing"] })).toEqual([]);
    expect(await ids(one, "臭氧", { sources: [SOURCE] })).toHaveLength(2);
  });

  it("replaces a row on re-index and forgets it on removal", async () => {
    await index(one, "tmp", "噪声监测", "夜间噪声。", "2024-06-01");
    expect(await ids(one, "噪声")).toEqual(["tmp"]);
    await index(one, "tmp", "扬尘监测", "工地扬尘。", "2024-06-02");
    expect(await ids(one, "噪声")).toEqual([]);
    expect(await ids(one, "扬尘")).toEqual(["tmp"]);
    await withScope(handle.db, as(one), (trx) => removeDocument(trx, { tenantId: one, source: SOURCE, sourceId: "tmp" }));
    expect(await ids(one, "扬尘")).toEqual([]);
  });

  it("returns no results and no error for garbage input", async () => {
    for (const q of ["", "   ", "&|!():*'\\", "' OR 1=1 --", "a & !b", "<->", "(((", "\u0000", "𠀀𠀀", "🙂", "ʰª ß ж", "x".repeat(5000), "一二三 ".repeat(500)]) {
      expect(await find(one, q)).toMatchObject({ hits: [] });
    }
  });
});

describe("search under row-level security", () => {
  it("never returns another tenant's rows", async () => {
    expect(await ids(one, "环境监测")).toEqual(["plan"]);
    expect(await ids(two, "环境监测")).toEqual(["other"]);
    expect(await ids(two, "臭氧")).toEqual([]);
  });

  it("a supervisor reading its subtree sees its offices' rows", async () => {
    const city = tree.city.id;
    const { hits } = await find(city, "环境监测", {}, [city, one, two]);
    expect(hits.map((h) => h.tenantId).sort()).toEqual([one, two].sort());
  });

  it("an office cannot write into another office's index", async () => {
    const doc: SearchDocument = { tenantId: two, source: SOURCE, sourceId: "forged", title: "伪造", body: "", url: "/x", publishedAt: null };
    await expect(withScope(handle.db, as(one), (trx) => indexDocument(trx, doc))).rejects.toThrow(/row-level security/);
    expect(await ids(two, "伪造")).toEqual([]);
  });
});
