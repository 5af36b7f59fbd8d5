import { z } from "zod";
import { IsoDate } from "../iso-date";
import { addError, chinaDate, hasErrors, isCalendarDate, type FieldErrors } from "../../../../app/plugin-api";
import { clockId } from "../../db/schema";
import { lapseRefusal, lapseRule } from "../../law/lapses";
import { ledgerRefusal } from "../clock-refusal";
import { openApplicant } from "../applications.server";
import { receiveSupplement } from "../supplement.server";
import { applicationView, type ApplicationView } from "./view.server";
import type { RequestsContext, RequestsTransaction } from "../context";
import { readFields, refusal, type Refusal } from "../refusal";
import type { ApplicationRow } from "../applications.server";

// An impossible date (2026-13-01) is said to be impossible, not also to be in the future.
const notFuture = (today: string) => IsoDate.refine((d) => !isCalendarDate(d) || d <= today, "requests:errors.dateInFuture");

/** The staff steps that are not notices, each with its form. Notices go through the workflow (notice editor). */
export const StepForms = (today: string) => ({
  confirm: z.object({ confirmedOn: notFuture(today) }),
  "supplement.receive": z.object({ body: z.string().trim().min(1, "requests:errors.supplementRequired").max(2000, "requests:errors.tooLong"), receivedOn: notFuture(today) }),
  "consultation.answer": z.object({
    consultationId: z.string().uuid(),
    answer: z.enum(["consent", "objection", "no_answer"], { message: "requests:errors.answer" }),
    answeredOn: notFuture(today),
    note: z.string().trim().max(1000, "requests:errors.tooLong").optional(),
  }),
  "fee.paid": z.object({ paidOn: notFuture(today) }),
  "close.no_supplement": z.object({ closedOn: notFuture(today) }),
  "close.fee_unpaid": z.object({ closedOn: notFuture(today) }),
  "close.withdrawn": z.object({ closedOn: notFuture(today), note: z.string().trim().max(500, "requests:errors.tooLong").optional() }),
});
export type StepName = keyof ReturnType<typeof StepForms>;

/** A refusal names the first field at fault and carries every field's error (`_form`: the step's own). */
export type StepResult = { ok: true } | Refusal;

const refuse = (field: string, error: string): StepResult => refusal({ [field]: [error] });

/** The close-offs that are table 三 rows without a letter of their own: the row and the clock's stop reason. */
const CLOSURES = {
  "close.no_supplement": { replyType: "other.no_supplement", stop: "deemed-withdrawn" },
  "close.fee_unpaid": { replyType: "other.fee_unpaid", stop: "fee-unpaid" },
  "close.withdrawn": { replyType: "other.other", stop: "withdrawn" },
} as const;

/**
 * Performs one step on an application in the caller's transaction, after locking it and checking
 * that the step is open now (rules.ts); a refused step changes nothing. A date the reply clock's
 * ledger refuses (before the last event, a closing the law does not allow yet) is refused with the
 * ledger's reason, never thrown: the caller rolls back what the step wrote before it.
 */
export async function performStep(ctx: RequestsContext, trx: RequestsTransaction, id: string, step: StepName, input: unknown): Promise<StepResult> {
  try {
    return await stepOnce(ctx, trx, id, step, input);
  } catch (e) {
    const rule = ledgerRefusal(e);
    if (rule === null) throw e;
    return refuse(DATE_FIELD[step], rule);
  }
}

/** The date field each step's ledger event takes its date from. */
const DATE_FIELD: Record<StepName, string> = {
  confirm: "confirmedOn",
  "supplement.receive": "receivedOn",
  "consultation.answer": "answeredOn",
  "fee.paid": "paidOn",
  "close.no_supplement": "closedOn",
  "close.fee_unpaid": "closedOn",
  "close.withdrawn": "closedOn",
};

async function stepOnce(ctx: RequestsContext, trx: RequestsTransaction, id: string, step: StepName, input: unknown): Promise<StepResult> {
  const today = chinaDate();
  const locked = await trx.selectFrom("requests_applications").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  if (!locked) throw new Response("Not Found", { status: 404 });
  const view = await applicationView(ctx, trx, id);
  // Every fault in one answer: the step's own (not open now), each field's, and the checks against
  // the application that the fields already right allow.
  const { errors, valid } = readFields(StepForms(today)[step], input);
  if (!view.steps.includes(step)) return refusal({ _form: ["requests:errors.stepNotOpen"], ...errors });
  Object.assign(errors, await stepChecks(step, valid as Record<string, string | undefined>, locked, view));
  if (hasErrors(errors)) return refusal(errors);
  const data = valid as Record<string, string | undefined>;
  const apps = trx.updateTable("requests_applications").where("id", "=", id);
  const clock = clockId(id);
  const audit = (action: string, extra: Record<string, unknown> = {}) =>
    ctx.audit(trx, { action, target: { type: "requests_application", id }, data: { trackingNo: locked.tracking_no, ...extra } });

  switch (step) {
    case "confirm": {
      const on = data.confirmedOn!;
      await apps.set({ status: "processing", received_on: on, receipt_facts: JSON.stringify({ confirmedOn: on }), updated_at: new Date() }).execute();
      await ctx.clocks.append(trx, clock, { kind: "start", date: on, note: locked.channel });
      await audit("requests.application.confirm", { receivedOn: on });
      return { ok: true };
    }
    case "supplement.receive": {
      const r = await receiveSupplement(ctx, trx, locked, { body: data.body!, receivedOn: data.receivedOn!, via: "staff" });
      return r.ok ? { ok: true } : refuse("_form", r.error);
    }
    case "consultation.answer": {
      const c = view.consultations.find((x) => x.id === data.consultationId)!;
      await trx.updateTable("requests_consultations").set({ answered_on: data.answeredOn!, answer: data.answer as "consent", note: data.note ?? null }).where("id", "=", c.id).execute();
      await ctx.clocks.append(trx, clock, { kind: "resume", date: data.answeredOn!, note: data.answer });
      await apps.set({ status: "processing", updated_at: new Date() }).execute();
      await audit("requests.consultation.answer", { answer: data.answer });
      return { ok: true };
    }
    case "fee.paid":
      await ctx.clocks.append(trx, clock, { kind: "resume", date: data.paidOn!, note: "paid" });
      await apps.set({ status: "processing", fee_paid_on: data.paidOn!, updated_at: new Date() }).execute();
      await audit("requests.fee.paid", { fen: locked.fee_fen });
      return { ok: true };
    case "close.no_supplement":
    case "close.fee_unpaid":
    case "close.withdrawn": {
      const closure = CLOSURES[step];
      const on = data.closedOn!;
      if (!locked.received_on) {
        // Never confirmed, so never received (条例第三十一条): withdrawn, it is no application of table 三 —
        // no receipt date, no row, no clock.
        await apps.set({ status: "closed", reply_type: null, closed_on: on, updated_at: new Date() }).execute();
        await audit("requests.application.close", { replyType: null, received: false });
        return { ok: true };
      }
      await ctx.clocks.append(trx, clock, { kind: "stop", date: on, reason: closure.stop, note: data.note });
      await apps.set({ status: "closed", reply_type: closure.replyType, closed_on: on, updated_at: new Date() }).execute();
      await audit("requests.application.close", { replyType: closure.replyType });
      return { ok: true };
    }
  }
}

/** The step's checks against the application, each run when the fields it reads are right. */
async function stepChecks(step: StepName, data: Record<string, string | undefined>, locked: ApplicationRow, view: ApplicationView): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const submittedOn = locked.submitted_at.toISOString().slice(0, 10);
  switch (step) {
    case "confirm":
      if (data.confirmedOn && data.confirmedOn < submittedOn) addError(errors, "confirmedOn", "requests:errors.confirmBeforeSubmit");
      break;
    case "consultation.answer": {
      const c = data.consultationId ? view.consultations.find((x) => x.id === data.consultationId && !x.answered_on) : undefined;
      if (data.consultationId && !c) addError(errors, "consultationId", "requests:errors.consultationClosed");
      if (c && data.answeredOn && data.answeredOn < c.sent_on) addError(errors, "answeredOn", "requests:errors.answerBeforeSent");
      break;
    }
    case "close.no_supplement":
    case "close.fee_unpaid":
    case "close.withdrawn": {
      const on = data.closedOn;
      const lapse = lapseRule(CLOSURES[step].replyType);
      const why = lapse && on ? lapseRefusal(lapse, { clock: view.clock, supplementDue: locked.supplement_due }, on) : null;
      if (lapse && why) addError(errors, "closedOn", `requests:errors.lapse.${lapse.pause}.${why}`);
      if (!locked.received_on && step !== "close.withdrawn") addError(errors, "_form", "requests:errors.stepNotOpen");
      else if (!locked.received_on && on && on < submittedOn) addError(errors, "closedOn", "requests:errors.closeBeforeSubmit");
      break;
    }
  }
  return errors;
}

/** The applicant's identity in clear, for staff allowed to read it; every read is audited. */
export async function revealApplicant(ctx: RequestsContext, trx: RequestsTransaction, view: ApplicationView) {
  ctx.require("requests.applicants.read");
  const row = await trx.selectFrom("requests_applications").select(["applicant_sealed"]).where("id", "=", view.application.id).executeTakeFirstOrThrow();
  await ctx.audit(trx, { action: "requests.applicant.read", target: { type: "requests_application", id: view.application.id }, data: { trackingNo: view.application.trackingNo } });
  return openApplicant(ctx, row.applicant_sealed);
}
