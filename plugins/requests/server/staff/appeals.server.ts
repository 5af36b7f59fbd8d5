import { z } from "zod";
import { IsoDate } from "../iso-date";
import { addError, chinaDate, hasErrors } from "../../../../app/plugin-api";
import { appealTarget } from "../../law/table-four";
import type { RequestsContext, RequestsTransaction } from "../context";
import { readFields, refusal, type Refusal } from "../refusal";

export const AppealForm = z.object({
  kind: z.enum(["review", "direct_suit", "suit_after_review"], { message: "requests:errors.appealKind" }),
  body: z.string().trim().min(1, "requests:errors.appealBodyRequired").max(200, "requests:errors.tooLong"),
  filedOn: IsoDate,
});

export const AppealDecision = z.object({
  appealId: z.string().uuid(),
  outcome: z.enum(["upheld", "corrected", "other"], { message: "requests:errors.appealOutcome" }),
  decidedOn: IsoDate,
  note: z.string().trim().max(1000, "requests:errors.tooLong").optional(),
});

type Result = { ok: true } | Refusal;

/** The application an appeal is about, as its page reads it: when it was closed, and when its reply was due. */
export interface AppealedApplication {
  id: string;
  tracking_no: string;
  closed_on: string | null;
  /** The reply clock's due date (条例第三十三条), null before receipt or while it is suspended. */
  due_date: string | null;
}

/**
 * 行政复议 or 行政诉讼 about disclosure (条例第五十一条), the data of annual report table 四: against
 * the reply once given, or against 逾期不答复 once the reply period ran out (law/table-four.ts,
 * appealTarget); never in the future. A 复议后起诉 follows the application's earlier 复议: one filed
 * no later than the suit and, if decided, decided no later than it.
 */
export async function recordAppeal(ctx: RequestsContext, trx: RequestsTransaction, app: AppealedApplication, input: unknown): Promise<Result> {
  // Every fault in one answer: the checks on the date and the kind run whenever those fields are right.
  const { errors, valid: a } = readFields(AppealForm, input);
  const target = a.filedOn ? appealTarget(a.filedOn, { closedOn: app.closed_on, dueDate: app.due_date }) : null;
  if (a.filedOn && a.filedOn > chinaDate()) addError(errors, "filedOn", "requests:errors.dateInFuture");
  else if (a.filedOn && !target) addError(errors, "filedOn", "requests:errors.appealNotOpen");
  if (a.kind === "suit_after_review" && a.filedOn) {
    const review = await trx
      .selectFrom("requests_appeals")
      .select("id")
      .where("application_id", "=", app.id)
      .where("kind", "=", "review")
      .where("filed_on", "<=", a.filedOn)
      .where((w) => w.or([w("decided_on", "is", null), w("decided_on", "<=", a.filedOn!)]))
      .executeTakeFirst();
    if (!review) addError(errors, "kind", "requests:errors.appealNeedsReview");
  }
  if (hasErrors(errors) || !a.kind || !a.body || !a.filedOn) return refusal(errors);
  await trx.insertInto("requests_appeals").values({ tenant_id: ctx.tenant.id, application_id: app.id, kind: a.kind, body: a.body, filed_on: a.filedOn, outcome: "pending" }).execute();
  await ctx.audit(trx, { action: "requests.appeal.record", target: { type: "requests_application", id: app.id }, data: { trackingNo: app.tracking_no, kind: a.kind, against: target } });
  return { ok: true };
}

/** The outcome of a pending appeal: 结果维持, 结果纠正 or 其他结果. */
export async function decideAppeal(ctx: RequestsContext, trx: RequestsTransaction, app: { id: string; tracking_no: string }, input: unknown): Promise<Result> {
  const { errors, valid: d } = readFields(AppealDecision, input);
  const appeal = d.appealId ? await trx.selectFrom("requests_appeals").selectAll().where("id", "=", d.appealId).where("application_id", "=", app.id).forUpdate().executeTakeFirst() : undefined;
  if (d.appealId && appeal?.outcome !== "pending") addError(errors, "appealId", "requests:errors.appealDecided");
  if (d.decidedOn && appeal && d.decidedOn < appeal.filed_on) addError(errors, "decidedOn", "requests:errors.decidedBeforeFiled");
  if (d.decidedOn && d.decidedOn > chinaDate()) addError(errors, "decidedOn", "requests:errors.dateInFuture");
  if (hasErrors(errors) || !appeal || !d.outcome || !d.decidedOn) return refusal(errors);
  await trx.updateTable("requests_appeals").set({ outcome: d.outcome, decided_on: d.decidedOn, note: d.note ?? null }).where("id", "=", appeal.id).execute();
  await ctx.audit(trx, { action: "requests.appeal.decide", target: { type: "requests_application", id: app.id }, data: { trackingNo: app.tracking_no, outcome: d.outcome } });
  return { ok: true };
}
