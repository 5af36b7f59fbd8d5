import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDate } from "../../../app/plugin-api";
import type { AppealKind, AppealOutcome } from "../db/schema";
import { checkTableFour, TABLE_FOUR_COUNTING } from "../law/table-four";
import { locales } from "../locales";
import { action as applicationAction, loader as applicationLoader } from "../routes/admin/application";
import { ApplicationInput } from "../server/applicant";
import { createApplication } from "../server/applications.server";
import type { RequestsTenantContext, RequestsTransaction } from "../server/context";
import { tableFour } from "../server/figures/tables.server";
import { applicationForm, load, openRequests, post, staffPath, type RequestsEnv } from "./setup";

/**
 * Table 四's data: a 复议 or 诉讼 may be against the reply or against 逾期不答复 (条例第五十一条), a
 * 复议后起诉 needs its earlier 复议, and a case is counted in the year filed (pending if undecided by
 * 31 December) and again with its result in the later year it is decided (law/table-four.ts).
 */

let env: RequestsEnv;
let ctx: RequestsTenantContext;
const today = chinaDate();

beforeAll(async () => {
  env = await openRequests();
  ctx = env.systemContext(env.office.id);
});
afterAll(() => env.handle.close());

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const appPath = (id: string) => staffPath(env, `/applications/${id}`);
const view = (id: string) => load<Awaited<ReturnType<typeof applicationLoader>>>(env, applicationLoader, env.users.officer.id, appPath(id), { id });
const record = (id: string, kind: AppealKind, filedOn: string) =>
  post(env, applicationAction, env.users.officer.id, appPath(id), { intent: "appeal.record", kind, body: "示范市人民政府", filedOn }, { id });

async function received(on: string) {
  const created = await ctx.withTenant((trx) => createApplication(ctx, trx, { input: ApplicationInput.parse(applicationForm()), channel: "in_person", receipt: { submittedOn: on } }));
  if (!created.ok) throw new Error(created.error);
  return created.id;
}

const appealsOf = (id: string) => ctx.withTenant((trx) => trx.selectFrom("requests_appeals").select(["kind", "filed_on"]).where("application_id", "=", id).orderBy("filed_on").execute());

describe(`appeals against 逾期不答复 (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("a review of an overdue, unanswered application is recorded; one filed before its due date is refused", async () => {
    const id = await received(addDays(today, -70));
    const v = await view(id);
    expect(v.clock?.state).toBe("overdue");
    expect(v.can.appeals).toBe(true);
    const due = v.clock!.dueDate!;

    const early = await record(id, "review", due);
    expect(early.status).toBe(400);
    expect(early.data).toMatchObject({ field: "filedOn", error: "requests:errors.appealNotOpen" });

    const r = await record(id, "review", addDays(due, 1));
    expect(r.status, JSON.stringify(r.data)).toBe(200);
    expect(await appealsOf(id)).toEqual([{ kind: "review", filed_on: addDays(due, 1) }]);
  });

  it("an application still within its period has nothing to appeal yet", async () => {
    const id = await received(today);
    expect((await view(id)).can.appeals).toBe(false);
    const r = await record(id, "direct_suit", today);
    expect(r.status).toBe(400);
    expect(r.data).toMatchObject({ field: "filedOn", error: "requests:errors.appealNotOpen" });
    expect(await appealsOf(id)).toEqual([]);
  });

  it("a 复议后起诉 needs the application's earlier 复议, filed and decided no later than the suit", async () => {
    const id = await received(addDays(today, -90));
    const due = (await view(id)).clock!.dueDate!;
    const suitOn = addDays(due, 30);
    const refused = await record(id, "suit_after_review", suitOn);
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({ field: "kind", error: "requests:errors.appealNeedsReview" });

    // A review filed after the suit is no earlier review.
    expect((await record(id, "review", addDays(suitOn, 1))).status).toBe(200);
    expect((await record(id, "suit_after_review", suitOn)).data).toMatchObject({ error: "requests:errors.appealNeedsReview" });

    expect((await record(id, "review", addDays(due, 2))).status).toBe(200);
    const r = await record(id, "suit_after_review", suitOn);
    expect(r.status, JSON.stringify(r.data)).toBe(200);
    expect((await appealsOf(id)).map((a) => a.kind)).toEqual(["review", "suit_after_review", "review"]);
  });
});

describe(`a refused appeal form says every fault at once (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  const appealsCount = async (id: string) => (await appealsOf(id)).length;
  const send = (id: string, form: Record<string, string>) => post(env, applicationAction, env.users.officer.id, appPath(id), form, { id });
  type Refused = { ok: false; field: string; error: string; errors: Record<string, string[]> };

  it("records nothing and names each field's fault, the date's check against the application among them", async () => {
    const id = await received(addDays(today, -70));
    const due = (await view(id)).clock!.dueDate!;
    const bad = await send(id, { intent: "appeal.record", kind: "appeal", body: "", filedOn: due });
    expect(bad.status).toBe(400);
    expect((bad.data as Refused).errors).toEqual({
      kind: ["requests:errors.appealKind"],
      body: ["requests:errors.appealBodyRequired"],
      filedOn: ["requests:errors.appealNotOpen"],
    });
    // The first fault is still named on its own, for callers that show one.
    expect(bad.data).toMatchObject({ ok: false, intent: "appeal.record", field: "kind", error: "requests:errors.appealKind" });

    const suit = await send(id, { intent: "appeal.record", kind: "suit_after_review", body: "示范\u0000法院", filedOn: addDays(today, 1) });
    expect((suit.data as Refused).errors).toEqual({
      kind: ["requests:errors.appealNeedsReview"],
      filedOn: ["requests:errors.dateInFuture"],
      body: ["errors.text.control"],
    });
    expect(await appealsCount(id)).toBe(0);
  });

  it("decides nothing and names the outcome's and the date's faults together", async () => {
    const id = await received(addDays(today, -70));
    const due = (await view(id)).clock!.dueDate!;
    const filedOn = addDays(due, 2);
    expect((await record(id, "review", filedOn)).status).toBe(200);
    const appealId = (await view(id)).appeals[0]!.id;
    const bad = await send(id, { intent: "appeal.decide", appealId, outcome: "won", decidedOn: addDays(filedOn, -1) });
    expect(bad.status).toBe(400);
    expect((bad.data as Refused).errors).toEqual({ outcome: ["requests:errors.appealOutcome"], decidedOn: ["requests:errors.decidedBeforeFiled"] });
    expect((await view(id)).appeals[0]!.outcome).toBe("pending");
  });
});

describe("table 四 across years", () => {
  let officeId: string;
  const read = <T>(fn: (trx: RequestsTransaction) => Promise<T>) => env.systemContext(officeId).withTenant(fn);

  beforeAll(async () => {
    officeId = env.tree.offices[1]!.id;
    const office = env.systemContext(officeId);
    await office.withTenant(async (trx) => {
      const created = await createApplication(office, trx, { input: ApplicationInput.parse(applicationForm()), channel: "in_person", receipt: { submittedOn: "2024-03-01" } });
      if (!created.ok) throw new Error(created.error);
      await trx.updateTable("requests_applications").set({ status: "closed", reply_type: "withheld.third_party", closed_on: "2024-03-20" }).where("id", "=", created.id).execute();
      const appeal = (kind: AppealKind, filedOn: string, outcome: AppealOutcome, decidedOn: string | null) =>
        trx.insertInto("requests_appeals").values({ tenant_id: officeId, application_id: created.id, kind, body: "不服答复", filed_on: filedOn, outcome, decided_on: decidedOn }).execute();
      await appeal("review", "2024-04-10", "upheld", "2024-06-01"); // filed and decided in 2024
      await appeal("direct_suit", "2024-09-01", "corrected", "2025-03-15"); // pending in 2024, corrected in 2025
      await appeal("suit_after_review", "2024-07-01", "other", "2026-02-01"); // pending in 2024, nothing in 2025, other in 2026
      await appeal("review", "2025-12-30", "pending", null); // pending in 2025, still pending: not repeated later
    });
  });

  it("counts a case in the year filed, pending until decided, and with its result in the later year of its decision", async () => {
    const [y2024, y2025, y2026] = await read(async (trx) => [await tableFour(trx, [officeId], 2024), await tableFour(trx, [officeId], 2025), await tableFour(trx, [officeId], 2026)]);
    expect(y2024.review).toMatchObject({ upheld: 1, pending: 0, total: 1 });
    expect(y2024.direct_suit).toMatchObject({ corrected: 0, pending: 1, total: 1 });
    expect(y2024.suit_after_review).toMatchObject({ other: 0, pending: 1, total: 1 });

    expect(y2025.review).toMatchObject({ upheld: 0, pending: 1, total: 1 });
    expect(y2025.direct_suit).toMatchObject({ corrected: 1, pending: 0, total: 1 });
    expect(y2025.suit_after_review).toMatchObject({ pending: 0, total: 0 });

    expect(y2026.review).toMatchObject({ pending: 0, total: 0 });
    expect(y2026.direct_suit).toMatchObject({ total: 0 });
    expect(y2026.suit_after_review).toMatchObject({ other: 1, pending: 0, total: 1 });
    for (const y of [y2024, y2025, y2026]) expect(checkTableFour(y)).toEqual([]);
  });

  it("is said beside each figure of the table, in every language", () => {
    const figures = env.registry.get("requests")!.manifest.reportFigures.flatMap((s) => s.figures).filter((f) => f.key.startsWith("requests.t4."));
    expect(figures).toHaveLength(15);
    for (const f of figures) expect(f.description).toBe("requests:figures.t4.counting");
    for (const locale of ["zh-CN", "zh-TW", "en"] as const) expect(locales[locale].figures.t4.counting).toBe(TABLE_FOUR_COUNTING[locale]);
  });
});
