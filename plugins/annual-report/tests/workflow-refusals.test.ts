import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groundsFor, type PluginRequestContext } from "../../../app/plugin-api";
import { actOn, approveChain, documentOf, openTestbed, pluginRequest, type Testbed } from "../../../app/plugin-api/testing";
import type { AnnualReportDatabase } from "../db/schema";
import { T2_KEYS } from "../law/table-two-2021";
import manifest from "../manifest";
import { saveManualCells, startDraft, submitReport } from "../server/reports.server";
import { noteField, valueField } from "../server/workflow/manual-cells";
import { MANUAL } from "./fixtures";

/*
 * What stops a report on its way: no catalogue to publish into, a chain that returns it, a
 * 保密审查 that would not disclose it proactively. With the requests plugin on, tables 三 and 四
 * come from its (empty) data and only table 二's four cells are entered by hand.
 */

const withPage = { ...manifest, routes: [{ area: "admin" as const, path: "", file: "routes/_parts/report-table.tsx", permission: "annual-report.reports.view" }] };
const YEAR = 2025;

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};
const tableTwo = () => form(Object.fromEntries(Object.entries(MANUAL).flatMap(([key, c]) => [[valueField(key), String(c.value)], [noteField(key), c.note]])));
const contextOf = async (env: Testbed<AnnualReportDatabase>, userId: string) =>
  (await pluginRequest(env, userId, `/t/${env.office.code}/admin/annual-report`)) as PluginRequestContext<AnnualReportDatabase>;
const rowsOf = (env: Testbed<AnnualReportDatabase>) =>
  env.systemContext(env.office.id).withTenant((trx) => trx.selectFrom("annual_report_reports").selectAll().where("tenant_id", "=", env.office.id).orderBy("version").execute());
const fedItems = (env: Testbed<AnnualReportDatabase>) =>
  env.publicRead([env.office.id], (trx) => sql<{ id: string }>`SELECT id FROM disclosure_items WHERE source_plugin = 'annual-report'`.execute(trx).then((r) => r.rows));

describe("an office without the disclosure catalogue", () => {
  let env: Testbed<AnnualReportDatabase>;
  beforeAll(async () => {
    env = await openTestbed<AnnualReportDatabase>({ plugins: [withPage] });
  });
  afterAll(() => env.close());

  it("cannot submit: the approved report could not be published, so it says so before the chain starts", async () => {
    const drafter = await contextOf(env, env.member("drafter").id);
    expect((await startDraft(drafter, YEAR)).ok).toBe(true);
    expect(await submitReport(drafter, YEAR)).toEqual({ ok: false, error: "annual-report:errors.catalogueOff" });
    expect(await rowsOf(env)).toEqual([expect.objectContaining({ status: "drafting", document_id: null })]);
  });
});

describe("a report on its way through the chain", () => {
  let env: Testbed<AnnualReportDatabase>;
  let drafter: PluginRequestContext<AnnualReportDatabase>;
  beforeAll(async () => {
    env = await openTestbed<AnnualReportDatabase>({ plugins: ["disclosure", "requests", withPage] });
    await env.seed("disclosure", env.office.id);
    drafter = await contextOf(env, env.member("drafter").id);
  });
  afterAll(() => env.close());

  it("asks only for table 二's cells when the requests plugin gives tables 三 and 四, and submits", async () => {
    expect((await startDraft(drafter, YEAR)).ok).toBe(true);
    expect(await submitReport(drafter, YEAR)).toMatchObject({ ok: false, error: "annual-report:errors.checksFailed" });
    // A requests cell sent by hand is not one of the office's manual cells: ignored, not stored.
    const fields = tableTwo();
    fields.append(valueField("requests.t3.received.natural"), "99");
    fields.append(noteField("requests.t3.received.natural"), "手工统计");
    const saved = await saveManualCells(drafter, YEAR, fields);
    expect(saved.ok && Object.keys(saved.report.manual).sort()).toEqual(Object.keys(MANUAL).sort());
    const submitted = await submitReport(drafter, YEAR);
    expect(submitted).toMatchObject({ ok: true, warnings: [] });
  });

  it("is drafting again when the chain returns it, and is sent again as the same document", async () => {
    const [row] = await rowsOf(env);
    const returned = await actOn(env, env.member("dept_reviewer").id, row!.document_id!, "return", "请核对行政许可数量");
    expect(returned.ok).toBe(true);
    const fields = tableTwo();
    fields.set(valueField(T2_KEYS.permits), "13");
    expect((await saveManualCells(drafter, YEAR, fields)).ok).toBe(true);
    expect((await rowsOf(env))[0]).toMatchObject({ status: "drafting", document_id: row!.document_id });
    const again = await submitReport(drafter, YEAR);
    expect(again).toMatchObject({ ok: true, documentId: row!.document_id });
    const doc = await documentOf(env, row!.document_id!);
    expect(doc.status).toBe("in_review");
    expect((doc.payload as { manual: Record<string, { value: number }> }).manual[T2_KEYS.permits]!.value).toBe(13);
  });

  it("refuses the approval when 保密审查 would not disclose it proactively: the law requires its publication", async () => {
    const [row] = await rowsOf(env);
    await expect(approveChain(env, row!.document_id!, { review: { attribute: "on_request", ground: groundsFor("on_request")[0]!.key } })).rejects.toThrow(/annual-report:errors\.mustBeProactive/);
    expect((await rowsOf(env))[0]).toMatchObject({ status: "in_approval", index_number: null });
    expect(await fedItems(env)).toEqual([]);
  });
});
