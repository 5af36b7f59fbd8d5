import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaYear, type PluginRequestContext } from "../../../app/plugin-api";
import { inboxSections, openTestbed, pluginRequest, type Testbed } from "../../../app/plugin-api/testing";
import type { AnnualReportDatabase } from "../db/schema";
import type { ReportsContext } from "../server/context";
import { reportsDue } from "../server/inbox.server";
import { startDraft } from "../server/reports.server";

/* The drafter's 收件箱: the report due by the coming 31 January from December, due soon in January, late after it. */

const Y = chinaYear();
let env: Testbed<AnnualReportDatabase>;
let drafter: ReportsContext;

beforeAll(async () => {
  env = await openTestbed<AnnualReportDatabase>({ plugins: ["disclosure", "annual-report"], offices: 1 });
  await env.seed("disclosure", env.office.id);
  drafter = (await pluginRequest(env, env.member("drafter").id, `/t/${env.office.code}/admin/annual-report`, { tenant: env.office.code })) as PluginRequestContext<AnnualReportDatabase>;
});
afterAll(() => env.close());

const seen = async (today: string) => (await reportsDue(drafter, today)).map((e) => [e.to, e.urgency, e.note, e.dueDate]);

describe("the annual report in the drafter's 收件箱", () => {
  it("lists nothing of this year before December, and last year's as late once 31 January has passed", async () => {
    expect(await seen(`${Y}-06-01`)).toEqual([[String(Y - 1), "overdue", "逾期未公开", `${Y}-01-31`]]);
  });

  it("lists this year's report from December, and last year's in January as due soon with where it stands", async () => {
    expect(await seen(`${Y}-12-07`)).toEqual([
      [String(Y - 1), "overdue", "逾期未公开", `${Y}-01-31`],
      [String(Y), null, "未开始", `${Y + 1}-01-31`],
    ]);
    const started = await startDraft(drafter, Y - 1);
    expect(started.ok).toBe(true);
    expect(await seen(`${Y}-01-20`)).toEqual([[String(Y - 1), "due_soon", "起草中", `${Y}-01-31`]]);
  });

  it("is a section of the drafter's 收件箱 only", async () => {
    const sections = async (role: string) => (await inboxSections(env, env.member(role).id)).map((s) => s.key);
    expect(await sections("drafter")).toContain("annual-report.due");
    expect(await sections("leader")).not.toContain("annual-report.due");
  });
});
