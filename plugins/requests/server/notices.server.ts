import { chinaDate, DecisionRefused, type Locale, type PluginDocument } from "../../../app/plugin-api";
import { clockId, type NoticeKind } from "../db/schema";

import { lapseRule } from "../law/lapses";
import { applicationById, type ApplicationRow } from "./applications.server";
import { refusingOnLedger } from "./clock-refusal";
import { fillLetter, type SentDates } from "./letters/fields";
import { NOTICE_TYPE, NoticePayload, REPLY_TYPE, ReplyPayload } from "./notice-schema";
import { bindReplyFiles, releaseReplyFiles } from "./reply-files/store.server";
import type { RequestsContext, RequestsHookContext, RequestsTransaction } from "./context";

export type DraftResult = { ok: true; documentUrl: string } | { ok: false; error: string };

/** The applicant's facts the staff pages and rules need: notices in flight, whether 补正 was asked. */
export async function noticesOf(trx: RequestsTransaction, applicationId: string) {
  return trx.selectFrom("requests_notices").selectAll().where("application_id", "=", applicationId).orderBy("created_at").execute();
}

/**
 * Drafts a notice or the reply as a workflow document and submits it for approval: the officer
 * writes it, the chain approves it (保密审查 for a reply that releases material), and it is sent
 * when the last step approves (`onApproved`). The application row is locked meanwhile.
 */
export async function draftNotice(
  ctx: RequestsContext,
  trx: RequestsTransaction,
  app: ApplicationRow,
  input: { kind: NoticeKind; title: string; payload: NoticePayload | ReplyPayload },
): Promise<DraftResult> {
  const type = input.kind === "reply" ? REPLY_TYPE : NOTICE_TYPE;
  const created = await ctx.workflow.create(trx, { type, title: input.title, payload: input.payload });
  if (!created.ok) return { ok: false, error: created.error };
  const submitted = await ctx.workflow.act(trx, { id: created.document.id, action: "submit", expectedVersion: created.document.version });
  if (!submitted.ok) return { ok: false, error: submitted.error };
  await trx
    .insertInto("requests_notices")
    .values({ tenant_id: ctx.tenant.id, application_id: app.id, kind: input.kind, document_id: created.document.id, title: input.title, body: input.payload.body, details: JSON.stringify(detailsOf(input.payload)) })
    .execute();
  if ("files" in input.payload) await bindReplyFiles(trx, created.document.id, input.payload.files);
  await ctx.audit(trx, { action: "requests.notice.draft", target: { type: "requests_application", id: app.id }, data: { kind: input.kind, documentId: created.document.id } });
  return { ok: true, documentUrl: submitted.document.url };
}

function detailsOf(payload: NoticePayload | ReplyPayload): Record<string, unknown> {
  const { body: _body, applicationId: _id, ...details } = payload as Record<string, unknown>;
  if ("released" in details) delete details.released;
  if ("files" in details) delete details.files;
  return details;
}

async function lockedApplication(trx: RequestsTransaction, id: string): Promise<ApplicationRow> {
  const app = await trx.selectFrom("requests_applications").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  if (!app) throw new Error(`requests: application ${id} is gone`);
  return app;
}

/**
 * Records the letter as sent: its dates fixed (`dates`, from the ledger), the addressee masked in
 * `body` (what lists, history and the tracking page show); `details.letter` keeps the addressee's
 * placeholder for the printed letter, which names the applicant in full.
 */
async function markSent(
  ctx: RequestsHookContext,
  doc: PluginDocument,
  app: ApplicationRow,
  values: { title: string; body: string; released?: unknown[]; locale: Locale; dates: SentDates },
) {
  const letter = fillLetter(values.body, { dates: values.dates }, values.locale);
  const row = await ctx.trx.selectFrom("requests_notices").select(["details"]).where("document_id", "=", doc.id).executeTakeFirst();
  const details = { ...((row?.details ?? {}) as Record<string, unknown>), ...values.dates, letterLocale: values.locale, letter };
  await ctx.trx
    .updateTable("requests_notices")
    .set({
      sent_on: values.dates.issuedOn!,
      title: values.title,
      body: fillLetter(letter, { applicant: app.applicant_masked }, values.locale),
      details: JSON.stringify(details),
      ...(values.released ? { released: JSON.stringify(values.released) } : {}),
    })
    .where("document_id", "=", doc.id)
    .execute();
}

/**
 * A notice is sent when its chain approves it, and the reply clock moves with it: 补正 pauses it
 * until the supplement arrives (Art 30), consultation pauses it (Art 32–34), an extension approved
 * by the head of the office adds to it (Art 33), a fee notice pauses it until payment. The dates the
 * letter gives are counted from the sending day by the same ledger: the pay-by and answer-by dates
 * are the pause's answer date, the new reply date the extended clock's due date, and the 补正
 * deadline the drafted number of working days from today.
 */
export function onNoticeApproved(ctx: RequestsHookContext, doc: PluginDocument): Promise<void> {
  return refusingOnLedger(() => sendNotice(ctx, doc));
}

async function sendNotice(ctx: RequestsHookContext, doc: PluginDocument): Promise<void> {
  const p = NoticePayload.parse(doc.payload);
  const trx = ctx.trx;
  const app = await lockedApplication(trx, p.applicationId);
  const today = chinaDate();
  const clock = clockId(app.id);
  const update = trx.updateTable("requests_applications").where("id", "=", app.id);
  const dates: SentDates = { issuedOn: today };
  switch (p.kind) {
    case "supplement": {
      await ctx.clocks.append(trx, clock, { kind: "pause", date: today, reason: "supplement", note: p.items });
      dates.dueOn = p.dueDays ? ctx.calendar.addWorkdays(today, p.dueDays).value : p.dueOn;
      await update.set({ status: "awaiting_supplement", supplement_due: dates.dueOn, updated_at: new Date() }).execute();
      break;
    }
    case "extension": {
      const status = await ctx.clocks.append(trx, clock, { kind: "extend", date: today, days: p.days, approver: ctx.user.displayName, note: p.reason });
      // Paused meanwhile (a notice sent while this one was in review): the date if the clock ran again today.
      dates.newDueDate = status.dueDate ?? ctx.calendar.addWorkdays(today, status.leftDays).value;
      break;
    }
    case "third_party":
    case "other_agency": {
      const status = await ctx.clocks.append(trx, clock, { kind: "pause", date: today, reason: p.kind === "third_party" ? "third-party" : "other-agency", note: p.party });
      dates.answerDue = answerDueOf(status);
      await trx
        .insertInto("requests_consultations")
        .values({ tenant_id: ctx.tenant.id, application_id: app.id, kind: p.kind, party: p.party, sent_on: today, answer_due: dates.answerDue })
        .execute();
      await update.set({ status: "consulting", updated_at: new Date() }).execute();
      break;
    }
    case "fee": {
      const status = await ctx.clocks.append(trx, clock, { kind: "pause", date: today, reason: "fee-notice" });
      dates.dueOn = answerDueOf(status);
      await update.set({ status: "awaiting_fee", fee_fen: p.fen, fee_due: dates.dueOn, updated_at: new Date() }).execute();
      break;
    }
  }
  await markSent(ctx, doc, app, { title: doc.title, body: p.body, locale: letterLocaleOf(p, app), dates });
  await ctx.audit(trx, { action: "requests.notice.send", target: { type: "requests_application", id: app.id }, data: { kind: p.kind, documentId: doc.id } });
}

/**
 * The reply is sent when approved: the applicant receives the letter and the released documents
 * as 保密审查 left them (redactions applied), the clock stops, and the application is closed
 * under its table 三 row.
 */
export function onReplyApproved(ctx: RequestsHookContext, doc: PluginDocument): Promise<void> {
  return refusingOnLedger(() => sendReply(ctx, doc));
}

async function sendReply(ctx: RequestsHookContext, doc: PluginDocument): Promise<void> {
  const p = ReplyPayload.parse(doc.payload);
  const trx = ctx.trx;
  const app = await lockedApplication(trx, p.applicationId);
  if (app.status === "closed") throw new DecisionRefused("requests:errors.clock.after-stop");
  const rendition = await ctx.workflow.rendition(trx, doc.id);
  // What the applicant receives is the redacted text; the codes (application, reply type) are the original's.
  const sent = rendition.payload as Pick<ReplyPayload, "body" | "released" | "files">;
  const today = chinaDate();
  // A file whose text 保密审查 redacted is sent as its redacted text, never as the file.
  const filesAsText = await releaseReplyFiles(trx, doc.id, p.files, sent.files, today);
  await ctx.clocks.append(trx, clockId(app.id), { kind: "stop", date: today, reason: lapseRule(p.replyType)?.stop ?? "replied", note: p.replyType });
  await trx.updateTable("requests_applications").set({ status: "closed", reply_type: p.replyType, closed_on: today, updated_at: new Date() }).where("id", "=", app.id).execute();
  await markSent(ctx, doc, app, { title: rendition.title, body: sent.body, released: [...sent.released, ...filesAsText], locale: letterLocaleOf(p, app), dates: { issuedOn: today } });
  await ctx.audit(trx, { action: "requests.notice.send", target: { type: "requests_application", id: app.id }, data: { kind: "reply", replyType: p.replyType, documentId: doc.id } });
}

/** The date the ledger gives the pause just opened to be answered by. */
function answerDueOf(status: { openPause: { answerDue: string | null } | null }): string {
  const due = status.openPause?.answerDue;
  if (!due) throw new Error("requests: the ledger gave the pause no answer date");
  return due;
}

/** A letter drafted before the language was recorded is in the applicant's language. */
function letterLocaleOf(p: { letterLocale?: Locale }, app: ApplicationRow): Locale {
  return p.letterLocale ?? (app.locale as Locale);
}

export { applicationById };
