import i18next from "i18next";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groundsFor, type PluginRequestContext } from "../../../app/plugin-api";
import { chinesePdf, pdfWithText } from "../../../app/plugin-api/files.server";
import { actOn, approveChain, audited, documentOf, idNumberCheckChar, load, openTestbed, pluginRequest, post, reviewOf, type Testbed } from "../../../app/plugin-api/testing";
import type { AnnualReportDatabase } from "../db/schema";
import { locales } from "../locales";
import manifest from "../manifest";
import YearsPage, { action as indexAction, loader as indexLoader } from "../routes/admin/index";
import type { StaffPastReport } from "../server/past-report-states.server";
import { addPastReport, listedReports } from "../server/past-reports.server";
import { startDraft } from "../server/reports.server";
import { PAST_REPORT_TYPE } from "../server/workflow/past-report-document";

/*
 * Reports published before the platform, kept so the public list goes back to 2008: each goes
 * through the office's chain and 保密审查 as a workflow document before the public list shows it.
 */

const withPage = {
  ...manifest,
  routes: [
    { area: "admin" as const, path: "", file: "routes/admin/index.tsx", permission: "annual-report.reports.view" },
    { area: "admin" as const, path: "table", file: "routes/_parts/report-table.tsx", permission: "annual-report.reports.view" },
  ],
};

let env: Testbed<AnnualReportDatabase>;
let drafter: PluginRequestContext<AnnualReportDatabase>;
const form = (fields: Record<string, string | Blob>, file?: { bytes: Uint8Array; name: string }) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  if (file) f.append("file", new File([Buffer.from(file.bytes)], file.name));
  return f;
};
const list = () => env.systemContext(env.office.id).withTenant((trx) => listedReports(trx, drafter.tenant));
const rowOf = (year: number) =>
  env.systemContext(env.office.id).withTenant((trx) => trx.selectFrom("annual_report_past_files").selectAll().where("tenant_id", "=", env.office.id).where("year", "=", year).executeTakeFirstOrThrow());
const staffPage = () => load<{ past: StaffPastReport[] }>(env, indexLoader, env.member("viewer").id, `/t/${env.office.code}/admin/annual-report`).then((p) => p.past);
const stateOf = async (year: number) => (await staffPage()).find((r) => r.year === year)?.state;
const added = async (fields: Record<string, string>, file?: { bytes: Uint8Array; name: string }) => {
  const r = await addPastReport(drafter, form(fields, file));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
};
/** 18 digits with a valid check character: what the scan recognises as a 身份证号码. */
const ID_NUMBER = `11010519491231002${idNumberCheckChar("11010519491231002")}`;

/** The years page as the server sends it, in `lng`, for the loader's data. */
async function rendered(loaded: object, lng: "zh-CN" | "zh-TW" | "en"): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ lng, interpolation: { escapeValue: false }, defaultNS: "annual-report", ns: ["annual-report"], resources: { [lng]: { "annual-report": locales[lng] } } });
  const handler = createStaticHandler([{ id: "years", path: "/", loader: () => loaded, Component: YearsPage }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(h(I18nextProvider, { i18n }, h(StaticRouterProvider, { router, context, hydrate: false })));
}

beforeAll(async () => {
  env = await openTestbed<AnnualReportDatabase>({ plugins: [withPage] });
  drafter = (await pluginRequest(env, env.member("drafter").id, `/t/${env.office.code}/admin/annual-report`)) as PluginRequestContext<AnnualReportDatabase>;
});
afterAll(() => env.close());

it("refuses a past report with every fault named at once, and a file that is neither PDF nor Word", async () => {
  expect(await addPastReport(drafter, form({ year: "2007", title: " ", url: "javascript:alert(1)" }))).toEqual({
    ok: false,
    errors: { year: ["annual-report:errors.pastYear"], title: ["annual-report:errors.titleRequired"], url: ["annual-report:errors.url"] },
  });
  expect(await addPastReport(drafter, form({ year: "2012", title: "2012年政府信息公开工作年度报告" }))).toEqual({ ok: false, errors: { file: ["annual-report:errors.fileOrUrl"] } });
  const script = { bytes: new TextEncoder().encode("<script>alert(1)</script>"), name: "report.pdf" };
  expect(await addPastReport(drafter, form({ year: "2012", title: "2012年政府信息公开工作年度报告" }, script))).toEqual({ ok: false, errors: { file: ["annual-report:errors.fileKind"] } });
  expect(await list()).toEqual([]);
  expect(await staffPage()).toEqual([]);
});

describe("a past report through the chain", () => {
  it("is sent as a workflow document carrying the file's text, kept in approval and out of the public list until the chain approves it", async () => {
    const pdf = { bytes: await chinesePdf({ title: "2012年政府信息公开工作年度报告", paragraphs: ["本机关全年主动公开政府信息。"] }), name: "2012年报.pdf" };
    const kept = await added({ year: "2012", title: "2012年政府信息公开工作年度报告", publishedOn: "2013-01-30" }, pdf);
    const link = await added({ year: "2010", title: "2010年政府信息公开工作年度报告", url: "https://www.example.gov.cn/xxgk/2010nb.html" });

    const doc = await documentOf(env, kept.documentId);
    expect(doc).toMatchObject({ document_type: PAST_REPORT_TYPE, status: "in_review", title: "2012年政府信息公开工作年度报告" });
    expect(doc.payload).toMatchObject({ pastFileId: kept.id, year: 2012, url: null, publishedOn: "2013-01-30", fileName: "2012年报.pdf" });
    expect((doc.payload as { fileText: string }).fileText).toContain("本机关全年主动公开政府信息");
    expect(await rowOf(2012)).toMatchObject({ status: "in_approval", document_id: kept.documentId, mime: "application/pdf", size: pdf.bytes.length, published_on: "2013-01-30" });
    expect(await list()).toEqual([]);
    expect(await staffPage()).toEqual([
      { year: 2012, title: "2012年政府信息公开工作年度报告", state: "in_approval", documentUrl: expect.stringContaining(kept.documentId), fileName: "2012年报.pdf", url: null },
      { year: 2010, title: "2010年政府信息公开工作年度报告", state: "in_approval", documentUrl: expect.stringContaining(link.documentId), fileName: null, url: "https://www.example.gov.cn/xxgk/2010nb.html" },
    ]);
    // While in approval the year is taken; the office's own report years are refused as before.
    expect(await addPastReport(drafter, form({ year: "2012", title: "重复", url: "https://www.example.gov.cn/a" }))).toEqual({ ok: false, errors: { year: ["annual-report:errors.pastInApproval"] } });
    expect((await startDraft(drafter, 2024)).ok).toBe(true);
    expect(await addPastReport(drafter, form({ year: "2024", title: "2024年报", url: "https://www.example.gov.cn/b" }))).toEqual({ ok: false, errors: { year: ["annual-report:errors.yearOnPlatform"] } });

    expect((await approveChain(env, kept.documentId)).status).toBe("approved");
    expect((await approveChain(env, link.documentId)).status).toBe("approved");
    expect((await list()).map((r) => [r.year, r.kind, r.url, r.fileId !== null])).toEqual([
      [2012, "past", null, true],
      [2010, "past", "https://www.example.gov.cn/xxgk/2010nb.html", false],
    ]);
    expect(await stateOf(2012)).toBe("published");
    expect(await addPastReport(drafter, form({ year: "2012", title: "重复", url: "https://www.example.gov.cn/a" }))).toEqual({ ok: false, errors: { year: ["annual-report:errors.yearTaken"] } });
    expect((await audited(env, "annual-report.past_file.add")).map((e) => (e.data as { year: number }).year)).toEqual([2012, 2010]);
    expect((await audited(env, "annual-report.past_file.publish")).map((e) => (e.data as { year: number }).year)).toEqual([2012, 2010]);
  });

  it("has the file's words read by the scan: an ID number in the file is a finding, and a file 保密审查 redacted is not published as uploaded", async () => {
    const pdf = { bytes: await chinesePdf({ title: "2013年政府信息公开工作年度报告", paragraphs: [`联系人身份证号${ID_NUMBER}。`] }), name: "2013年报.pdf" };
    const sent = await added({ year: "2013", title: "2013年政府信息公开工作年度报告" }, pdf);
    const review = await reviewOf(env, sent.documentId);
    expect(review.findings.map((f) => [f.field, f.finding.kind])).toEqual([["payload.fileText", "id_number"]]);

    await expect(approveChain(env, sent.documentId)).rejects.toThrow(/annual-report:errors\.pastFileRedacted/);
    expect((await rowOf(2013)).status).toBe("in_approval");
    expect((await list()).map((r) => r.year)).not.toContain(2013);

    // The leader returns it; the staff page says so and the public still does not see it.
    const returned = await actOn(env, env.member("leader").id, sent.documentId, "return", "请上传删除身份证号后的文件");
    expect(returned.ok).toBe(true);
    expect(await stateOf(2013)).toBe("returned");
    expect((await list()).map((r) => r.year)).not.toContain(2013);

    // Sent again with a clean file: the same document goes round again and is published.
    const clean = { bytes: pdfWithText("2013 annual report, public edition"), name: "2013年报（公开版）.pdf" };
    const again = await added({ year: "2013", title: "2013年政府信息公开工作年度报告" }, clean);
    expect(again).toMatchObject({ id: sent.id, documentId: sent.documentId });
    expect((await reviewOf(env, sent.documentId)).findings).toEqual([]);
    expect((await approveChain(env, sent.documentId)).status).toBe("approved");
    expect(await rowOf(2013)).toMatchObject({ status: "published", file_name: "2013年报（公开版）.pdf", size: clean.bytes.length });
    expect((await list()).map((r) => r.year)).toContain(2013);
  });

  it("refuses publication when 保密审查 records 依申请公开 or 不予公开: the report is published by law", async () => {
    const sent = await added({ year: "2014", title: "2014年政府信息公开工作年度报告", url: "https://www.example.gov.cn/xxgk/2014nb.html" });
    for (const attribute of ["on_request", "withheld"] as const)
      await expect(approveChain(env, sent.documentId, { review: { attribute, ground: groundsFor(attribute)[0]!.key } })).rejects.toThrow(/annual-report:errors\.mustBeProactive/);
    expect((await rowOf(2014)).status).toBe("in_approval");
    expect((await list()).map((r) => r.year)).not.toContain(2014);
  });

  it("shows a withdrawn report as withdrawn and unpublished, and replaces it by a new document when the year is sent again", async () => {
    const sent = await added({ year: "2015", title: "2015年政府信息公开工作年度报告", url: "https://www.example.gov.cn/xxgk/2015nb.html" });
    expect((await actOn(env, env.member("drafter").id, sent.documentId, "withdraw")).ok).toBe(true);
    expect(await stateOf(2015)).toBe("withdrawn");
    expect((await list()).map((r) => r.year)).not.toContain(2015);
    const again = await added({ year: "2015", title: "2015年政府信息公开工作年度报告", url: "https://www.example.gov.cn/xxgk/2015.html" });
    expect(again.id).toBe(sent.id);
    expect(again.documentId).not.toBe(sent.documentId);
    expect(await stateOf(2015)).toBe("in_approval");
  });
});

describe("a file kept before past reports went through the chain", () => {
  it("stays off the public list, shows as not approved, and is sent through the chain like a new one", async () => {
    await env.systemContext(env.office.id).withTenant((trx) =>
      trx.insertInto("annual_report_past_files").values({ tenant_id: env.office.id, year: 2009, title: "2009年政府信息公开工作年度报告", published_url: "https://www.example.gov.cn/2009", status: "withdrawn" }).execute(),
    );
    expect((await list()).map((r) => r.year)).not.toContain(2009);
    expect(await stateOf(2009)).toBe("not_sent");
    const sent = await added({ year: "2009", title: "2009年政府信息公开工作年度报告", url: "https://www.example.gov.cn/2009" });
    expect(await stateOf(2009)).toBe("in_approval");
    expect((await approveChain(env, sent.documentId)).status).toBe("approved");
    expect((await list()).map((r) => r.year)).toContain(2009);
  });
});

describe("the years page", () => {
  it("sends a past report from its form, every fault named at once, for a drafter only", async () => {
    const path = `/t/${env.office.code}/admin/annual-report`;
    expect(await post(env, indexAction, env.member("viewer").id, path, { intent: "past", year: "2016", title: "2016年报", url: "https://www.example.gov.cn/2016" })).toMatchObject({ status: 403 });
    const bad = await post<{ pastErrors: Record<string, string[]> }>(env, indexAction, env.member("drafter").id, path, { intent: "past", year: "16", title: "", url: "ftp://x" });
    expect(bad.status).toBe(400);
    expect(bad.data.pastErrors).toEqual({ year: ["annual-report:errors.pastYear"], title: ["annual-report:errors.titleRequired"], url: ["annual-report:errors.url"] });
    const pdf = new File([Buffer.from(pdfWithText("2016年政府信息公开工作年度报告"))], "2016.pdf", { type: "application/pdf" });
    const sent = await post<{ pastSent: boolean }>(env, indexAction, env.member("drafter").id, path, { intent: "past", year: "2016", title: "2016年政府信息公开工作年度报告", file: pdf });
    expect(sent).toMatchObject({ status: 200, data: { pastSent: true } });
    expect(await rowOf(2016)).toMatchObject({ status: "in_approval", file_name: "2016.pdf" });
  });

  it("shows each past report's state and its workflow document, in each locale, and the form to drafters only", async () => {
    const path = `/t/${env.office.code}/admin/annual-report`;
    const viewer = await load<{ past: StaffPastReport[] }>(env, indexLoader, env.member("viewer").id, path);
    const doc = viewer.past.find((r) => r.year === 2016)!.documentUrl!;
    const zh = await rendered(viewer, "zh-CN");
    expect(zh).toContain("往年年度报告");
    expect(zh).toMatch(/<th scope="row">2016<\/th><td lang="zh-CN">2016年政府信息公开工作年度报告<\/td><td><span class="badge status-in_approval">审批中，未公开<\/span>/);
    expect(zh).toMatch(/<th scope="row">2012<\/th>.*?<span class="badge status-published">已公开<\/span>/);
    expect(zh).toContain(`href="${doc}"`);
    expect(zh).not.toContain('name="intent" value="past"');
    expect(await rendered(viewer, "zh-TW")).toContain("審批中，未公開");
    expect(await rendered(viewer, "en")).toContain("In approval, not public");
    // The city's supervisor reading the office sees the same states, without the form.
    const supervisor = await load<{ past: StaffPastReport[]; canDraft: boolean }>(env, indexLoader, env.member("supervisor").id, path);
    expect(supervisor.past.map((r) => [r.year, r.state])).toEqual(viewer.past.map((r) => [r.year, r.state]));
    expect(supervisor.canDraft).toBe(false);
    const drafter = await rendered(await load(env, indexLoader, env.member("drafter").id, path), "zh-CN");
    expect(drafter).toContain('name="intent" value="past"');
    expect(drafter).toMatch(/enctype="multipart\/form-data"/i);
  });
});
