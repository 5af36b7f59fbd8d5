import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClockEvent, PluginRequestContext, PluginTenantContext } from "../../app/plugin-api";
import { openTestbed, pluginRequest, testCreditCode, type Testbed } from "../../app/plugin-api/testing";
import { clockId, type RequestsDatabase } from "../../plugins/requests/db/schema";
import { lapseRule } from "../../plugins/requests/law/lapses";
import { ApplicationInput } from "../../plugins/requests/server/applicant";
import { createApplication } from "../../plugins/requests/server/applications.server";
import { applicationForm } from "../../plugins/requests/tests/setup";
import type { AnnualReportDatabase } from "../../plugins/annual-report/db/schema";
import { FORMAT_2021 } from "../../plugins/annual-report/law/format-2021";
import { T3_APPLICANT_COLUMNS, T3_COLUMNS, T3_DATA_ROWS, T3_OUTCOME_ROWS, t3Key, type T3Column } from "../../plugins/annual-report/law/table-three-2021";
import { blocksSubmission, cellNames, checkReport, suspectCells, type Problem } from "../../plugins/annual-report/server/report/checks";
import { fillTables, tableValues, type Figures } from "../../plugins/annual-report/server/report/fill";
import { saveManualCells, startDraft, submitReport } from "../../plugins/annual-report/server/reports.server";
import { noteField, valueField } from "../../plugins/annual-report/server/workflow/manual-cells";
import { MANUAL } from "../../plugins/annual-report/tests/fixtures";

/*
 * Issue 17's first acceptance point: one office's year of applications, built through the requests
 * plugin's own functions and its reply clock's ledger, gives the report a table 三 equal to one
 * counted here from legal-spec §2.3's definitions alone; a table with one cell tampered is refused
 * by the identity checks, which name the cell.
 */

const YEAR = 2025;
type Applicant = Exclude<T3Column, "total">;

/** An application as the test made it: who, received when (null: online, never confirmed), closed how and when. */
interface Made {
  type: Applicant;
  receivedOn: string | null;
  closed: { row: string; on: string } | null;
}

const pad = (n: number) => String(n).padStart(2, "0");
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The year: every outcome row replied to at least once, spread unevenly over the six columns, some
 * of them received in 2024 (carried over); besides, applications still open on 31 December 2025
 * (received in 2024 or 2025, one answered only in 2026), one closed within 2024 and one never
 * confirmed, neither of which the year counts.
 */
function theYear(): Made[] {
  const made: Made[] = [];
  T3_OUTCOME_ROWS.forEach((row, j) => {
    const columns: Applicant[] = Array.from({ length: 1 + (j % 3) }, () => T3_APPLICANT_COLUMNS[j % 6]!);
    if (j % 4 === 0) columns.push(T3_APPLICANT_COLUMNS[(j * 5 + 1) % 6]!);
    columns.forEach((type, k) => {
      const n = made.length;
      // Every seventh reply answers an application of December 2024.
      const receivedOn = n % 7 === 3 ? `${YEAR - 1}-12-${pad(2 + (n % 20))}` : `${YEAR}-${pad(1 + (n % 9))}-${pad(1 + ((n * 7 + k) % 27))}`;
      // A lapse closes once its notice's period has run out: two months on.
      made.push({ type, receivedOn, closed: { row, on: addDays(receivedOn, lapseRule(row) ? 61 : 12) } });
    });
  });
  const open: [Applicant, string][] = [
    ["natural", `${YEAR}-12-15`],
    ["natural", `${YEAR}-12-29`],
    ["business", `${YEAR - 1}-12-30`],
    ["public_interest", `${YEAR}-11-28`],
    ["legal_service", `${YEAR}-12-22`],
    ["legal_service", `${YEAR - 1}-12-16`],
    ["other_org", `${YEAR}-12-30`],
  ];
  for (const [type, receivedOn] of open) made.push({ type, receivedOn, closed: null });
  made.push({ type: "research", receivedOn: `${YEAR}-12-24`, closed: { row: "disclosed", on: `${YEAR + 1}-01-09` } });
  made.push({ type: "business", receivedOn: `${YEAR - 1}-11-03`, closed: { row: "partly_disclosed", on: `${YEAR - 1}-11-20` } });
  made.push({ type: "natural", receivedOn: null, closed: null });
  return made;
}

/**
 * Table 三 of `year` by legal-spec §2.3: 一 the applications received in the year, 二 those received
 * before it and still open when it began, each outcome row those closed in the year under it,
 * （七） their sum, 四 those received by its end and still open after it; 总计 the six columns' sum.
 */
function countTableThree(made: readonly Made[], year: number): Figures {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const cells: Figures = Object.fromEntries(T3_DATA_ROWS.flatMap((row) => T3_COLUMNS.map((c) => [t3Key(row, c), 0])));
  const count = (row: string, type: Applicant) => {
    cells[t3Key(row, type)]! += 1;
    cells[t3Key(row, "total")]! += 1;
  };
  for (const a of made) {
    if (a.receivedOn === null || a.receivedOn > end) continue;
    if (a.closed && a.closed.on < start) continue;
    count(a.receivedOn >= start ? "received" : "carried_over", a.type);
    if (a.closed && a.closed.on <= end) {
      count(a.closed.row, a.type);
      count("handled_total", a.type);
    } else count("carried_forward", a.type);
  }
  return cells;
}

/** The ledger's events for an application closed as made: a lapse after its notice's pause, otherwise a reply. */
function closingEvents(a: Made): ClockEvent[] {
  if (!a.closed || !a.receivedOn) return [];
  const lapse = lapseRule(a.closed.row);
  if (lapse) return [{ kind: "pause", date: addDays(a.receivedOn, 2), reason: lapse.pause }, { kind: "stop", date: a.closed.on, reason: lapse.stop }];
  const reason = a.closed.row === "other.other" ? "withdrawn" : "replied";
  return [{ kind: "stop", date: a.closed.on, reason, note: a.closed.row }];
}

async function makeApplication(ctx: PluginTenantContext<RequestsDatabase>, a: Made): Promise<void> {
  const organisation: Record<string, string> = a.type === "natural" ? {} : { applicantType: a.type, organisation: "示范测试环保协会", creditCode: testCreditCode("361201") };
  const input = ApplicationInput.parse(applicationForm(organisation));
  await ctx.withTenant(async (trx) => {
    const created = await createApplication(ctx, trx, { input, channel: a.receivedOn ? "in_person" : "internet", ...(a.receivedOn ? { receipt: { submittedOn: a.receivedOn } } : {}) });
    if (!created.ok) throw new Error(created.error);
    for (const event of closingEvents(a)) await ctx.clocks.append(trx, clockId(created.id), event);
    if (a.closed) await trx.updateTable("requests_applications").set({ status: "closed", reply_type: a.closed.row, closed_on: a.closed.on }).where("id", "=", created.id).execute();
  });
}

let env: Testbed<AnnualReportDatabase>;
let drafter: PluginRequestContext<AnnualReportDatabase>;
const made = theYear();

/** The office's figures as the drafter's report reader gives them. */
const readFigures = async (ctx: PluginRequestContext<AnnualReportDatabase>) => (await ctx.reports.figures(YEAR)).byTenant[env.office.id] ?? {};
/** The drafter's context, its report reader changing one figure of the office's: what a wrong table would give. */
function tampering(key: string, by: number): PluginRequestContext<AnnualReportDatabase> {
  const figures: typeof drafter.reports.figures = async (year) => {
    const read = await drafter.reports.figures(year);
    const own = read.byTenant[env.office.id]!;
    return { ...read, byTenant: { ...read.byTenant, [env.office.id]: { ...own, [key]: own[key]! + by } } };
  };
  return { ...drafter, reports: { ...drafter.reports, figures } };
}

beforeAll(async () => {
  env = await openTestbed<AnnualReportDatabase>({ plugins: ["disclosure", "requests", "annual-report"] });
  await env.seed("disclosure", env.office.id);
  const requests = env.systemContext(env.office.id, "requests") as PluginTenantContext<RequestsDatabase>;
  for (const a of made) await makeApplication(requests, a);
  drafter = (await pluginRequest(env, env.member("drafter").id, `/t/${env.office.code}/admin/annual-report`)) as PluginRequestContext<AnnualReportDatabase>;
}, 120_000);
afterAll(() => env.close());

describe(`table 三 of a year of applications (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("covers every applicant column and every row, carried over and carried forward included, in every column somewhere", () => {
    const expected = countTableThree(made, YEAR);
    for (const row of T3_DATA_ROWS) expect(expected[t3Key(row, "total")], row).toBeGreaterThan(0);
    for (const column of T3_APPLICANT_COLUMNS) {
      expect(expected[t3Key("received", column)], column).toBeGreaterThan(0);
      expect(expected[t3Key("handled_total", column)], column).toBeGreaterThan(0);
    }
    expect(T3_APPLICANT_COLUMNS.filter((c) => expected[t3Key("carried_over", c)]! > 0).length).toBeGreaterThanOrEqual(3);
    expect(T3_APPLICANT_COLUMNS.filter((c) => expected[t3Key("carried_forward", c)]! > 0).length).toBeGreaterThanOrEqual(4);
    // Uneven: the columns' totals are not all alike.
    expect(new Set(T3_APPLICANT_COLUMNS.map((c) => expected[t3Key("handled_total", c)])).size).toBeGreaterThan(2);
  });

  it("is, cell by cell, the table counted here from legal-spec §2.3, and the report passes every check", async () => {
    const expected = countTableThree(made, YEAR);
    const tables = fillTables(FORMAT_2021, await readFigures(drafter), MANUAL);
    const values = tableValues(tables);
    const names = cellNames(tables);
    for (const row of T3_DATA_ROWS) for (const column of T3_COLUMNS) expect(values[t3Key(row, column)], names.get(t3Key(row, column))).toBe(expected[t3Key(row, column)]);
    expect(checkReport(FORMAT_2021, tables)).toEqual([]);
  });

  it("counts 2024 by the same rules: its carried-forward applications are 2025's carried-over ones", async () => {
    const last = countTableThree(made, YEAR - 1);
    const read = (await drafter.reports.figures(YEAR - 1)).byTenant[env.office.id]!;
    for (const row of T3_DATA_ROWS) for (const column of T3_COLUMNS) expect(read[t3Key(row, column)], t3Key(row, column)).toBe(last[t3Key(row, column)]);
    const current = countTableThree(made, YEAR);
    for (const column of T3_COLUMNS) expect(current[t3Key("carried_over", column)]).toBe(last[t3Key("carried_forward", column)]);
  });

  it("with one cell tampered, fails the checks that cell enters, each naming it by its row and column", async () => {
    const key = t3Key("partly_disclosed", "business");
    const figures = await readFigures(drafter);
    const tables = fillTables(FORMAT_2021, { ...figures, [key]: figures[key]! + 1 }, MANUAL);
    const problems = checkReport(FORMAT_2021, tables);
    expect(blocksSubmission(problems)).toBe(true);
    // An outcome cell is in its column's （七） and its row's 总计, not in 一 + 二 = （七） + 四.
    expect(problems.map((p) => p.rule).sort()).toEqual(["t3.results_total", "t3.row_total"]);
    for (const p of problems) expect(p.cells.map((c) => c.key)).toContain(key);
    const name = cellNames(tables).get(key)!;
    expect(name).toContain("（二）部分公开");
    expect(name).toContain("商业企业");
    expect(suspectCells(problems)).toEqual([{ key, name }]);
    for (const p of problems) expect(p.text).toContain(name);
  });

  it("refuses to submit the draft while the reader's figures are tampered, naming the cell, and submits it on the real ones", async () => {
    const key = t3Key("withheld.administrative_query", "research");
    expect((await startDraft(drafter, YEAR)).ok).toBe(true);
    const form = new FormData();
    for (const [cell, entered] of Object.entries(MANUAL)) {
      form.append(valueField(cell), String(entered.value));
      form.append(noteField(cell), entered.note);
    }
    expect((await saveManualCells(drafter, YEAR, form)).ok).toBe(true);

    const refused = await submitReport(tampering(key, 1), YEAR);
    expect(refused).toMatchObject({ ok: false, error: "annual-report:errors.checksFailed" });
    const problems = (refused as { problems: Problem[] }).problems;
    expect(blocksSubmission(problems)).toBe(true);
    const [suspect] = suspectCells(problems);
    expect(suspect?.key).toBe(key);
    expect(suspect?.name).toContain("8.属于行政查询事项");
    expect(suspect?.name).toContain("科研机构");

    expect(await submitReport(drafter, YEAR)).toMatchObject({ ok: true, warnings: [] });
  });
});
