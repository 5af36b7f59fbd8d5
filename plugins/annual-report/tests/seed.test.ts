import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaYear } from "../../../app/plugin-api";
import { documentOf, load, openTestbed, type Testbed } from "../../../app/plugin-api/testing";
import { loader as yearLoader } from "../routes/admin/year";
import type { YearView } from "../routes/admin/_parts/year-view.server";
import type { AnnualReportDatabase } from "../db/schema";
import { reportStatuses } from "../server/status.server";

/*
 * The demo seed takes last year's report through the office's real chain — drafted by its drafter,
 * approved step by step with written opinions and 保密审查, numbered and put in the catalogue in
 * January — and leaves this year's in drafting; run again, it changes nothing.
 */

const YEAR = chinaYear();
let env: Testbed<AnnualReportDatabase>;

const rows = () =>
  env.systemContext(env.office.id).withTenant((trx) => trx.selectFrom("annual_report_reports").selectAll().where("tenant_id", "=", env.office.id).orderBy("year").execute());

beforeAll(async () => {
  env = await openTestbed<AnnualReportDatabase>({ plugins: ["disclosure", "requests", "annual-report"], demo: true, offices: 1 });
  for (const plugin of ["disclosure", "requests", "annual-report"]) await env.seed(plugin, env.office.id);
}, 120_000);
afterAll(() => env.close());

describe("the annual report's demo seed", () => {
  it("publishes last year's report through the chain in January and starts this year's", async () => {
    const [last, current] = await rows();
    expect(last).toMatchObject({ year: YEAR - 1, version: 1, status: "published" });
    expect(last!.published_on! <= `${YEAR}-01-31`).toBe(true);
    expect(last!.index_number).toMatch(new RegExp(`${YEAR}`));
    expect(Object.keys(last!.manual_cells)).toHaveLength(4);
    expect(current).toMatchObject({ year: YEAR, version: 1, status: "drafting" });
    expect(Object.keys(current!.manual_cells)).toHaveLength(2);

    const doc = await documentOf(env, last!.document_id!);
    // Approved by the chain; the 索引号 is the catalogue item's, which the approval published.
    expect(doc.status).toBe("approved");
    const decisions = await env.readAs(env.member("leader").id, [env.office.id], (trx) =>
      trx.selectFrom("workflow_decisions").select(["action", "comment", "actor_id", "at"]).where("document_id", "=", doc.id).orderBy("seq").execute(),
    );
    expect(decisions[0]).toMatchObject({ action: "submit", actor_id: env.member("drafter").id });
    const approvals = decisions.filter((d) => d.action === "approve");
    expect(approvals.length).toBeGreaterThanOrEqual(2);
    expect(approvals.at(-1)!.comment).toBe("同意。");
    expect(approvals.some((a) => a.actor_id === env.member("classifier").id && a.comment?.includes("保密审查"))).toBe(true);
    for (const d of decisions) expect(d.at.getTime()).toBeLessThan(Date.UTC(YEAR, 0, 31));
  });

  it("puts the report in the catalogue under 年度报告 with the same 索引号, and its year counts as published on time", async () => {
    const [last] = await rows();
    const item = await env.systemContext(env.office.id, "disclosure").withTenant((trx) =>
      trx.selectFrom("disclosure_items" as never).select(["index_number", "category_key", "published_on"] as never).where("tenant_id" as never, "=", env.office.id as never).where("index_number" as never, "=", last!.index_number as never).executeTakeFirst(),
    );
    expect(item).toMatchObject({ category_key: "annual-report", published_on: last!.published_on });
    const statuses = await env.systemContext(env.office.id).withTenant((trx) =>
      reportStatuses(trx, [env.office.id], YEAR - 1, { asOf: `${YEAR}-12-01`, calendar: env.context.services.calendar.calendar }),
    );
    expect(statuses.get(env.office.id)).toMatchObject({ state: "published", publishedLate: false });
  });

  it("leaves this year's draft with no paragraph flagged as stale, following up last year's problems, not its follow-up", async () => {
    const path = `/t/${env.office.code}/admin/annual-report/${YEAR}`;
    const { view } = await load<{ view: YearView }>(env, yearLoader, env.member("drafter").id, path, { tenant: env.office.code, year: String(YEAR) });
    expect(view.stale).toEqual([]);
    const followUp = view.narrative.find((s) => s.key === "problems")!.parts[0]!.paragraphs.map((p) => p.text);
    expect(followUp.some((t) => t.includes("部分栏目更新频次不够均衡"))).toBe(true);
    expect(followUp.some((t) => t.includes("上年度报告所列问题已按计划整改"))).toBe(false);
  });

  it("changes nothing when run again", async () => {
    const before = await rows();
    await env.seed("annual-report", env.office.id);
    expect(await rows()).toEqual(before);
  });
});
