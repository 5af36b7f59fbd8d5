import { chinaDate } from "../../../../app/plugin-api";
import { clockId, type NoticeKind } from "../../db/schema";
import { applicationById } from "../applications.server";
import { noticesOf } from "../notices.server";
import { allowedSteps, supplementNoticeDeadline } from "../rules";
import type { RequestsContext, RequestsTransaction } from "../context";

const IN_FLIGHT = new Set(["draft", "in_review", "returned", "approved"]);

/** Everything the staff page of one application shows, and what the reader may do next. */
export async function applicationView(ctx: RequestsContext, trx: RequestsTransaction, id: string | undefined) {
  const app = id ? await applicationById(trx, id) : undefined;
  if (!app) throw new Response("Not Found", { status: 404 });
  const today = chinaDate();
  const [clock, notices, supplements, consultations, appeals, attachments] = await Promise.all([
    ctx.clocks.status(trx, clockId(app.id), today),
    noticesOf(trx, app.id),
    trx.selectFrom("requests_supplements").selectAll().where("application_id", "=", app.id).orderBy("received_on").execute(),
    trx.selectFrom("requests_consultations").selectAll().where("application_id", "=", app.id).orderBy("sent_on").execute(),
    trx.selectFrom("requests_appeals").selectAll().where("application_id", "=", app.id).orderBy("filed_on").execute(),
    trx.selectFrom("requests_attachments").select(["id", "name", "mime", "size"]).where("application_id", "=", app.id).execute(),
  ]);
  const docs = await Promise.all(notices.map((n) => (n.document_id && !n.sent_on ? ctx.workflow.get(trx, n.document_id) : null)));
  const noticeViews = notices.map((n, i) => ({
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    details: n.details,
    released: n.released,
    sentOn: n.sent_on,
    documentUrl: docs[i]?.url ?? null,
    documentStatus: docs[i]?.status ?? null,
  }));
  const inFlight = noticeViews.filter((n) => !n.sentOn && n.documentStatus && IN_FLIGHT.has(n.documentStatus)).map((n) => n.kind as NoticeKind);
  const member = ctx.mode === "member";
  const steps = member && ctx.can("requests.applications.handle")
    ? allowedSteps(
        {
          status: app.status,
          receivedOn: app.received_on,
          supplementDue: app.supplement_due,
          feeDue: app.fee_due,
          clock,
          inFlight,
          supplementAsked: notices.some((n) => n.kind === "supplement" && n.sent_on),
          today,
        },
        ctx.calendar,
      )
    : new Set<string>();
  return {
    today,
    application: {
      id: app.id,
      trackingNo: app.tracking_no,
      channel: app.channel,
      receiptFacts: app.receipt_facts,
      submittedAt: app.submitted_at.toISOString(),
      receivedOn: app.received_on,
      applicantType: app.applicant_type,
      applicantMasked: app.applicant_masked,
      subject: app.subject,
      docNumber: app.doc_number,
      description: app.description,
      form: app.form,
      delivery: app.delivery,
      status: app.status,
      supplementDue: app.supplement_due,
      feeFen: app.fee_fen,
      feeDue: app.fee_due,
      feePaidOn: app.fee_paid_on,
      replyType: app.reply_type,
      closedOn: app.closed_on,
    },
    clock: clock ? { ...clock, explanation: ctx.clocks.explain(clock, ctx.locale) } : null,
    supplementNoticeBy: app.received_on ? supplementNoticeDeadline(app.received_on, ctx.calendar) : null,
    notices: noticeViews,
    supplements,
    consultations,
    appeals,
    attachments,
    steps: [...steps],
    can: {
      readApplicant: member && ctx.can("requests.applicants.read"),
      // A review or suit is against the reply, or against 逾期不答复 once the period ran out (law/table-four.ts).
      appeals: member && ctx.can("requests.appeals.manage") && (app.status === "closed" || clock?.state === "overdue"),
    },
  };
}
export type ApplicationView = Awaited<ReturnType<typeof applicationView>>;
