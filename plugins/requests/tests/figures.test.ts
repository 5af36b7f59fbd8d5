import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { PluginRequestContext, ReportBatchContext } from "../../../app/plugin-api";
import { pluginRequest, reportContext, testCreditCode } from "../../../app/plugin-api/testing";
import { seedOf } from "../data/random";
import { clockId, type AppealKind, type AppealOutcome } from "../db/schema";
import { TABLE_THREE_COLUMNS, type ApplicantType } from "../law/applicants";
import { replyTypes } from "../law/reply-types";
import { appealTarget, checkTableFour } from "../law/table-four";
import { checkTableThree, dataRows } from "../law/table-three";
import manifest from "../manifest";
import { ApplicationInput } from "../server/applicant";
import { createApplication } from "../server/applications.server";
import type { RequestsTransaction } from "../server/context";
import { REPORT_LOCALES, reportLocaleText } from "../server/figures/labels";
import { reportTables, tableFour, tableThree, type TableFourFigures, type TableThreeFigures } from "../server/figures/tables.server";
import { seedDemoRequests } from "../server/seed.server";
import { applicationForm, openRequests, staffPath, type RequestsEnv } from "./setup";

let env: RequestsEnv;
const TODAY = "2026-11-23";
const DONGHU = { branch: true, area: "东湖区", prefix: "示环东", seed: seedOf("demo-donghu") };

/** Table 三 with every cell 0 except those given: { row: { column: n } } (the 总计 column is summed here). */
function tableThreeOf(cells: Partial<Record<string, Partial<Record<ApplicantType, number>>>>): TableThreeFigures {
  const table = Object.fromEntries(dataRows("2021").map((row) => [row, Object.fromEntries(TABLE_THREE_COLUMNS.map((c) => [c, 0]))])) as TableThreeFigures;
  for (const [row, byType] of Object.entries(cells)) {
    for (const [type, n] of Object.entries(byType!)) {
      table[row as keyof TableThreeFigures][type as ApplicantType] = n;
      table[row as keyof TableThreeFigures].total += n;
    }
  }
  return table;
}

function tableFourOf(cells: Partial<Record<AppealKind, Partial<Record<AppealOutcome, number>>>>): TableFourFigures {
  const table = { review: {}, direct_suit: {}, suit_after_review: {} } as TableFourFigures;
  for (const group of ["review", "direct_suit", "suit_after_review"] as const) {
    const g = cells[group] ?? {};
    table[group] = { upheld: g.upheld ?? 0, corrected: g.corrected ?? 0, other: g.other ?? 0, pending: g.pending ?? 0, total: 0 };
    table[group].total = table[group].upheld + table[group].corrected + table[group].other + table[group].pending;
  }
  return table;
}

describe("table 三 and 四 of a small, hand-built year", () => {
  let officeId: string;
  const read = <T>(fn: (trx: RequestsTransaction) => Promise<T>) => env.systemContext(officeId).withTenant(fn);

  beforeAll(async () => {
    env ??= await openRequests();
    officeId = env.tree.offices[1]!.id;
    const ctx = env.systemContext(officeId);
    await ctx.withTenant(async (trx) => {
      /** An application of `type` received on `receivedOn` (null: online, not yet confirmed), closed as given. */
      async function application(type: ApplicantType, receivedOn: string | null, closed?: { on: string; as: string }) {
        const organisation: Record<string, string> = type === "natural" ? {} : { applicantType: type, organisation: "示范测试环保协会", creditCode: testCreditCode("361201") };
        const input = ApplicationInput.parse(applicationForm(organisation));
        const created = await createApplication(ctx, trx, { input, channel: receivedOn ? "in_person" : "internet", ...(receivedOn ? { receipt: { submittedOn: receivedOn } } : {}) });
        if (!created.ok) throw new Error(created.error);
        if (closed) await trx.updateTable("requests_applications").set({ status: "closed", reply_type: closed.as, closed_on: closed.on }).where("id", "=", created.id).execute();
        return created.id;
      }
      const appeal = (applicationId: string, kind: AppealKind, filedOn: string, outcome: AppealOutcome, decidedOn: string | null) =>
        trx.insertInto("requests_appeals").values({ tenant_id: officeId, application_id: applicationId, kind, body: "不服答复", filed_on: filedOn, outcome, decided_on: decidedOn }).execute();

      await application("natural", "2025-11-10", { on: "2025-12-01", as: "disclosed" });
      const a2 = await application("natural", "2025-12-15", { on: "2026-01-08", as: "partly_disclosed" });
      await application("business", "2025-12-31");
      const a4 = await application("research", "2026-03-02", { on: "2026-03-20", as: "withheld.third_party" });
      await application("natural", "2026-11-20");
      const a6 = await application("legal_service", "2026-06-01", { on: "2026-06-30", as: "other.fee_unpaid" });
      await application("natural", null);
      const a8 = await application("other_org", "2026-02-02", { on: "2026-02-03", as: "not_processed.petition" });
      await application("public_interest", "2026-01-05", { on: "2026-12-31", as: "disclosed" });

      await appeal(a4, "review", "2026-04-10", "upheld", "2026-05-20");
      await appeal(a4, "direct_suit", "2026-05-01", "pending", null);
      await appeal(a6, "suit_after_review", "2026-07-01", "corrected", "2027-01-15");
      await appeal(a2, "review", "2025-12-20", "corrected", "2026-02-01");
      await appeal(a8, "review", "2026-03-01", "other", "2026-04-01");
    });
  }, 60_000);

  it("counts 2026: received, carried over from 2025, replies by type and applicant, and what goes on into 2027", async () => {
    const three = await read((trx) => tableThree(trx, [officeId], 2026));
    expect(three).toEqual(
      tableThreeOf({
        received: { natural: 1, research: 1, legal_service: 1, other_org: 1, public_interest: 1 },
        carried_over: { natural: 1, business: 1 },
        disclosed: { public_interest: 1 },
        partly_disclosed: { natural: 1 },
        "withheld.third_party": { research: 1 },
        "not_processed.petition": { other_org: 1 },
        "other.fee_unpaid": { legal_service: 1 },
        handled_total: { natural: 1, research: 1, legal_service: 1, other_org: 1, public_interest: 1 },
        carried_forward: { natural: 1, business: 1 },
      }),
    );
    expect(checkTableThree(three)).toEqual([]);
  });

  it("counts 2025, whose carried-forward applications are 2026's carried-over ones", async () => {
    const [last, current] = await read(async (trx) => [await tableThree(trx, [officeId], 2025), await tableThree(trx, [officeId], 2026)]);
    expect(last).toEqual(
      tableThreeOf({
        received: { natural: 2, business: 1 },
        disclosed: { natural: 1 },
        handled_total: { natural: 1 },
        carried_forward: { natural: 1, business: 1 },
      }),
    );
    expect(checkTableThree(current, { lastYear: last })).toEqual([]);
  });

  it("counts appeals filed in the year with their outcome at its end (decided later: pending), and those of earlier years decided in it with their result", async () => {
    const [y2026, y2025] = await read(async (trx) => [await tableFour(trx, [officeId], 2026), await tableFour(trx, [officeId], 2025)]);
    // a2's review, filed 2025-12-20 and decided (corrected) 2026-02-01: pending in 2025, corrected in 2026.
    expect(y2026).toEqual(tableFourOf({ review: { upheld: 1, corrected: 1, other: 1 }, direct_suit: { pending: 1 }, suit_after_review: { pending: 1 } }));
    expect(y2025).toEqual(tableFourOf({ review: { pending: 1 } }));
    expect(checkTableFour(y2026)).toEqual([]);
  });
});

describe("table 三 and 四 of the demo year", () => {
  let officeId: string;
  let cityId: string;
  const tables = (ids: string[], year: number) =>
    reportContext(env, { pluginId: "requests", key: "requests.t3" }, env.users.supervisor.id, ids).withRead(ids, (trx) => reportTables(trx, ids, year));

  beforeAll(async () => {
    env ??= await openRequests();
    officeId = env.office.id;
    cityId = env.tree.city.id;
    // Test offices are not named like the demo's: seed them as the demo's Donghu office and city bureau.
    await seedDemoRequests(env.systemContext(officeId), TODAY, DONGHU);
    await seedDemoRequests(env.systemContext(cityId), TODAY, { branch: false, area: "示范市", prefix: "示环", seed: seedOf("demo-city") });
  }, 60_000);

  it("satisfies every identity of tables 三 and 四 in 2025 and 2026, for an office and for the city", async () => {
    for (const id of [officeId, cityId]) {
      const last = await tables([id], 2025);
      const current = await tables([id], 2026);
      expect(last.three.received.total).toBeGreaterThan(0);
      expect(current.three.carried_over.total).toBeGreaterThan(0);
      expect(current.three.carried_forward.total).toBeGreaterThan(0);
      expect(checkTableThree(last.three)).toEqual([]);
      expect(checkTableThree(current.three, { lastYear: last.three })).toEqual([]);
      expect(checkTableFour(last.four)).toEqual([]);
      expect(checkTableFour(current.four)).toEqual([]);
      expect(current.four.review.total + current.four.direct_suit.total + current.four.suit_after_review.total).toBeGreaterThan(0);
    }
  });

  it("records only appeals the rules admit: against a reply or 逾期不答复, a 复议后起诉 after its 复议", async () => {
    const ctx = env.systemContext(officeId);
    const targets = await ctx.withTenant(async (trx) => {
      const appeals = await trx
        .selectFrom("requests_appeals as p")
        .innerJoin("requests_applications as a", "a.id", "p.application_id")
        .select(["p.application_id", "p.kind", "p.filed_on", "p.decided_on", "a.closed_on"])
        .execute();
      const out: string[] = [];
      for (const p of appeals) {
        const clock = await ctx.clocks.status(trx, clockId(p.application_id), TODAY);
        const target = appealTarget(p.filed_on, { closedOn: p.closed_on, dueDate: clock?.dueDate ?? null });
        expect(target, `${p.kind} filed ${p.filed_on}`).not.toBeNull();
        if (p.kind === "suit_after_review")
          expect(appeals.some((r) => r.application_id === p.application_id && r.kind === "review" && r.filed_on <= p.filed_on && (!r.decided_on || r.decided_on <= p.filed_on))).toBe(true);
        out.push(target!);
      }
      return out;
    });
    expect(targets).toContain("reply");
    expect(targets).toContain("no_reply");
  });

  it("has a reply of every type in a branch office's 2026", async () => {
    const { three } = await tables([officeId], 2026);
    const empty = replyTypes("2021").filter((r) => three[r.key].total === 0).map((r) => r.key);
    expect(empty).toEqual([]);
  });

  it("consolidates: the city's table with its offices is the cell-by-cell sum of theirs", async () => {
    const ids = [cityId, ...env.tree.offices.map((o) => o.id)];
    const together = await tables(ids, 2026);
    const apart = await Promise.all(ids.map((id) => tables([id], 2026)));
    for (const row of dataRows("2021"))
      for (const column of TABLE_THREE_COLUMNS) expect(together.three[row][column]).toBe(apart.reduce((s, t) => s + t.three[row][column], 0));
    expect(together.four.review.total).toBe(apart.reduce((s, t) => s + t.four.review.total, 0));
  });
});

describe("the report figures of the manifest", () => {
  function staffContext(): Promise<PluginRequestContext> {
    return pluginRequest(env, env.users.officer.id, staffPath(env));
  }

  beforeAll(async () => {
    env ??= await openRequests();
    await seedDemoRequests(env.systemContext(env.office.id), TODAY, DONGHU);
  }, 60_000);

  it("give every data cell of both tables, as the office's staff read them through ctx.reports", async () => {
    const ctx = await staffContext();
    const expected = await ctx.withTenant((trx) => reportTables(trx, [env.office.id], 2026));
    const sections = manifest.reportFigures ?? [];
    expect(sections.map((s) => s.key)).toEqual(["requests.t3", "requests.t4", "requests.facts"]);
    expect(sections.slice(0, 2).flatMap((s) => s.figures)).toHaveLength(dataRows("2021").length * TABLE_THREE_COLUMNS.length + 15);
    const read = await ctx.reports.figures(2026);
    expect(Object.keys(read.byTenant)).toEqual([env.office.id]);
    const values = read.byTenant[env.office.id]!;
    expect(read.sections.filter((s) => s.pluginId === "requests").map((s) => s.label)).toEqual(["requests:sections.t3", "requests:sections.t4", "requests:facts.section"]);
    expect(values["requests.t3.received.total"]).toBe(expected.three.received.total);
    expect(values["requests.t3.withheld.third_party.business"]).toBe(expected.three["withheld.third_party"].business);
    expect(values["requests.t3.carried_forward.natural"]).toBe(expected.three.carried_forward.natural);
    expect(values["requests.t4.review.pending"]).toBe(expected.four.review.pending);
    for (const row of dataRows("2021")) for (const column of TABLE_THREE_COLUMNS) expect(values[`requests.t3.${row}.${column}`]).toBe(expected.three[row][column]);
  });

  it("compute each table in one read for many offices, each office's figures its own table's", async () => {
    const ids = [env.office.id, ...env.tree.offices.map((o) => o.id).filter((id) => id !== env.office.id)];
    let reads = 0;
    const host = reportContext(env, { pluginId: "requests", key: "requests.t3" }, env.users.officer.id, ids);
    const batch: ReportBatchContext = { ...host, withRead: (asked, fn) => (reads++, host.withRead(asked, fn)) };
    const sections = manifest.reportFigures ?? [];
    const computed = await Promise.all(sections.map((s) => s.compute(batch, ids, 2026)));
    expect(reads).toBe(sections.length);
    for (const id of ids) {
      const own = await env.systemContext(id).withTenant((trx) => reportTables(trx, [id], 2026));
      const t3 = computed[0]!.get(id)!;
      const t4 = computed[1]!.get(id)!;
      for (const row of dataRows("2021")) for (const column of TABLE_THREE_COLUMNS) expect(t3[`requests.t3.${row}.${column}`]).toBe(own.three[row][column]);
      for (const f of sections[1]!.figures) expect(t4[f.key]).toBe(own.four[f.key.split(".")[2] as "review"][f.key.split(".")[3] as "total"]);
    }
    expect(computed[0]!.get(env.office.id)!["requests.t3.received.total"]).toBeGreaterThan(0);
  });

  it("are labelled with the table's printed wording, and report.json is what the law data generates", () => {
    const zh = JSON.parse(readFileSync(new URL("../locales/zh-CN/report.json", import.meta.url), "utf8"));
    expect(zh.figures.t3.withheld.security_stability.business).toBe('三、本年度办理结果 / （三）不予公开 / 3.危及"三安全一稳定" / 法人或其他组织 / 商业企业');
    expect(zh.figures.t3.carried_over.total).toBe("二、上年结转政府信息公开申请数量 / 总计");
    expect(zh.figures.t3.other.no_supplement.natural).toBe("三、本年度办理结果 / （六）其他处理 / 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 / 自然人");
    expect(zh.figures.t4.suit_after_review.pending).toBe("行政诉讼 / 复议后起诉 / 尚未审结");
    for (const locale of REPORT_LOCALES) {
      // Regenerate with `npx tsx plugins/requests/server/figures/write-locales.ts`.
      expect(readFileSync(new URL(`../locales/${locale}/report.json`, import.meta.url), "utf8")).toBe(reportLocaleText(locale));
    }
  });
});
