import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveChain, audited, pluginRequest, publicSearch, type Testbed, openTestbed } from "../../../app/plugin-api/testing";
import { chinaDate, type PluginRequestContext } from "../../../app/plugin-api";
import type { AnnualReportDatabase, StoredNarrative } from "../db/schema";
import { T2_KEYS } from "../law/table-two-2021";
import { t3Key } from "../law/table-three-2021";
import manifest from "../manifest";
import { suspectCells } from "../server/report/checks";
import { currentReport, reportVersions, saveManualCells, saveNarrative, startCorrection, startDraft, submitReport } from "../server/reports.server";
import type { ReportsContext } from "../server/context";
import { listedReports } from "../server/past-reports.server";
import { reportStatuses } from "../server/status.server";
import { noteField, valueField } from "../server/workflow/manual-cells";
import { MANUAL, manualFormFields } from "./fixtures";

/*
 * The report from draft to the catalogue, in an office without the requests plugin: tables 三 and 四
 * are then manual cells, so the drafter enters them (and can get one wrong). The manifest declares
 * no pages yet; the test mounts it with one admin path so the host builds the request context.
 */

const withPage = { ...manifest, routes: [{ area: "admin" as const, path: "", file: "routes/_parts/report-table.tsx", permission: "annual-report.reports.view" }] };
const YEAR = 2025;

let env: Testbed<AnnualReportDatabase>;
let drafter: ReportsContext;

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};
const manualForm = manualFormFields;
const contextOf = async (userId: string, code = env.office.code) =>
  (await pluginRequest(env, userId, `/t/${code}/admin/annual-report`, { tenant: code })) as PluginRequestContext<AnnualReportDatabase>;
const rowsOf = (tenantId: string) =>
  env.systemContext(tenantId).withTenant((trx) => trx.selectFrom("annual_report_reports").selectAll().where("tenant_id", "=", tenantId).orderBy("version").execute());

beforeAll(async () => {
  env = await openTestbed<AnnualReportDatabase>({ plugins: ["disclosure", withPage] });
  for (const office of env.tree.offices) await env.seed("disclosure", office.id);
  drafter = await contextOf(env.member("drafter").id);
});
afterAll(() => env.close());

describe("the year's report", () => {
  it("starts one drafting version per office and year, and only a drafter may", async () => {
    const first = await startDraft(drafter, YEAR);
    const again = await startDraft(drafter, YEAR);
    expect(first).toMatchObject({ ok: true, report: { year: YEAR, version: 1, status: "drafting" } });
    expect(again.ok && first.ok && again.report.id).toBe(first.ok && first.report.id);
    expect(await startDraft(drafter, 2007)).toEqual({ ok: false, error: "annual-report:errors.year" });
    const viewer = await contextOf(env.member("viewer").id);
    await expect(startDraft(viewer, YEAR)).rejects.toMatchObject({ status: 403 });
    expect(await rowsOf(env.office.id)).toHaveLength(1);
    expect((await audited(env, "annual-report.report.start")).map((e) => e.data)).toEqual([{ year: YEAR, version: 1 }]);
  });

  it("refuses manual cells without their source, without a figure or with a fraction in a whole-number cell, all at once, saving nothing", async () => {
    const permits = T2_KEYS.permits;
    const charges = T2_KEYS.charges;
    const natural = t3Key("received", "natural");
    const refused = await saveManualCells(
      drafter,
      YEAR,
      form({ [valueField(permits)]: "12", [noteField(permits)]: "", [valueField(charges)]: "", [noteField(charges)]: "财务科台账", [valueField(natural)]: "1.5", [noteField(natural)]: "登记簿", [valueField(T2_KEYS.penalties)]: "0.355", [noteField(T2_KEYS.penalties)]: "x" }),
    );
    expect(refused).toEqual({
      ok: false,
      errors: {
        [noteField(permits)]: ["annual-report:errors.noteRequired"],
        [valueField(charges)]: ["annual-report:errors.valueRequired"],
        [valueField(natural)]: ["annual-report:errors.wholeNumber"],
        [valueField(T2_KEYS.penalties)]: ["annual-report:errors.wholeNumber"],
      },
    });
    // table 二（八） 万元 takes two decimals, not three
    const decimals = await saveManualCells(drafter, YEAR, form({ [valueField(charges)]: "0.355", [noteField(charges)]: "财务科台账" }));
    expect(decimals).toEqual({ ok: false, errors: { [valueField(charges)]: ["annual-report:errors.decimals"] } });
    expect((await rowsOf(env.office.id))[0]!.manual_cells).toEqual({});
  });

  it("refuses to submit while an identity is broken, naming the cell; submits once it is corrected, with the figures frozen in the payload", async () => {
    const wrong = t3Key("withheld.third_party", "business");
    const saved = await saveManualCells(drafter, YEAR, form(manualForm({ key: wrong, by: 1 })));
    expect(saved.ok).toBe(true);
    const refused = await submitReport(drafter, YEAR);
    expect(refused).toMatchObject({ ok: false, error: "annual-report:errors.checksFailed" });
    const problems = (refused as { problems: Parameters<typeof suspectCells>[0] }).problems;
    expect(suspectCells(problems)).toEqual([{ key: wrong, name: "三、本年度办理结果（三）不予公开4.保护第三方合法权益 · 法人或其他组织 · 商业企业" }]);
    expect((await rowsOf(env.office.id))[0]).toMatchObject({ status: "drafting", document_id: null });

    expect((await saveManualCells(drafter, YEAR, form(manualForm()))).ok).toBe(true);
    const submitted = await submitReport(drafter, YEAR);
    expect(submitted).toMatchObject({ ok: true, warnings: [] });
    const [row] = await rowsOf(env.office.id);
    expect(row).toMatchObject({ status: "in_approval", document_id: submitted.ok ? submitted.documentId : "" });
    // Nothing changes while the chain decides.
    expect(await saveManualCells(drafter, YEAR, form(manualForm()))).toEqual({ ok: false, error: "annual-report:errors.notDrafting" });
  });

  it("is published into the catalogue under 年度报告 with a 索引号 when the chain approves, and the row keeps it", async () => {
    const report = (await env.systemContext(env.office.id).withTenant((trx) => currentReport(trx, env.office.id, YEAR)))!;
    const doc = await approveChain(env, report.documentId!);
    expect(doc.status).toBe("approved");
    const [row] = await rowsOf(env.office.id);
    expect(row).toMatchObject({ status: "published", version: 1, published_on: chinaDate() });
    expect(row!.index_number).toMatch(/^[0-9A-Z]{18}\/\d{4}-\d{5}$/);
    expect(row!.figures_snapshot).toMatchObject({ [T2_KEYS.rulesIssued]: 0 });
    expect(row!.manual_cells[T2_KEYS.permits]).toEqual(MANUAL[T2_KEYS.permits]);

    const items = await env.publicRead([env.office.id], (trx) =>
      sql<{ id: string; index_number: string; category_key: string; title: string; source_id: string; source_version: number; source_url: string }>`
        SELECT id, index_number, category_key, title, source_id, source_version, source_url FROM disclosure_items WHERE source_plugin = 'annual-report'`
        .execute(trx)
        .then((r) => r.rows),
    );
    expect(items).toEqual([
      {
        id: row!.catalogue_item_id,
        index_number: row!.index_number,
        category_key: "annual-report",
        title: `${drafter.tenant.name["zh-CN"]}${YEAR}年政府信息公开工作年度报告`,
        source_id: String(YEAR),
        source_version: 1,
        source_url: `/t/${env.office.code}/annual-report/${YEAR}`,
      },
    ]);
    const hits = await publicSearch(env, env.office.id, { q: "年度报告", limit: 10, offset: 0 });
    expect(hits.hits.map((h) => h.reference)).toContain(row!.index_number);
    expect((await audited(env, "annual-report.report.publish")).map((e) => e.data)).toEqual([{ year: YEAR, version: 1, indexNumber: row!.index_number }]);
    expect(await startDraft(drafter, YEAR)).toEqual({ ok: false, error: "annual-report:errors.alreadyPublished" });
  });

  it("is corrected by a version 2 with a required reason, published under the same 索引号, the first version superseded", async () => {
    expect(await startCorrection(drafter, YEAR, form({ reason: "  " }))).toEqual({ ok: false, errors: { reason: ["annual-report:errors.reasonRequired"] } });
    const started = await startCorrection(drafter, YEAR, form({ reason: "更正表二（八）行政事业性收费金额" }));
    expect(started).toMatchObject({ ok: true, report: { version: 2, status: "drafting", correctionReason: "更正表二（八）行政事业性收费金额" } });
    const fields = manualForm();
    fields[valueField(T2_KEYS.charges)] = "0.45";
    expect((await saveManualCells(drafter, YEAR, form(fields))).ok).toBe(true);
    expect(await saveNarrative(drafter, YEAR, { overview: "全年" } as unknown as StoredNarrative)).toEqual({ ok: false, error: "annual-report:errors.narrative" });
    // A paragraph still marked todo blocks submission; its quoted values and mark are kept as saved.
    const todo = [{ paragraphs: [{ text: "【请补充政府信息管理情况】", todo: true }] }];
    expect((await saveNarrative(drafter, YEAR, { overview: todo })).ok).toBe(true);
    expect(await submitReport(drafter, YEAR)).toEqual({ ok: false, error: "annual-report:errors.narrativeTodo", unfinished: 1 });
    const overview = [{ paragraphs: [{ text: "本年度共收取信息处理费0.45万元，咨询电话13800138000。", quotes: [T2_KEYS.charges], quoted: { [T2_KEYS.charges]: 0.45 } }] }];
    expect((await saveNarrative(drafter, YEAR, { overview })).ok).toBe(true);
    const submitted = await submitReport(drafter, YEAR);
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    await approveChain(env, submitted.documentId);

    const [first, second] = await rowsOf(env.office.id);
    expect(first).toMatchObject({ version: 1, status: "superseded" });
    expect(second).toMatchObject({ version: 2, status: "published", index_number: first!.index_number, catalogue_item_id: first!.catalogue_item_id });
    expect(second!.manual_cells[T2_KEYS.charges]).toMatchObject({ value: 0.45 });
    // What is published is what 保密审查 let the public read: the phone number the scan found is redacted.
    const published = second!.narrative.overview![0]!.paragraphs[0]!;
    expect(published.text).toContain("本年度共收取信息处理费0.45万元");
    expect(published.text).not.toContain("13800138000");
    expect(published).toMatchObject({ quotes: [T2_KEYS.charges], quoted: { [T2_KEYS.charges]: 0.45 } });
    const items = await env.publicRead([env.office.id], (trx) =>
      sql<{ version: number; source_version: number }>`SELECT version, source_version FROM disclosure_items WHERE source_plugin = 'annual-report'`.execute(trx).then((r) => r.rows),
    );
    expect(items).toEqual([{ version: 2, source_version: 2 }]);
    const versions = await env.systemContext(env.office.id).withTenant((trx) => reportVersions(trx, env.office.id, YEAR));
    expect(versions.map((v) => v.status)).toEqual(["published", "superseded"]);
    const listed = await env.publicRead([env.office.id], (trx) => listedReports(trx, drafter.tenant));
    expect(listed).toEqual([expect.objectContaining({ year: YEAR, kind: "platform", indexNumber: first!.index_number, url: `/t/${env.office.code}/annual-report/${YEAR}` })]);
  });
});

describe("the status of a year's report in many offices", () => {
  it("reads not started, drafting, in approval, published and late in one read", async () => {
    const [one, two] = env.tree.offices;
    const calendar = (await contextOf(env.member("drafter").id)).calendar;
    const read = (asOf: string, year = YEAR) =>
      env.readAs(env.member("supervisor").id, [env.tree.city.id, one!.id, two!.id], (trx) => reportStatuses(trx, [env.tree.city.id, one!.id, two!.id], year, { asOf, calendar }));

    const now = await read("2026-01-20");
    expect(now.get(one!.id)).toMatchObject({ state: "published", version: 2, dueDate: "2026-01-31", publishedLate: chinaDate() > "2026-01-31" });
    expect(now.get(two!.id)).toMatchObject({ state: "not_started", version: 0, indexNumber: null });
    // After 31 January an office that has not published is late, whatever it has in work.
    expect((await read("2026-02-01")).get(two!.id)).toMatchObject({ state: "late" });
    expect((await read("2026-01-31")).get(two!.id)).toMatchObject({ state: "not_started" });

    // The next year: drafting, then in approval.
    const next = YEAR + 1;
    expect((await startDraft(drafter, next)).ok).toBe(true);
    expect((await read("2026-12-01", next)).get(one!.id)).toMatchObject({ state: "drafting", version: 1 });
    expect((await saveManualCells(drafter, next, form(manualForm()))).ok).toBe(true);
    // Last year's published 四、结转下年度继续办理 differs from this year's 二、上年结转: said, not blocking.
    const submitted = await submitReport(drafter, next);
    expect(submitted.ok).toBe(true);
    const warnings = submitted.ok ? submitted.warnings : [];
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((w) => w.severity === "warning" && w.rule === "t3.carried_over" && w.cells.some((c) => c.lastYear))).toBe(true);
    expect((await read("2026-12-01", next)).get(one!.id)).toMatchObject({ state: "in_approval" });
  });
});

describe("row-level security", () => {
  it("keeps an office's reports from another office's staff and from the public before publication", async () => {
    const [one, two] = env.tree.offices;
    const theirs = await env.readAs(env.member("drafter").id, [two!.id], (trx) => trx.selectFrom("annual_report_reports").select("id").where("tenant_id", "=", one!.id).execute(), two!.id);
    expect(theirs).toEqual([]);
    const forgetful = await env.readAs(env.member("drafter").id, [two!.id], (trx) => trx.selectFrom("annual_report_reports").select("id").execute(), two!.id);
    expect(forgetful).toEqual([]);
    expect((await rowsOf(one!.id)).length).toBeGreaterThan(0);
  });
});
