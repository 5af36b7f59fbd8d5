import { z } from "zod";
import { IsoDate } from "../iso-date";
import { chinaDate, type PluginRequestContext, type PluginTransaction } from "../../../../app/plugin-api";
import { typed } from "../../db/schema";


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

type Result = { ok: true } | { ok: false; field: string; error: string };
const first = (e: z.ZodError): Result => {
  const i = e.issues[0]!;
  return { ok: false, field: String(i.path[0] ?? "_form"), error: i.message.startsWith("requests:") ? i.message : "errors.invalid" };
};

/**
 * 行政复议 or 行政诉讼 about a reply (条例第五十一条), the data of annual report table 四: filed on
 * or after the reply, never in the future.
 */
export async function recordAppeal(ctx: PluginRequestContext, trx: PluginTransaction, app: { id: string; closed_on: string | null; tracking_no: string }, input: unknown): Promise<Result> {
  const parsed = AppealForm.safeParse(input);
  if (!parsed.success) return first(parsed.error);
  const a = parsed.data;
  if (!app.closed_on) return { ok: false, field: "_form", error: "requests:errors.appealBeforeReply" };
  if (a.filedOn < app.closed_on) return { ok: false, field: "filedOn", error: "requests:errors.appealBeforeReply" };
  if (a.filedOn > chinaDate()) return { ok: false, field: "filedOn", error: "requests:errors.dateInFuture" };
  await typed(trx).insertInto("requests_appeals").values({ tenant_id: ctx.tenant.id, application_id: app.id, kind: a.kind, body: a.body, filed_on: a.filedOn, outcome: "pending" }).execute();
  await ctx.audit(trx, { action: "requests.appeal.record", target: { type: "requests_application", id: app.id }, data: { trackingNo: app.tracking_no, kind: a.kind } });
  return { ok: true };
}

/** The outcome of a pending appeal: 结果维持, 结果纠正 or 其他结果. */
export async function decideAppeal(ctx: PluginRequestContext, trx: PluginTransaction, app: { id: string; tracking_no: string }, input: unknown): Promise<Result> {
  const parsed = AppealDecision.safeParse(input);
  if (!parsed.success) return first(parsed.error);
  const d = parsed.data;
  const appeal = await typed(trx).selectFrom("requests_appeals").selectAll().where("id", "=", d.appealId).where("application_id", "=", app.id).forUpdate().executeTakeFirst();
  if (!appeal || appeal.outcome !== "pending") return { ok: false, field: "appealId", error: "requests:errors.appealDecided" };
  if (d.decidedOn < appeal.filed_on) return { ok: false, field: "decidedOn", error: "requests:errors.decidedBeforeFiled" };
  if (d.decidedOn > chinaDate()) return { ok: false, field: "decidedOn", error: "requests:errors.dateInFuture" };
  await typed(trx).updateTable("requests_appeals").set({ outcome: d.outcome, decided_on: d.decidedOn, note: d.note ?? null }).where("id", "=", appeal.id).execute();
  await ctx.audit(trx, { action: "requests.appeal.decide", target: { type: "requests_application", id: app.id }, data: { trackingNo: app.tracking_no, outcome: d.outcome } });
  return { ok: true };
}
