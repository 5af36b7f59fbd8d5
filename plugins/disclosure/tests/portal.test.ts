import { createHash, randomUUID } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groundsFor } from "../../../app/plugin-api";
import { listItems, type Item } from "../server/items.server";
import { categoryPath } from "../server/portal/catalogue.server";
import { withdrawItem } from "../server/publish.server";
import { seedDemoItems, seedDisclosure } from "../server/seed.server";
import { loader as portalLoader } from "../routes/public/portal";
import { loader as guideLoader } from "../routes/public/guide";
import { loader as categoryLoader } from "../routes/public/category";
import { loader as itemLoader } from "../routes/public/item";
import { loader as searchLoader } from "../routes/public/search";
import { loader as feedLoader } from "../routes/public/feed";
import { loader as attachmentLoader } from "../routes/public/attachment";
import { loader as openDataLoader } from "../routes/public/open-data";
import { loader as apiItemsLoader } from "../routes/api/items";
import { loader as apiItemLoader } from "../routes/api/item";
import { loader as csvLoader } from "../routes/api/items-csv";
import { openDisclosure } from "./setup";

type Env = Awaited<ReturnType<typeof openDisclosure>>;
let env: Env;
let code: string;
const ID = "110101199003074514";
const TITLE = '关于"鹭洲"湿地水质监测结果的公告（A&B段）';
const CONTACT = {
  address: { "zh-CN": "示范市东湖区湖滨路1号", "zh-TW": "示範市東湖區湖濱路1號", en: "1 Hubin Road, Donghu" },
  phone: "0791-00000000",
  email: "gk@example.gov.cn",
};

/** Published through the workflow in beforeAll. */
const w = {} as { wetland: Item; onRequest: Item; withdrawn: Item; corrected: Item; clean: string; redacted: string; withdrawnFile: string };

// ---- the workflow, as tests/publication.test.ts drives it ----

const as: Env["asStaff"] = (userId, fn) => env.asStaff(userId, fn);
/** Published through the workflow; the item as listed. On-request items get the first ground 依申请公开 allows. */
async function publishThrough(title: string, payload: Record<string, unknown>): Promise<Item> {
  const review = payload.attribute === "on_request" ? { attribute: "on_request", ground: groundsFor("on_request")[0]!.key } : { attribute: "proactive" };
  const doc = await env.publishThrough(title, payload, review);
  const { items } = await as(env.users.viewer.id, (trx) => listItems(trx, env.office.id, {}, { limit: 1000, offset: 0 }));
  return items.find((i) => i.documentId === doc.id)!;
}
async function upload(name: string, text: string) {
  const bytes = Buffer.from(text, "utf8");
  const id = randomUUID();
  await as(env.users.drafter.id, (trx) =>
    trx
      .insertInto("disclosure_attachments")
      .values({ tenant_id: env.office.id, id, name, mime: "text/plain; charset=utf-8", size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), bytes, text })
      .execute(),
  );
  return { id, name, mime: "text/plain; charset=utf-8", size: bytes.length, text };
}

const base = {
  categoryKey: "quality",
  issuer: "测试分局",
  writtenOn: "2026-11-02",
  formedOn: "2026-11-02",
  topic: "环境监测、保护与治理",
};

// ---- calling the routes as the host would ----

type Loader<T> = (args: LoaderFunctionArgs) => Promise<T>;
function call<T>(loader: Loader<T>, path: string, params: Record<string, string> = {}): Promise<T> {
  return loader({ request: new Request(`http://localhost${path}`), params: { tenant: code, ...params }, context: env.context });
}
async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    const r = await p;
    return r instanceof Response ? r.status : 200;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}
const portal = (rest = "") => `/t/${code}/disclosure${rest}`;
/** An item page that is not a withdrawal notice. */
async function itemPage(id: string) {
  const data = await call(itemLoader, portal(`/items/${id}`), { id });
  if (data.withdrawn !== null) throw new Error(`${id} is withdrawn`);
  return data;
}
const api = (rest: string) => `/api/v1/t/${code}/disclosure${rest}`;
const published = async (filters: Parameters<typeof listItems>[2] = {}) =>
  (await as(env.users.viewer.id, (trx) => listItems(trx, env.office.id, { ...filters, status: "published" }, { limit: 1000, offset: 0 }))).items.filter((i) => i.attribute === "proactive");

/** Strict enough for a feed: one root, balanced tags, quoted attributes, only XML's own entities, no stray < or &. */
function xmlElements(xml: string): string[] {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="utf-8"\?>\n/, "");
  const entity = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i;
  const stack: string[] = [];
  const seen: string[] = [];
  let roots = 0;
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  while (token.lastIndex < body.length && (m = token.exec(body))) {
    const [, close, name, attrs, selfClosing, text] = m;
    if (text !== undefined) {
      if (entity.test(text) || text.includes(">")) throw new Error(`bad text: ${text}`);
      if (stack.length === 0 && text.trim()) throw new Error("text outside the root");
      continue;
    }
    if (attrs && entity.test(attrs)) throw new Error(`bad attribute: ${attrs}`);
    if (close) {
      if (stack.pop() !== name) throw new Error(`unbalanced </${name}>`);
    } else {
      if (stack.length === 0) roots++;
      seen.push(name!);
      if (!selfClosing) stack.push(name!);
    }
  }
  if (token.lastIndex !== body.length && body.slice(token.lastIndex).trim()) throw new Error(`not XML at ${token.lastIndex}`);
  if (stack.length || roots !== 1) throw new Error("not one balanced root element");
  return seen;
}

beforeAll(async () => {
  env = await openDisclosure();
  code = env.office.code;
  for (const t of [env.tree.city, ...env.tree.offices]) await seedDisclosure(env.systemContext(t.id));
  await seedDemoItems(env.systemContext(env.office.id));
  // The guide's contact details, as tenants:sync writes a tenant definition's.
  await env.handle.db.transaction().execute(async (trx) => {
    const { settings } = await trx.selectFrom("tenants").select("settings").where("id", "=", env.office.id).executeTakeFirstOrThrow();
    await trx.updateTable("tenants").set({ settings: JSON.stringify({ ...settings, contact: CONTACT }) }).where("id", "=", env.office.id).execute();
  });
  await env.context.services.tenants.refresh();

  const clean = await upload("监测点位图说明.txt", "鹭洲湿地共设监测点位6个。");
  const personal = await upload("现场记录.txt", `采样人身份证号${ID}。`);
  w.clean = clean.id;
  w.redacted = personal.id;
  w.wetland = await publishThrough(TITLE, {
    ...base,
    docNumber: "东环监〔2026〕17号",
    body: "<p>鹭洲湿地水质监测结果显示，本季度环境质量总体稳定。</p>",
    attachments: [clean, personal],
  });
  w.onRequest = await publishThrough("关于鹭洲湿地周边企业排污许可核发情况的统计", { ...base, attribute: "on_request", body: "<p>内部统计口径。</p>" });

  const doomed = await upload("点位调整说明.txt", "调整噪声监测点位。");
  w.withdrawnFile = doomed.id;
  const toWithdraw = await publishThrough("关于调整鹭洲噪声监测点位的公告", { ...base, body: "<p>将撤回。</p>", attachments: [doomed] });
  const office = env.systemContext(env.office.id);
  w.withdrawn = (await office.withTenant((trx) => withdrawItem({ ...office, tenant: office.tenant }, trx, toWithdraw.id, "所依据的监测方案已调整", "2026-11-20")))!;

  const first = await publishThrough("鹭洲片区2026年10月空气质量月报", { ...base, categoryKey: "statistics", body: "<p>优良天数比例为90.3%。</p>" });
  await publishThrough("鹭洲片区2026年10月空气质量月报", { ...base, categoryKey: "statistics", body: "<p>优良天数比例为93.0%。</p>", correctsId: first.id, correctionReason: "优良天数比例计算有误" });
  w.corrected = (await published()).find((i) => i.id === first.id)!;
}, 180_000);
afterAll(() => env.handle.close());

describe(`the public portal (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("shows the catalogue with item counts that include subcategories, the latest items and the feed", async () => {
    const data = await call(portalLoader, portal());
    const all = await published();
    expect(data.total).toBe(all.length);
    const policy = categoryPath(data.catalogue, "policy")?.at(-1);
    expect(policy?.count).toBe(all.filter((i) => i.categoryKey.startsWith("policy")).length);
    expect(policy!.count).toBeGreaterThan(policy!.children.find((c) => c.key === "policy.normative")!.count);
    expect(data.latest.map((i) => i.id)).not.toContain(w.withdrawn.id);
    expect(data.latest.map((i) => i.id)).not.toContain(w.onRequest.id);
    expect(data.latest[0]!.publishedOn >= data.latest.at(-1)!.publishedOn).toBe(true);
    expect(data.head.canonical).toBe(`http://localhost/t/${code}/disclosure`);
    expect(data.head.feeds?.[0]?.href).toBe(`http://localhost/t/${code}/disclosure/feeds/all`);
  });

  it("gives the guide the office's filled contact details only, and the statutory explanations", async () => {
    const data = await call(guideLoader, portal("/guide"));
    expect(data.contact).toEqual([
      { field: "address", value: CONTACT.address["zh-CN"] },
      { field: "phone", value: CONTACT.phone },
      { field: "email", value: CONTACT.email },
    ]);
    expect(data.categories.map((c) => c.key)).toEqual(expect.arrayContaining(["guide", "proactive", "request", "annual-report"]));
    expect(data.head.title).toContain("政府信息公开指南");
    expect(data.head.jsonLd?.about).toMatchObject({ "@type": "GovernmentOrganization", telephone: CONTACT.phone, address: { streetAddress: CONTACT.address["zh-CN"] } });
    const english = await call(guideLoader, portal("/guide?lng=en"));
    expect(english.contact[0]).toEqual({ field: "address", value: CONTACT.address.en });
  });

  it("lists a category with its subcategories' items, newest first, 20 a page, by year; 404 for an unknown key", async () => {
    const policy = (await published()).filter((i) => i.categoryKey.startsWith("policy"));
    const first = await call(categoryLoader, portal("/categories/policy"), { key: "policy" });
    expect(first.total).toBe(policy.length);
    expect(first.items.map((i) => i.id)).toEqual(policy.slice(0, 20).map((i) => i.id));
    expect(first.pages).toBe(Math.ceil(policy.length / 20));
    const normative = await call(categoryLoader, portal("/categories/policy.normative"), { key: "policy.normative" });
    expect(normative.ancestors.map((a) => a.key)).toEqual(["proactive", "policy"]);

    const year = Number(policy.at(-1)!.publishedOn.slice(0, 4));
    const byYear = await call(categoryLoader, portal(`/categories/policy?year=${year}`), { key: "policy" });
    expect(byYear.total).toBe(policy.filter((i) => i.publishedOn.startsWith(String(year))).length);
    expect(byYear.head.canonical).toBe(`http://localhost/t/${code}/disclosure/categories/policy?year=${year}`);
    const bad = await call(categoryLoader, portal("/categories/policy?year=abc"), { key: "policy" });
    expect(bad.errors.year).toEqual(["disclosure:portal.errors.year"]);
    expect(bad.total).toBe(policy.length);

    expect(await statusOf(call(categoryLoader, portal("/categories/nope"), { key: "nope" }))).toBe(404);
  });

  it("shows an item's metadata table, its text, a redacted attachment as text only, and JSON-LD", async () => {
    const data = await itemPage(w.wetland.id);
    const item = data.item;
    expect(item).toMatchObject({ title: TITLE, indexNumber: w.wetland.indexNumber, issuer: "测试分局", docNumber: "东环监〔2026〕17号", attribute: "proactive" });
    expect(item.categoryLabel?.["zh-CN"]).toBe("环境质量");
    expect(item.bodyHtml).toContain("鹭洲湿地水质监测结果");
    expect(item.attachments).toEqual([
      expect.objectContaining({ id: w.clean, redacted: false, text: "" }),
      expect.objectContaining({ id: w.redacted, redacted: true, text: expect.stringContaining("110101********4514") }),
    ]);
    expect(JSON.stringify(data)).not.toContain(ID);
    expect(data.crumbs.map((c) => c.key)).toEqual(["proactive", "quality"]);
    expect(data.head.jsonLd).toMatchObject({ "@type": "DigitalDocument", name: TITLE, datePublished: w.wetland.publishedOn });
    expect(data.head.canonical).toBe(`http://localhost/t/${code}/disclosure/items/${w.wetland.id}`);
  });

  it("links a policy and its interpretation both ways", async () => {
    const interpretation = (await published()).find((i) => i.interpretsId)!;
    const page = await itemPage(interpretation.id);
    expect(page.policy?.id).toBe(interpretation.interpretsId);
    const policy = await itemPage(interpretation.interpretsId!);
    expect(policy.interpretations.map((i) => i.id)).toContain(interpretation.id);
  });

  it("notes a correction with its version, date and reason", async () => {
    const data = await itemPage(w.corrected.id);
    expect(data.item.version).toBe(2);
    expect(data.item.bodyHtml).toContain("93.0%");
    expect(data.correction).toEqual({ on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), reason: "优良天数比例计算有误" });
  });

  it("shows only a notice for a withdrawn item", async () => {
    const data = await call(itemLoader, portal(`/items/${w.withdrawn.id}`), { id: w.withdrawn.id });
    expect(data.withdrawn).toEqual({ title: "关于调整鹭洲噪声监测点位的公告", indexNumber: w.withdrawn.indexNumber, withdrawnOn: "2026-11-20", reason: "所依据的监测方案已调整" });
    expect(data.item).toBeNull();
    expect(JSON.stringify(data)).not.toContain("将撤回");
  });

  it("answers 404 for on-request items, unknown ids and ids that are not ids", async () => {
    for (const id of [w.onRequest.id, randomUUID(), "42"]) expect(await statusOf(call(itemLoader, portal(`/items/${id}`), { id }))).toBe(404);
  });
});

describe("search", () => {
  it("finds an item by a two-character query, with the match marked in the title", async () => {
    const data = await call(searchLoader, portal("/search?q=鹭洲"));
    const hit = data.results.find((r) => r.id === w.wetland.id)!;
    expect(hit.titleSegments).toContainEqual({ text: "鹭洲", hit: true });
    const ids = data.results.map((r) => r.id);
    expect(ids).not.toContain(w.onRequest.id);
    expect(ids).not.toContain(w.withdrawn.id);
    expect(data.total).toBe(data.results.length);
    expect(data.head.noindex).toBe(true);
  });

  it("finds it by a query in traditional characters", async () => {
    const data = await call(searchLoader, portal(`/search?q=${encodeURIComponent("濕地水質")}`));
    expect(data.results.map((r) => r.id)).toContain(w.wetland.id);
  });

  it("offers every issuer and every year the public can read, newest year first, as filter choices", async () => {
    const data = await call(searchLoader, portal("/search"));
    const visible = await published();
    expect(data.options.issuers).toEqual([...new Set(visible.map((i) => i.issuer))].sort());
    const years = [...new Set(visible.map((i) => Number(i.publishedOn.slice(0, 4))))].sort((a, b) => b - a);
    expect(data.options.years).toEqual(years);
    expect(years.length).toBeGreaterThan(1);
  });

  it("narrows by year, category, issuer, 文号 and validity, with and without words", async () => {
    const ids = async (qs: string) => (await call(searchLoader, portal(`/search?${qs}`))).results.map((r) => r.id);
    expect(await ids("q=鹭洲&issuer=测试分局&docNumber=2026〕17")).toEqual([w.wetland.id]);
    expect(await ids("q=鹭洲&year=2020")).toEqual([]);
    expect(await ids("q=鹭洲&category=statistics")).toEqual([w.corrected.id]);
    expect(await ids("q=鹭洲&category=proactive")).toEqual(expect.arrayContaining([w.wetland.id, w.corrected.id]));

    const repealed = await call(searchLoader, portal("/search?validity=repealed"));
    const expected = (await published({ validity: "repealed" })).map((i) => i.id);
    expect(repealed.results.map((r) => r.id)).toEqual(expected.slice(0, 20));
    expect(repealed.total).toBe(expected.length);
    expect(repealed.total).toBeGreaterThan(0);
  });

  it("lists everything newest first without words, 20 a page", async () => {
    const all = await published();
    const second = await call(searchLoader, portal("/search?page=2"));
    expect(second.results.map((r) => r.id)).toEqual(all.slice(20, 40).map((i) => i.id));
    expect(second.pages).toBe(Math.ceil(all.length / 20));
  });

  it("shows errors beside the fields it cannot use and searches nothing", async () => {
    const data = await call(searchLoader, portal(`/search?q=${"词".repeat(101)}&category=nope&validity=maybe`));
    expect(data.errors).toEqual({ q: ["disclosure:portal.errors.q"], validity: ["disclosure:portal.errors.validity"] });
    expect(data.results).toEqual([]);
    const unknown = await call(searchLoader, portal("/search?category=nope"));
    expect(unknown.errors).toEqual({ category: ["disclosure:portal.errors.category"] });
  });
});

describe("feeds and attachments", () => {
  it("serves a category's Atom feed as well-formed XML with absolute links and escaped titles", async () => {
    const res = await call(feedLoader, portal("/feeds/quality"), { key: "quality" });
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await res.text();
    expect(xmlElements(xml).filter((e) => e === "entry").length).toBeGreaterThan(0);
    expect(xml).toContain("<title type=\"text\">关于&quot;鹭洲&quot;湿地水质监测结果的公告（A&amp;B段）</title>");
    expect(xml).toContain(`href="http://localhost/t/${code}/disclosure/items/${w.wetland.id}"`);
    expect(xml).not.toContain(w.withdrawn.id);
    expect(xml).not.toContain(w.onRequest.id);
  });

  it("feeds at most the latest 50 of everything under `all`, and 404s an unknown key", async () => {
    const xml = await (await call(feedLoader, portal("/feeds/all"), { key: "all" })).text();
    const entries = xmlElements(xml).filter((e) => e === "entry").length;
    expect(entries).toBe(Math.min(50, (await published()).length));
    expect(await statusOf(call(feedLoader, portal("/feeds/nope"), { key: "nope" }))).toBe(404);
  });

  it("downloads an attachment with its type, length and Chinese file name", async () => {
    const res = await call(attachmentLoader, portal(`/attachments/${w.clean}`), { id: w.clean });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const disposition = res.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe("监测点位图说明.txt");
    const body = new Uint8Array(await res.arrayBuffer());
    expect(res.headers.get("content-length")).toBe(String(body.byteLength));
    expect(new TextDecoder().decode(body)).toBe("鹭洲湿地共设监测点位6个。");
  });

  it("does not serve a redacted attachment, a withdrawn item's file or an unknown one", async () => {
    for (const id of [w.redacted, w.withdrawnFile, randomUUID(), "not-an-id"]) {
      expect(await statusOf(call(attachmentLoader, portal(`/attachments/${id}`), { id }))).toBe(404);
    }
  });
});

describe("open data", () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON under test
  const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, any> });

  it("pages the items with links to the next and previous pages", async () => {
    const all = await published();
    const { status, body } = await json(await call(apiItemsLoader, api("/items?page=2&pageSize=5")));
    expect(status).toBe(200);
    expect(body).toMatchObject({ page: 2, pageSize: 5, total: all.length, totalPages: Math.ceil(all.length / 5) });
    expect(body.items.map((i: { id: string }) => i.id)).toEqual(all.slice(5, 10).map((i) => i.id));
    expect(body.links.next).toBe(`http://localhost/api/v1/t/${code}/disclosure/items?page=3&pageSize=5`);
    expect(body.links.prev).toBe(`http://localhost/api/v1/t/${code}/disclosure/items?page=1&pageSize=5`);
    expect(Object.keys(body.items[0])).toEqual(expect.arrayContaining(["indexNumber", "title", "issuer", "docNumber", "writtenOn", "publishedOn", "topic", "validity", "url"]));
  });

  it("filters like the search page and keeps the filters in its links", async () => {
    const { body } = await json(await call(apiItemsLoader, api(`/items?q=${encodeURIComponent("鹭洲")}&category=quality&pageSize=1`)));
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ id: w.wetland.id, categoryKey: "quality", categoryLabel: "环境质量", docNumber: "东环监〔2026〕17号" });
    expect(body.items[0].attachments).toEqual([
      expect.objectContaining({ id: w.clean, redacted: false, url: `http://localhost/t/${code}/disclosure/attachments/${w.clean}` }),
      expect.objectContaining({ id: w.redacted, redacted: true, url: null }),
    ]);
    expect(new URL(body.links.self).searchParams.get("category")).toBe("quality");
    const { body: byYear } = await json(await call(apiItemsLoader, api("/items?year=2020")));
    expect(byYear.total).toBe(0);
  });

  it.each([
    ["pageSize=101", "pageSize"],
    ["page=0", "page"],
    ["year=abc", "year"],
    ["validity=maybe", "validity"],
    ["category=nope", "category"],
    [`q=${"词".repeat(101)}`, "q"],
  ])("refuses %s with a 400 naming the parameter", async (qs, parameter) => {
    const { status, body } = await json(await call(apiItemsLoader, api(`/items?${qs}`)));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_parameter", parameter, message: expect.any(String) });
    expect(body.error.message).not.toMatch(/portal\.errors/);
  });

  it("gives one item in full, a withdrawn one as its notice, and 404 JSON otherwise", async () => {
    const { body } = await json(await call(apiItemLoader, api(`/items/${w.wetland.id}`), { id: w.wetland.id }));
    expect(body).toMatchObject({ id: w.wetland.id, title: TITLE, bodyText: expect.stringContaining("鹭洲湿地") });
    expect(body.attachments[1]).toMatchObject({ redacted: true, text: expect.stringContaining("110101********4514") });
    const { body: notice } = await json(await call(apiItemLoader, api(`/items/${w.withdrawn.id}`), { id: w.withdrawn.id }));
    expect(notice).toEqual(expect.objectContaining({ status: "withdrawn", withdrawalReason: "所依据的监测方案已调整" }));
    expect(notice.bodyHtml).toBeUndefined();
    for (const id of [w.onRequest.id, randomUUID()]) {
      const { status, body: missing } = await json(await call(apiItemLoader, api(`/items/${id}`), { id }));
      expect(status).toBe(404);
      expect(missing.error.code).toBe("not_found");
    }
  });

  it("exports CSV with a BOM, the portal's Chinese labels and quoted fields", async () => {
    const res = await call(csvLoader, api("/items.csv?category=quality"));
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(decodeURIComponent(res.headers.get("content-disposition")!.split("UTF-8''")[1]!)).toMatch(/^测试分局1-主动公开信息-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split("\r\n");
    expect(lines[0]).toBe('"索引号","标题","内容概述","所属类别","发布机构","文号","成文日期","发布日期","主题分类","有效性","施行日期","失效或废止日期","公开属性","链接"');
    const row = lines.find((l) => l.includes(w.wetland.indexNumber))!;
    expect(row).toContain('"关于""鹭洲""湿地水质监测结果的公告（A&B段）"');
    expect(row).toContain('"主动公开"');
    const quality = (await published()).filter((i) => i.categoryKey === "quality");
    expect(lines.filter((l) => l).length).toBe(quality.length + 1);
    expect(res.headers.get("x-total-count")).toBe(String(quality.length));
  });

  it("documents the endpoints on the open-data page with a real example", async () => {
    const data = await call(openDataLoader, portal("/open-data"));
    expect(data.endpoints.list).toBe(`http://localhost/api/v1/t/${code}/disclosure/items`);
    expect(JSON.parse(data.example!).id).toBe((await published())[0]!.id);
    expect(data.categories.map((c) => c.key)).toContain("policy.normative");
    expect(data.head.jsonLd).toMatchObject({ "@type": "Dataset" });
  });
});
