import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  CATALOGUE,
  CATALOGUE_CATEGORIES,
  definePlugin,
  ExtensionInputRefused,
  ExtensionUnavailable,
  type CatalogueInput,
  type CatalogueItemRef,
} from "../../../app/plugin-api";
import { actOn, approveChain, audited, documentOf, draftDocument, enablePlugin, load, openTestbed, post, publicSearch, type Testbed } from "../../../app/plugin-api/testing";
import type { DisclosureDatabase } from "../db/schema";
import { listItems, type Item } from "../server/items.server";
import { loader as categoryLoader } from "../routes/public/category";
import { loader as itemLoader } from "../routes/public/item";
import { action as staffItemsAction, loader as staffItemsLoader } from "../routes/admin/items";
import { loader as staffItemLoader } from "../routes/admin/item";

/*
 * The catalogue extension point end to end: a tiny plugin that knows nothing of the disclosure
 * plugin feeds it — on the final approval of its own document type, inside the approving
 * transaction, as the annual report does — and the item is published, numbered from the office's
 * one 索引号 sequence, listed in its category, found by the search; corrected, withdrawn, refused.
 */

const REPORT = "test-feeder.report";
/** What the feeder's hook got back, by document id. */
const fed = new Map<string, CatalogueItemRef>();

const feeder = definePlugin({
  id: "test-feeder",
  version: "0.1.0",
  host: "^0.1.0",
  name: "test-feeder:name",
  locales: { "zh-CN": { name: "年度报告", documentType: "年度报告" }, "zh-TW": { name: "年度報告", documentType: "年度報告" }, en: { name: "Annual reports", documentType: "Annual report" } },
  documentTypes: [
    {
      key: REPORT,
      label: "test-feeder:documentType",
      payload: z.object({ year: z.number().int(), body: z.string() }),
      onApproved: async (ctx, doc) => {
        const { year, body } = doc.payload as { year: number; body: string };
        fed.set(doc.id, await ctx.extensions.call(CATALOGUE, entry(doc.id, { title: doc.title, bodyHtml: `<p>${body}</p>`, writtenOn: `${year + 1}-01-15` }), ctx.trx));
      },
    },
  ],
});

function entry(recordId: string, over: Partial<Extract<CatalogueInput, { action: "publish" }>> = {}): CatalogueInput {
  return {
    action: "publish",
    categoryKey: CATALOGUE_CATEGORIES.annualReport,
    title: "测试分局2025年政府信息公开工作年度报告",
    summary: "本机关2025年政府信息公开工作情况。",
    issuer: "测试分局",
    writtenOn: "2026-01-15",
    url: `/t/${env.office.code}/test-feeder/2025`,
    attachments: [{ name: "年度报告.docx", url: `/t/${env.office.code}/test-feeder/2025/report.docx`, mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", size: 2048 }],
    source: { recordId, version: 1 },
    ...over,
  };
}

let env: Testbed<DisclosureDatabase>;
const feederIn = (tenantId = env.office.id) => env.systemContext(tenantId, "test-feeder");
/** A call of the point in a transaction of the feeder's own. */
const feed = (input: CatalogueInput, tenantId?: string) => {
  const ctx = feederIn(tenantId);
  return ctx.withTenant((trx) => ctx.extensions.call(CATALOGUE, input, trx));
};
const publicItems = (tenantId = env.office.id) =>
  env.publicRead([tenantId], async (trx) => (await listItems(trx, tenantId, {}, { limit: 100, offset: 0 })).items);
const bySource = async (recordId: string, tenantId?: string): Promise<Item[]> => (await publicItems(tenantId)).filter((i) => i.source?.recordId === recordId);
const seqOf = (indexNumber: string) => Number(indexNumber.split("-").at(-1));

async function submitReport(title: string, year: number) {
  const created = await draftDocument(env, env.member("drafter").id, { documentType: REPORT, title, payload: { year, body: `${year}年，本机关主动公开政府信息。` } });
  if (!created.ok) throw new Error(created.refusal.code);
  const submitted = await actOn(env, env.member("drafter").id, created.document.id, "submit");
  if (!submitted.ok) throw new Error(submitted.refusal.code);
  return created.document.id;
}

/** A disclosure item of the catalogue's own, through its own chain. */
async function publishOwnItem(title: string) {
  const created = await draftDocument(env, env.member("drafter").id, {
    documentType: "disclosure.item",
    title,
    payload: { categoryKey: "quality", issuer: "测试分局", writtenOn: "2026-11-02", formedOn: "2026-11-02", topic: "环境监测、保护与治理", body: "<p>监测结果。</p>" },
  });
  if (!created.ok) throw new Error(created.refusal.code);
  await actOn(env, env.member("drafter").id, created.document.id, "submit");
  return approveChain(env, created.document.id, { review: { attribute: "proactive" } });
}

beforeAll(async () => {
  env = await openTestbed<DisclosureDatabase>({ plugins: ["disclosure", feeder] });
  await env.seed("disclosure", env.office.id);
  await env.seed("disclosure", env.tree.offices[1]!.id);
});
afterAll(() => env.close());

describe("the catalogue extension point", () => {
  it("publishes another plugin's approved document in its category with the office's next 索引号, searchable and on the public pages", async () => {
    const id = await submitReport("测试分局2025年政府信息公开工作年度报告", 2025);
    const approved = await approveChain(env, id, { review: { attribute: "proactive" } });
    expect(approved.status).toBe("approved");
    const ref = fed.get(id)!;
    expect(ref).toMatchObject({ status: "published", version: 1, url: `/t/${env.office.code}/disclosure/items/${ref.itemId}` });

    const [item] = await bySource(id);
    expect(item).toMatchObject({ id: ref.itemId, indexNumber: ref.indexNumber, categoryKey: "annual-report", status: "published", attribute: "proactive", documentId: null });
    expect(item!.source).toMatchObject({ pluginId: "test-feeder", recordId: id, version: 1, url: `/t/${env.office.code}/test-feeder/2025` });
    expect(item!.bodyHtml).toContain("本机关主动公开政府信息");
    // In the office's audit chain as the catalogue's own event, by the member whose approval published it.
    const events = await audited(env, "disclosure.item.publish");
    expect(events.find((e) => e.target_id === ref.itemId)).toMatchObject({ actor_id: env.member("leader").id, data: { indexNumber: ref.indexNumber, source: "test-feeder" } });

    // The same gapless sequence as the catalogue's own items: the next one takes the number after it.
    await publishOwnItem("东湖水质月报");
    const own = (await publicItems()).find((i) => i.title === "东湖水质月报")!;
    expect(seqOf(own.indexNumber)).toBe(seqOf(ref.indexNumber) + 1);

    const hits = await publicSearch(env, env.office.id, { q: "年度报告", limit: 10, offset: 0 });
    expect(hits.hits.map((h) => h.reference)).toContain(ref.indexNumber);

    const category = await load<{ items: { id: string; indexNumber: string }[] }>(env, categoryLoader, null, `/t/${env.office.code}/disclosure/categories/annual-report`, { key: "annual-report" });
    expect(category.items).toEqual([expect.objectContaining({ id: ref.itemId, indexNumber: ref.indexNumber })]);

    const page = await load<{ item: { indexNumber: string; source: { name: string; url: string; attachments: unknown[] } } }>(
      env,
      itemLoader,
      null,
      `/t/${env.office.code}/disclosure/items/${ref.itemId}`,
      { id: ref.itemId },
    );
    expect(page.item.indexNumber).toBe(ref.indexNumber);
    expect(page.item.source).toMatchObject({ name: "年度报告", url: `/t/${env.office.code}/test-feeder/2025`, attachments: [expect.objectContaining({ name: "年度报告.docx" })] });
  });

  it("replaces the item with a corrected version: one public item, the same 索引号, the earlier version kept", async () => {
    const first = await feed(entry("report-2024"));
    const firstItem = (await bySource("report-2024"))[0]!;
    await expect(feed(entry("report-2024", { title: "更正后的年度报告" }))).rejects.toMatchObject({ key: "disclosure:feed.errors.correctionReason" });

    // Corrected a year on: written after the item's 发布日期, which the item keeps, with its 成文日期.
    const second = await feed(
      entry("report-2024", {
        title: "测试分局2024年政府信息公开工作年度报告（更正）",
        writtenOn: "2027-02-01",
        publishedOn: "2027-02-01",
        source: { recordId: "report-2024", version: 2 },
        correctionReason: "更正表三第（七）项总计",
      }),
    );
    expect(second).toMatchObject({ itemId: first.itemId, indexNumber: first.indexNumber, version: 2, status: "published" });
    const items = await bySource("report-2024");
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: "测试分局2024年政府信息公开工作年度报告（更正）", version: 2, source: expect.objectContaining({ version: 2 }) });
    expect({ writtenOn: items[0]!.writtenOn, publishedOn: items[0]!.publishedOn }).toEqual({ writtenOn: firstItem.writtenOn, publishedOn: firstItem.publishedOn });
    const versions = await env.publicRead([env.office.id], (trx) => trx.selectFrom("disclosure_item_versions").select(["version", "reason"]).where("item_id", "=", first.itemId).execute());
    expect(versions).toEqual([{ version: 1, reason: "更正表三第（七）项总计" }]);
    const hits = await publicSearch(env, env.office.id, { q: "更正", limit: 10, offset: 0 });
    expect(hits.hits.filter((h) => h.reference === first.indexNumber)).toHaveLength(1);
  });

  it("withdraws through the same point; staff see the source and cannot withdraw or correct it in the catalogue", async () => {
    const ref = await feed(entry("register-2025", { categoryKey: CATALOGUE_CATEGORIES.keyUnits, title: "2025年环境监管重点单位名录" }));

    const list = await load<{ rows: { id: string; source: string | null; withdrawable: boolean }[] }>(env, staffItemsLoader, env.member("leader").id, `/t/${env.office.code}/admin/disclosure`);
    expect(list.rows.find((r) => r.id === ref.itemId)).toMatchObject({ source: "来自年度报告", withdrawable: false });
    const refused = await post(env, staffItemsAction, env.member("leader").id, `/t/${env.office.code}/admin/disclosure`, { ids: [ref.itemId], reason: "不再公开", confirm: "on" });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.data)).toContain("disclosure:feed.errors.readOnly");
    expect((await bySource("register-2025"))[0]!.status).toBe("published");
    const page = await load<{ can: { withdraw: boolean; correct: boolean }; source: { readOnly: string } | null }>(env, staffItemLoader, env.member("leader").id, `/t/${env.office.code}/admin/disclosure/items/${ref.itemId}`, { id: ref.itemId });
    expect(page.can).toEqual({ withdraw: false, correct: false });
    expect(page.source?.readOnly).toContain("只读");

    const withdrawn = await feed({ action: "withdraw", source: { recordId: "register-2025" }, reason: "名录已被2026年名录取代" });
    expect(withdrawn).toMatchObject({ itemId: ref.itemId, status: "withdrawn" });
    const [item] = await bySource("register-2025");
    expect(item).toMatchObject({ status: "withdrawn", withdrawalReason: "名录已被2026年名录取代" });
    const hits = await publicSearch(env, env.office.id, { q: "重点单位名录", limit: 10, offset: 0 });
    expect(hits.hits.map((h) => h.reference)).not.toContain(ref.indexNumber);
    await expect(feed({ action: "withdraw", source: { recordId: "never-fed" }, reason: "x" })).rejects.toMatchObject({ key: "disclosure:feed.errors.notInCatalogue" });
  });

  it("rolls the item back, and hands its number back, when the caller's transaction fails", async () => {
    const ctx = feederIn();
    const before = await publicItems();
    await expect(
      ctx.withTenant(async (trx) => {
        await ctx.extensions.call(CATALOGUE, entry("doomed"), trx);
        throw new Error("the feeder's own write failed");
      }),
    ).rejects.toThrow("the feeder's own write failed");
    expect(await bySource("doomed")).toEqual([]);
    expect(await publicItems()).toHaveLength(before.length);
    const highest = Math.max(...before.map((i) => seqOf(i.indexNumber)));
    expect(seqOf((await feed(entry("after-doomed"))).indexNumber)).toBe(highest + 1);
  });

  it("refuses bad input naming every field, and a category the office lacks, changing nothing", async () => {
    const before = (await publicItems()).length;
    const bad = await feed(entry("bad", { title: " ", writtenOn: "2026-02-30", url: "javascript:alert(1)" })).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ExtensionInputRefused);
    expect((bad as ExtensionInputRefused).errors).toEqual({
      title: ["core:extensions.catalogue.errors.title"],
      writtenOn: ["core:extensions.catalogue.errors.date"],
      url: ["core:extensions.catalogue.errors.url"],
    });
    await expect(feed(entry("nowhere", { categoryKey: "no-such-category" }))).rejects.toMatchObject({ key: "disclosure:feed.errors.category" });
    await expect(feed(entry("late", { writtenOn: "2026-03-01", publishedOn: "2026-02-01" }))).rejects.toMatchObject({ key: "disclosure:feed.errors.writtenAfterPublished" });
    // A past year's document put online now is numbered in its year of publication.
    const past = await feed(entry("report-2015", { writtenOn: "2016-01-20", publishedOn: "2016-01-25" }));
    expect(past.indexNumber).toMatch(/\/2016-00001$/);
    expect(await publicItems()).toHaveLength(before + 1);
  });

  it("fails cleanly where the office has not enabled the disclosure plugin: a localised refusal, nothing written", async () => {
    const other = env.tree.offices[1]!.id;
    await enablePlugin(env.handle, other, "disclosure", false);
    await env.context.services.tenants.refresh();
    try {
      const ctx = feederIn(other);
      expect(await ctx.extensions.available(CATALOGUE)).toBe(false);
      expect(await feederIn().extensions.available(CATALOGUE)).toBe(true);
      const refused = await feed(entry("elsewhere"), other).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ExtensionUnavailable);
      expect(refused).toMatchObject({ key: "core:extensions.catalogue.unavailable", point: "disclosure.catalogue" });
      const words = env.context.services.translators["zh-CN"].t((refused as ExtensionUnavailable).key);
      expect(words).toContain("政府信息公开目录");
      expect(await bySource("elsewhere", other)).toEqual([]);
    } finally {
      await enablePlugin(env.handle, other, "disclosure", true);
      await env.context.services.tenants.refresh();
    }
  });

  it("refuses the feeder's approval with the reason when the catalogue is off, the document staying in review", async () => {
    await enablePlugin(env.handle, env.office.id, "disclosure", false);
    await env.context.services.tenants.refresh();
    try {
      const id = await submitReport("测试分局2023年政府信息公开工作年度报告", 2023);
      await expect(approveChain(env, id, { review: { attribute: "proactive" } })).rejects.toThrow("core:extensions.catalogue.unavailable");
      expect((await documentOf(env, id)).status).toBe("in_review");
      expect(fed.has(id)).toBe(false);
    } finally {
      await enablePlugin(env.handle, env.office.id, "disclosure", true);
      await env.context.services.tenants.refresh();
    }
  });
});
