import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDate, type ClockEvent, type PluginTenantContext } from "../../../app/plugin-api";
import { clockId, type ApplicationStatus } from "../db/schema";
import { action as applicationAction, loader as applicationLoader } from "../routes/admin/application";
import { action as noticeAction, loader as noticeLoader } from "../routes/admin/notice";
import { ApplicationInput } from "../server/applicant";
import { createApplication } from "../server/applications.server";
import { applicationForm, load, openRequests, post, staffPath, statusOf, type RequestsEnv } from "./setup";

/**
 * （六）1 逾期不补正 and （六）2 逾期未缴费 follow from the reply clock's ledger (law/lapses.ts): the
 * close-offs and a reply of those rows are open only once the notice was sent and its period ran out
 * unanswered, and a date the ledger refuses is a localised error on its field, never a 500.
 * Scenarios are dated relative to today, since the ledger refuses events in the future.
 */

let env: RequestsEnv;
let ctx: PluginTenantContext;
const today = chinaDate();

beforeAll(async () => {
  env = await openRequests();
  ctx = env.systemContext(env.office.id);
});
afterAll(() => env.handle.close());

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const workdays = (date: string, n: number) => ctx.calendar.addWorkdays(date, n).value;
const appPath = (id: string, sub = "") => staffPath(env, `/applications/${id}${sub}`);
const view = (id: string) => load<Awaited<ReturnType<typeof applicationLoader>>>(env, applicationLoader, env.users.officer.id, appPath(id), { id });
const step = (id: string, fields: Record<string, string>) => post(env, applicationAction, env.users.officer.id, appPath(id), fields, { id });
const draftReply = (id: string, fields: Record<string, string>) =>
  post<{ errors: Record<string, string[]> }>(env, noticeAction, env.users.officer.id, appPath(id, "/notices/reply"), { intent: "submit", title: "", body: "", ...fields }, { id, kind: "reply" });

/** An application received on `receivedOn` whose ledger then holds `events`, left in `status` with the row's dates as given. */
async function application(receivedOn: string, events: ClockEvent[], row: { status: ApplicationStatus; supplement_due?: string; fee_fen?: number; fee_due?: string }) {
  const created = await ctx.withTenant((trx) =>
    createApplication(ctx, trx, { input: ApplicationInput.parse(applicationForm()), channel: "in_person", receipt: { submittedOn: receivedOn } }),
  );
  if (!created.ok) throw new Error(created.error);
  for (const e of events) await ctx.withTenant((trx) => ctx.clocks.append(trx, clockId(created.id), e));
  await ctx.withTenant((trx) => trx.updateTable("requests_applications").set(row).where("id", "=", created.id).execute());
  return created.id;
}

const stored = (id: string) =>
  ctx.withTenant(async (trx) => ({
    row: await trx.selectFrom("requests_applications").select(["status", "reply_type", "closed_on"]).where("id", "=", id).executeTakeFirstOrThrow(),
    events: await ctx.clocks.events(trx, clockId(id)),
    notices: await trx.selectFrom("requests_notices").select("kind").where("application_id", "=", id).execute(),
  }));

describe(`（六）2 逾期未缴费 follows the ledger's 20 working days (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  /** The latest sending day whose 20th working day is still today or later, so the fee may still be paid. */
  function stillPayable(): string {
    let sent = today;
    while (workdays(addDays(sent, -1), 20) >= today) sent = addDays(sent, -1);
    return sent;
  }

  it("is not offered, and refused without a 500, while the ledger's pay-by date has not passed — even after the row's earlier one", async () => {
    const sentOn = stillPayable();
    // The case: the notice was drafted three days before it was sent, so the row's date is earlier.
    const rowDue = workdays(addDays(sentOn, -3), 20);
    expect(rowDue < today).toBe(true);
    const id = await application(addDays(sentOn, -2), [{ kind: "pause", date: sentOn, reason: "fee-notice" }], { status: "awaiting_fee", fee_fen: 10000, fee_due: rowDue });
    const v = await view(id);
    expect(v.clock?.openPause?.answerDue).toBe(workdays(sentOn, 20));
    expect(v.steps).toContain("fee.paid");
    expect(v.steps).not.toContain("close.fee_unpaid");
    expect(v.steps).not.toContain("notice.reply");

    const r = await step(id, { intent: "close.fee_unpaid", closedOn: today });
    expect(r.status).toBe(409);
    expect(r.data).toMatchObject({ ok: false, error: "requests:errors.stepNotOpen" });
    const after = await stored(id);
    expect(after.row.status).toBe("awaiting_fee");
    expect(after.events.map((e) => e.kind)).toEqual(["start", "pause"]);
  });

  it("is offered once the 20 working days ran out; a closing dated on the last day to pay is refused on its field, a later one closes under （六）2", async () => {
    const sentOn = addDays(today, -70);
    const answerDue = workdays(sentOn, 20);
    const id = await application(addDays(sentOn, -3), [{ kind: "pause", date: sentOn, reason: "fee-notice" }], { status: "awaiting_fee", fee_fen: 10000, fee_due: answerDue });
    expect((await view(id)).steps).toContain("close.fee_unpaid");

    const early = await step(id, { intent: "close.fee_unpaid", closedOn: answerDue });
    expect(early.status).toBe(400);
    expect(early.data).toMatchObject({ field: "closedOn", error: "requests:errors.lapse.fee-notice.notRunOut" });
    expect((await stored(id)).row.status).toBe("awaiting_fee");

    const closed = await step(id, { intent: "close.fee_unpaid", closedOn: today });
    expect(closed.status, JSON.stringify(closed.data)).toBe(200);
    const after = await stored(id);
    expect(after.row).toMatchObject({ status: "closed", reply_type: "other.fee_unpaid", closed_on: today });
    expect(after.events.at(-1)).toMatchObject({ kind: "stop", reason: "fee-unpaid" });
  });

  it("a date the ledger refuses (paid before the notice was sent) is the ledger's reason on the field, nothing stored", async () => {
    const sentOn = addDays(today, -10);
    const id = await application(addDays(sentOn, -3), [{ kind: "pause", date: sentOn, reason: "fee-notice" }], { status: "awaiting_fee", fee_fen: 10000, fee_due: workdays(sentOn, 20) });
    const r = await step(id, { intent: "fee.paid", paidOn: addDays(sentOn, -1) });
    expect(r.status).toBe(400);
    expect(r.data).toMatchObject({ field: "paidOn", error: "requests:errors.clock.date-order" });
    const after = await stored(id);
    expect(after.row.status).toBe("awaiting_fee");
    expect(after.events.map((e) => e.kind)).toEqual(["start", "pause"]);
  });
});

describe("（六）1 逾期不补正 follows the 补正 notice and its deadline", () => {
  it("a reply of （六）1 is refused while no 补正 notice was ever sent, drafting nothing", async () => {
    const id = await application(addDays(today, -3), [], { status: "processing" });
    const r = await draftReply(id, { replyType: "other.no_supplement" });
    expect(r.status).toBe(400);
    expect(r.data.errors.replyType).toEqual(["requests:errors.lapse.supplement.notSent"]);
    const fee = await draftReply(id, { replyType: "other.fee_unpaid" });
    expect(fee.data.errors.replyType).toEqual(["requests:errors.lapse.fee-notice.notSent"]);
    expect((await stored(id)).notices).toEqual([]);
    // The editor offers every row but the two lapses.
    const form = await load<{ replyRows: string[] }>(env, noticeLoader, env.users.officer.id, appPath(id, "/notices/reply"), { id, kind: "reply" });
    expect(form.replyRows).toContain("disclosed");
    expect(form.replyRows).not.toContain("other.no_supplement");
    expect(form.replyRows).not.toContain("other.fee_unpaid");
  });

  it("before the 补正 deadline: neither the close-off nor a reply is open", async () => {
    const sentOn = addDays(today, -2);
    const id = await application(addDays(sentOn, -1), [{ kind: "pause", date: sentOn, reason: "supplement" }], { status: "awaiting_supplement", supplement_due: today });
    const v = await view(id);
    expect(v.steps).toContain("supplement.receive");
    expect(v.steps).not.toContain("close.no_supplement");
    expect(await statusOf(load(env, noticeLoader, env.users.officer.id, appPath(id, "/notices/reply"), { id, kind: "reply" }))).toBe(409);
    const r = await step(id, { intent: "close.no_supplement", closedOn: today });
    expect(r.status).toBe(409);
    expect((await stored(id)).row.status).toBe("awaiting_supplement");
  });

  it("after it: the close-off and a reply of （六）1 alone; another row is refused, the （六）1 reply is drafted", async () => {
    const sentOn = addDays(today, -20);
    const due = addDays(sentOn, 7);
    const id = await application(addDays(sentOn, -2), [{ kind: "pause", date: sentOn, reason: "supplement" }], { status: "awaiting_supplement", supplement_due: due });
    const v = await view(id);
    expect(v.steps).toEqual(expect.arrayContaining(["supplement.receive", "close.no_supplement", "notice.reply"]));
    const form = await load<{ replyRows: string[] }>(env, noticeLoader, env.users.officer.id, appPath(id, "/notices/reply"), { id, kind: "reply" });
    expect(form.replyRows).toEqual(["other.no_supplement"]);

    const closeEarly = await step(id, { intent: "close.no_supplement", closedOn: due });
    expect(closeEarly.data).toMatchObject({ field: "closedOn", error: "requests:errors.lapse.supplement.notRunOut" });

    const other = await draftReply(id, { replyType: "disclosed", "released.0.title": "报告", "released.0.body": "内容" });
    expect(other.status).toBe(400);
    expect(other.data.errors.replyType).toEqual(["requests:errors.lapse.waiting"]);
    const drafted = await draftReply(id, { replyType: "other.no_supplement" });
    expect(drafted.status, JSON.stringify(drafted.data)).toBe(302);
    // With the reply on its way, the close-off is not offered as well.
    expect((await view(id)).steps).not.toContain("close.no_supplement");
  });
});
