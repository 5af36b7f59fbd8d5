import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfWithText } from "../../../app/plugin-api/files.server";
import { approveChain, load, pluginRequest, statusOf, type Testbed, openTestbed } from "../../../app/plugin-api/testing";
import type { PluginRequestContext } from "../../../app/plugin-api";
import type { AnnualReportDatabase } from "../db/schema";
import { T2_KEYS } from "../law/table-two-2021";
import manifest from "../manifest";
import { addPastReport } from "../server/past-reports.server";
import type { AnnualReportModel } from "../server/report/model";
import { currentReport, saveManualCells, saveNarrative, startDraft, submitReport } from "../server/reports.server";
import { MANUAL, manualFormFields } from "./fixtures";
import { loader as listLoader } from "../routes/public/index";
import { loader as yearLoader } from "../routes/public/year";
import { loader as docxLoader } from "../routes/public/report-docx";
import { loader as pastFileLoader } from "../routes/public/past-file";

/*
 * The public pages of the annual report: a 2025 report published through the office's chain (no
 * requests plugin, so tables 三 and 四 are entered by hand), then read as an anonymous reader.
 * The routes are mounted here as the manifest declares them, so the test does not wait on the wiring.
 */

const PUBLIC_ROUTES = [
  { area: "public" as const, path: "", file: "routes/public/index.tsx" },
    { area: "public" as const, path: ":year", file: "routes/public/year.tsx" },
  { area: "public" as const, path: ":year/report.docx", file: "routes/public/report-docx.ts" },
  { area: "public" as const, path: ":year/past-report", file: "routes/public/past-file.ts" },
];
const withPages = { ...manifest, routes: [...PUBLIC_ROUTES, { area: "admin" as const, path: "", file: "routes/_parts/report-table.tsx", permission: "annual-report.reports.view" }] };
const YEAR = 2025;

let env: Testbed<AnnualReportDatabase>;
let drafter: PluginRequestContext<AnnualReportDatabase>;

const form = (fields: Record<string, string>, file?: { bytes: Uint8Array; name: string }) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  if (file) f.append("file", new File([Buffer.from(file.bytes)], file.name));
  return f;
};
const manualForm = () => manualFormFields();
const narrative = {
  overview: [{ heading: "（一）主动公开", paragraphs: [{ text: "　　本机关全年主动公开政府信息，及时发布政策文件。" }] }],
  problems: [{ paragraphs: [{ text: "　　政策解读形式还不够丰富，下一步将加强图解和视频解读。" }] }],
  other: [{ paragraphs: [{ text: "　　本年度未收取信息处理费。" }] }],
};

const office = () => env.office.code;
const path = (rest: string, code = office()) => `/t/${code}/annual-report${rest}`;
type YearPage = { model: AnnualReportModel; indexNumber: string; publishedOn: string; english: boolean; reportLang: string; docxUrl: string };
type ListPage = { reports: { year: number; title: string; kind: string; indexNumber: string | null; url: string | null; docxUrl: string | null; fileUrl: string | null }[] };

beforeAll(async () => {
  env = await openTestbed<AnnualReportDatabase>({ plugins: ["disclosure", withPages] });
  for (const o of env.tree.offices) await env.seed("disclosure", o.id);
  drafter = (await pluginRequest(env, env.member("drafter").id, path("", `${office()}/admin`), { tenant: office() })) as PluginRequestContext<AnnualReportDatabase>;
  expect((await startDraft(drafter, YEAR)).ok).toBe(true);
  expect((await saveManualCells(drafter, YEAR, form(manualForm()))).ok).toBe(true);
  expect((await saveNarrative(drafter, YEAR, narrative)).ok).toBe(true);
  const submitted = await submitReport(drafter, YEAR);
  if (!submitted.ok) throw new Error(JSON.stringify(submitted));
  expect((await approveChain(env, submitted.documentId)).status).toBe("approved");
  const past = await addPastReport(drafter, form({ year: "2012", title: "2012年政府信息公开工作年度报告", publishedOn: "2013-01-30" }, { bytes: pdfWithText("2012年报"), name: "2012年报.pdf" }));
  if (!past.ok) throw new Error(JSON.stringify(past));
  const link = await addPastReport(drafter, form({ year: "2010", title: "2010年政府信息公开工作年度报告", url: "https://www.example.gov.cn/xxgk/2010nb.html" }));
  if (!link.ok) throw new Error(JSON.stringify(link));
  // Past reports reach the public through the office's chain and 保密审查, as the year's report does.
  for (const sent of [past, link]) expect((await approveChain(env, sent.documentId)).status).toBe("approved");
});
afterAll(() => env.close());

const published = () => env.systemContext(env.office.id).withTenant((trx) => currentReport(trx, env.office.id, YEAR)).then((r) => r!);

describe("the list of every year's report", () => {
  it("shows the published report with its 索引号 and Word file, then the past ones, the latest first", async () => {
    const report = await published();
    const { reports } = await load<ListPage>(env, listLoader, null, path(""));
    expect(reports.map((r) => [r.year, r.kind])).toEqual([
      [YEAR, "platform"],
      [2012, "past"],
      [2010, "past"],
    ]);
    expect(reports[0]).toMatchObject({ indexNumber: report.indexNumber, url: path(`/${YEAR}`), docxUrl: path(`/${YEAR}/report.docx`), title: `${drafter.tenant.name["zh-CN"]}${YEAR}年政府信息公开工作年度报告` });
    expect(report.indexNumber).toMatch(/^[0-9A-Z]{18}\/\d{4}-\d{5}$/);
    expect(reports[1]).toMatchObject({ fileUrl: path("/2012/past-report"), url: null, indexNumber: null });
    expect(reports[2]).toMatchObject({ fileUrl: null, url: "https://www.example.gov.cn/xxgk/2010nb.html" });
  });

  it("is empty in another office, whose reports are its own", async () => {
    const other = env.tree.offices[1]!.code;
    const { reports } = await load<ListPage>(env, listLoader, null, path("", other), { tenant: other });
    expect(reports).toEqual([]);
  });

  it("serves a past year's kept file by its year, and nothing for another office, a year without a file or a malformed year", async () => {
    const res = await load<Response>(env, pastFileLoader, null, path("/2012/past-report"), { year: "2012" });
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    const other = env.tree.offices[1]!.code;
    expect(await statusOf(load(env, pastFileLoader, null, path("/2012/past-report", other), { tenant: other, year: "2012" }))).toBe(404);
    // A year kept only as a link, a year published here, and malformed years have no file.
    for (const year of ["2010", String(YEAR), "abc", "99999", "2012.0"]) expect([year, await statusOf(load(env, pastFileLoader, null, path(`/${year}/past-report`), { year }))]).toEqual([year, 404]);
  });

  it("leaves a past report out of the list, and its file a 404, until the office's chain approves it", async () => {
    const sent = await addPastReport(drafter, form({ year: "2011", title: "2011年政府信息公开工作年度报告" }, { bytes: pdfWithText("2011 annual report"), name: "2011年报.pdf" }));
    if (!sent.ok) throw new Error(JSON.stringify(sent));
    const years = async () => (await load<ListPage>(env, listLoader, null, path(""))).reports.map((r) => r.year);
    const file = () => load<Response>(env, pastFileLoader, null, path("/2011/past-report"), { year: "2011" });
    expect(await years()).toEqual([YEAR, 2012, 2010]);
    expect(await statusOf(file())).toBe(404);
    expect((await approveChain(env, sent.documentId)).status).toBe("approved");
    expect(await years()).toEqual([YEAR, 2012, 2011, 2010]);
    expect((await file()).headers.get("Content-Type")).toBe("application/pdf");
  });
});

describe("the year's report page", () => {
  it("gives the report as approved: the six sections in order, the tables filled with the frozen figures and manual cells", async () => {
    const report = await published();
    const page = await load<YearPage>(env, yearLoader, null, path(`/${YEAR}`), { year: String(YEAR) });
    const { model } = page;
    expect(model.title).toBe(`${drafter.tenant.name["zh-CN"]}${YEAR}年政府信息公开工作年度报告`);
    expect(model.sections.map((s) => [s.key, s.kind])).toEqual([
      ["overview", "narrative"],
      ["proactive", "table"],
      ["requests", "table"],
      ["remedies", "table"],
      ["problems", "narrative"],
      ["other", "narrative"],
    ]);
    expect(model.sections.map((s) => s.heading.slice(0, 2))).toEqual(["一、", "二、", "三、", "四、", "五、", "六、"]);
    const overview = model.sections[0]!;
    expect(overview.kind === "narrative" && overview.parts).toEqual(narrative.overview);
    const t2 = model.sections[1]!;
    const cells = t2.kind === "table" ? t2.table.body.flat() : [];
    expect(cells).toContainEqual(expect.objectContaining({ kind: "value", key: T2_KEYS.permits, value: 12, manual: true, note: MANUAL[T2_KEYS.permits]!.note }));
    expect(cells).toContainEqual(expect.objectContaining({ kind: "value", key: T2_KEYS.rulesIssued, value: 0 }));
    expect(page).toMatchObject({ indexNumber: report.indexNumber, publishedOn: report.publishedOn, english: false, reportLang: "zh-CN", docxUrl: path(`/${YEAR}/report.docx`) });
  });

  it("is in traditional characters for zh-TW readers, and official Chinese with glosses for English ones", async () => {
    const tw = await load<YearPage>(env, yearLoader, null, path(`/${YEAR}?lng=zh-TW`), { year: String(YEAR) });
    expect(tw.model.title).toContain("公開工作年度報告");
    expect(tw.model.sections[4]!.heading).toContain("存在的主要問題");
    expect(tw.reportLang).toBe("zh-TW");
    const en = await load<YearPage>(env, yearLoader, null, path(`/${YEAR}?lng=en`), { year: String(YEAR) });
    expect(en.model.title).toBe(`${drafter.tenant.name["zh-CN"]}${YEAR}年政府信息公开工作年度报告`);
    expect(en).toMatchObject({ english: true, reportLang: "zh-CN" });
    const t3 = en.model.sections[2]!;
    expect(t3.kind === "table" && t3.table.head.flat().some((c) => c.kind === "header" && c.gloss)).toBe(true);
  });

  it("is a 404 for a year without a published report, a malformed year and another office's report", async () => {
    for (const year of ["2024", "abc", "99999", "2025.5", "0202", "2007", " 2025"]) {
      expect([year, await statusOf(load(env, yearLoader, null, path(`/${encodeURIComponent(year)}`), { year }))]).toEqual([year, 404]);
      expect([year, await statusOf(load(env, docxLoader, null, path(`/${encodeURIComponent(year)}/report.docx`), { year }))]).toEqual([year, 404]);
    }
    const other = env.tree.offices[1]!.code;
    expect(await statusOf(load(env, yearLoader, null, path(`/${YEAR}`, other), { tenant: other, year: String(YEAR) }))).toBe(404);
    expect(await statusOf(load(env, docxLoader, null, path(`/${YEAR}/report.docx`, other), { tenant: other, year: String(YEAR) }))).toBe(404);
  });
});

describe("the report's Word file", () => {
  it("answers with the .docx (a zip) named after the report's title", async () => {
    const res = await load<Response>(env, docxLoader, null, path(`/${YEAR}/report.docx`), { year: String(YEAR) });
    expect(res.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const title = `${drafter.tenant.name["zh-CN"]}${YEAR}年政府信息公开工作年度报告.docx`;
    expect(res.headers.get("Content-Disposition")).toContain(`filename*=UTF-8''${encodeURIComponent(title)}`);
    expect(res.headers.get("Content-Disposition")).toContain(`filename="annual-report-${YEAR}.docx"`);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 2).toString()).toBe("PK");
    expect(Number(res.headers.get("Content-Length"))).toBe(body.length);
  });
});
