import { afterAll, beforeAll, expect, it } from "vitest";
import type { PluginRequestContext } from "../../../app/plugin-api";
import { pdfWithText } from "../../../app/plugin-api/files.server";
import { audited, openTestbed, pluginRequest, type Testbed } from "../../../app/plugin-api/testing";
import type { AnnualReportDatabase } from "../db/schema";
import manifest from "../manifest";
import { addPastReport, listedReports } from "../server/past-reports.server";
import { startDraft } from "../server/reports.server";

/* Reports published before the platform, kept so the public list goes back to 2008. */

const withPage = { ...manifest, routes: [{ area: "admin" as const, path: "", file: "routes/_parts/report-table.tsx", permission: "annual-report.reports.view" }] };

let env: Testbed<AnnualReportDatabase>;
let drafter: PluginRequestContext<AnnualReportDatabase>;
const form = (fields: Record<string, string | Blob>, file?: { bytes: Uint8Array; name: string }) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  if (file) f.append("file", new File([Buffer.from(file.bytes)], file.name));
  return f;
};
const list = () => env.systemContext(env.office.id).withTenant((trx) => listedReports(trx, drafter.tenant));

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
});

it("keeps a past report as its PDF or as the address where it is published, one per year, and lists every year, the latest first", async () => {
  const pdf = { bytes: pdfWithText("2012年政府信息公开工作年度报告"), name: "2012年报.pdf" };
  const kept = await addPastReport(drafter, form({ year: "2012", title: "2012年政府信息公开工作年度报告", publishedOn: "2013-01-30" }, pdf));
  expect(kept.ok).toBe(true);
  expect((await addPastReport(drafter, form({ year: "2010", title: "2010年政府信息公开工作年度报告", url: "https://www.example.gov.cn/xxgk/2010nb.html" }))).ok).toBe(true);
  expect(await addPastReport(drafter, form({ year: "2012", title: "重复", url: "https://www.example.gov.cn/a" }))).toEqual({ ok: false, errors: { year: ["annual-report:errors.yearTaken"] } });
  expect((await startDraft(drafter, 2024)).ok).toBe(true);
  expect(await addPastReport(drafter, form({ year: "2024", title: "2024年报", url: "https://www.example.gov.cn/b" }))).toEqual({ ok: false, errors: { year: ["annual-report:errors.yearOnPlatform"] } });

  const listed = await list();
  expect(listed.map((r) => [r.year, r.kind, r.url, r.fileId !== null])).toEqual([
    [2012, "past", null, true],
    [2010, "past", "https://www.example.gov.cn/xxgk/2010nb.html", false],
  ]);
  const row = await env.systemContext(env.office.id).withTenant((trx) => trx.selectFrom("annual_report_past_files").select(["mime", "size", "published_on"]).where("year", "=", 2012).executeTakeFirstOrThrow());
  expect(row).toEqual({ mime: "application/pdf", size: pdf.bytes.length, published_on: "2013-01-30" });
  expect((await audited(env, "annual-report.past_file.add")).map((e) => (e.data as { year: number }).year)).toEqual([2012, 2010]);
});
