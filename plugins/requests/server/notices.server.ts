import {
  chinaDate,
  OTHER_AGENCY,
  THIRD_PARTY,
  type PluginDocument,
  type PluginDocumentHookContext,
  type PluginRequestContext,
  type PluginTransaction,
} from "../../../app/plugin-api";
import { clockId, typed, type NoticeKind } from "../db/schema";
import { applicationById, type ApplicationRow } from "./applications.server";
import { NOTICE_TYPE, NoticePayload, REPLY_TYPE, ReplyPayload } from "./notice-schema";

export type DraftResult = { ok: true; documentUrl: string } | { ok: false; error: string };

/** The applicant's facts the staff pages and rules need: notices in flight, whether 补正 was asked. */
export async function noticesOf(trx: PluginTransaction, applicationId: string) {
  return typed(trx).selectFrom("requests_notices").selectAll().where("application_id", "=", applicationId).orderBy("created_at").execute();
}

/**
 * Drafts a notice or the reply as a workflow document and submits it for approval: the officer
 * writes it, the chain approves it (保密审查 for a reply that releases material), and it is sent
 * when the last step approves (`onApproved`). The application row is locked meanwhile.
 */
export async function draftNotice(
  ctx: PluginRequestContext,
  trx: PluginTransaction,
  app: ApplicationRow,
  input: { kind: NoticeKind; title: string; payload: NoticePayload | ReplyPayload },
): Promise<DraftResult> {
  const type = input.kind === "reply" ? REPLY_TYPE : NOTICE_TYPE;
  const created = await ctx.workflow.create(trx, { type, title: input.title, payload: input.payload });
  if (!created.ok) return { ok: false, error: created.error };
  const submitted = await ctx.workflow.act(trx, { id: created.document.id, action: "submit", expectedVersion: created.document.version });
  if (!submitted.ok) return { ok: false, error: submitted.error };
  await typed(trx)
    .insertInto("requests_notices")
    .values({ tenant_id: ctx.tenant.id, application_id: app.id, kind: input.kind, document_id: created.document.id, title: input.title, body: input.payload.body, details: JSON.stringify(detailsOf(input.payload)) })
    .execute();
  await ctx.audit(trx, { action: "requests.notice.draft", target: { type: "requests_application", id: app.id }, data: { kind: input.kind, documentId: created.document.id } });
  return { ok: true, documentUrl: submitted.document.url };
}

function detailsOf(payload: NoticePayload | ReplyPayload): Record<string, unknown> {
  const { body: _body, applicationId: _id, ...details } = payload as Record<string, unknown>;
  if ("released" in details) delete details.released;
  return details;
}

async function lockedApplication(trx: PluginTransaction, id: string): Promise<ApplicationRow> {
  const app = await typed(trx).selectFrom("requests_applications").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  if (!app) throw new Error(`requests: application ${id} is gone`);
  return app;
}

async function markSent(ctx: PluginDocumentHookContext, doc: PluginDocument, values: { title: string; body: string; released?: unknown[] }, sentOn: string) {
  await typed(ctx.trx)
    .updateTable("requests_notices")
    .set({ sent_on: sentOn, title: values.title, body: values.body, ...(values.released ? { released: JSON.stringify(values.released) } : {}) })
    .where("document_id", "=", doc.id)
    .execute();
}

/**
 * A notice is sent when its chain approves it, and the reply clock moves with it: 补正 pauses it
 * until the supplement arrives (Art 30), consultation pauses it (Art 32–34), an extension approved
 * by the head of the office adds to it (Art 33), a fee notice pauses it until payment.
 */
export async function onNoticeApproved(ctx: PluginDocumentHookContext, doc: PluginDocument): Promise<void> {
  const p = NoticePayload.parse(doc.payload);
  const trx = ctx.trx;
  const app = await lockedApplication(trx, p.applicationId);
  const today = chinaDate();
  const clock = clockId(app.id);
  const update = typed(trx).updateTable("requests_applications").where("id", "=", app.id);
  switch (p.kind) {
    case "supplement":
      await ctx.clocks.append(trx, clock, { kind: "pause", date: today, reason: "supplement", note: p.items });
      await update.set({ status: "awaiting_supplement", supplement_due: p.dueOn, updated_at: new Date() }).execute();
      break;
    case "extension":
      await ctx.clocks.append(trx, clock, { kind: "extend", date: today, days: p.days, approver: ctx.user.displayName, note: p.reason });
      break;
    case "third_party":
    case "other_agency": {
      const rule = p.kind === "third_party" ? THIRD_PARTY : OTHER_AGENCY;
      await ctx.clocks.append(trx, clock, { kind: "pause", date: today, reason: p.kind === "third_party" ? "third-party" : "other-agency", note: p.party });
      await typed(trx)
        .insertInto("requests_consultations")
        .values({ tenant_id: ctx.tenant.id, application_id: app.id, kind: p.kind, party: p.party, sent_on: today, answer_due: ctx.calendar.addWorkdays(today, rule.days).value })
        .execute();
      await update.set({ status: "consulting", updated_at: new Date() }).execute();
      break;
    }
    case "fee":
      await ctx.clocks.append(trx, clock, { kind: "pause", date: today, reason: "fee-notice" });
      await update.set({ status: "awaiting_fee", fee_fen: p.fen, fee_due: p.dueOn, updated_at: new Date() }).execute();
      break;
  }
  await markSent(ctx, doc, { title: doc.title, body: p.body }, today);
  await ctx.audit(trx, { action: "requests.notice.send", target: { type: "requests_application", id: app.id }, data: { kind: p.kind, documentId: doc.id } });
}

/**
 * The reply is sent when approved: the applicant receives the letter and the released documents
 * as 保密审查 left them (redactions applied), the clock stops, and the application is closed
 * under its table 三 row.
 */
export async function onReplyApproved(ctx: PluginDocumentHookContext, doc: PluginDocument): Promise<void> {
  const p = ReplyPayload.parse(doc.payload);
  const trx = ctx.trx;
  const app = await lockedApplication(trx, p.applicationId);
  if (app.status === "closed") throw new Error(`requests: application ${app.tracking_no} is already closed`);
  const rendition = await ctx.workflow.rendition(trx, doc.id);
  // What the applicant receives is the redacted text; the codes (application, reply type) are the original's.
  const sent = rendition.payload as Pick<ReplyPayload, "body" | "released">;
  const today = chinaDate();
  await ctx.clocks.append(trx, clockId(app.id), { kind: "stop", date: today, reason: "replied", note: p.replyType });
  await typed(trx).updateTable("requests_applications").set({ status: "closed", reply_type: p.replyType, closed_on: today, updated_at: new Date() }).where("id", "=", app.id).execute();
  await markSent(ctx, doc, { title: rendition.title, body: sent.body, released: sent.released }, today);
  await ctx.audit(trx, { action: "requests.notice.send", target: { type: "requests_application", id: app.id }, data: { kind: "reply", replyType: p.replyType, documentId: doc.id } });
}

export { applicationById };
