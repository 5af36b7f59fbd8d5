import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDate } from "../../../app/plugin-api";
import type { PluginTenantContext } from "../../../app/plugin-api";
import { actOn, documentOf, recordReview } from "../../../app/plugin-api/testing";
import { clockId } from "../db/schema";
import { action as applicationAction } from "../routes/admin/application";
import { action as noticeAction } from "../routes/admin/notice";
import { ApplicationInput } from "../server/applicant";
import { createApplication } from "../server/applications.server";
import { applicationForm, openRequests, post, staffPath, type RequestsEnv } from "./setup";

/**
 * A （六）2 逾期未缴费 reply drafted when the 20 days to pay had run out, and the fee paid while the
 * reply was in review: the leader's approval is refused with the ledger's reason, nothing is sent,
 * instead of the 500 the ledger's refusal gave inside the approval.
 */
let env: RequestsEnv;
let ctx: PluginTenantContext;
const today = chinaDate();
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  env = await openRequests();
  ctx = env.systemContext(env.office.id);
});
afterAll(() => env.handle.close());

const appPath = (id: string, sub = "") => staffPath(env, `/applications/${id}${sub}`);

describe(`an approval the ledger no longer allows (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("is refused with the ledger's reason and sends nothing when the fee came in during review", async () => {
    const sentOn = addDays(today, -70);
    const created = await ctx.withTenant((trx) => createApplication(ctx, trx, { input: ApplicationInput.parse(applicationForm()), channel: "in_person", receipt: { submittedOn: addDays(sentOn, -3) } }));
    if (!created.ok) throw new Error(created.error);
    const id = created.id;
    await ctx.withTenant((trx) => ctx.clocks.append(trx, clockId(id), { kind: "pause", date: sentOn, reason: "fee-notice" }));
    await ctx.withTenant((trx) => trx.updateTable("requests_applications").set({ status: "awaiting_fee", fee_fen: 10000, fee_due: ctx.calendar.addWorkdays(sentOn, 20).value }).where("id", "=", id).execute());

    const drafted = await post(env, noticeAction, env.users.officer.id, appPath(id, "/notices/reply"), { intent: "submit", title: "", body: "", replyType: "other.fee_unpaid" }, { id, kind: "reply" });
    expect(drafted.status, JSON.stringify(drafted.data)).toBe(302);
    const documentId = drafted.location!.split("/").pop()!;

    const paid = await post(env, applicationAction, env.users.officer.id, appPath(id), { intent: "fee.paid", paidOn: today }, { id });
    expect(paid.status, JSON.stringify(paid.data)).toBe(200);

    const approve = (userId: string) => actOn(env, userId, documentId, "approve");
    expect((await approve(env.users.dept.id)).ok).toBe(true);
    const recorded = await recordReview(env, documentId, {});
    expect(recorded.ok, JSON.stringify(recorded)).toBe(true);
    expect((await approve(env.users.classifier.id)).ok).toBe(true);

    const refused = await approve(env.users.leader.id);
    expect(refused).toEqual({ ok: false, refusal: { code: "refusedByPlugin", key: "requests:errors.clock.fee-unpaid-needs-fee-notice" } });
    const after = await ctx.withTenant(async (trx) => ({
      row: await trx.selectFrom("requests_applications").select(["status", "reply_type"]).where("id", "=", id).executeTakeFirstOrThrow(),
      events: await ctx.clocks.events(trx, clockId(id)),
    }));
    const doc = await documentOf(env, documentId);
    expect(doc.status).toBe("in_review");
    expect(doc.waiting_role).toBe("leader");
    expect(after.row.reply_type).toBeNull();
    expect(after.events.map((e) => e.kind)).not.toContain("stop");
  });
});
