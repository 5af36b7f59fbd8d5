import { checkedTexts } from "../../../../app/plugin-api/loaders.server";
import { z } from "zod";
import { chinaDate, firstErrors, issueErrors, type FieldErrors } from "../../../../app/plugin-api";
import { clockId, type ApplicationStatus, type NoticeKind, type ReleasedDocument } from "../../db/schema";

import { applicationByTracking, type ApplicationRow } from "../applications.server";
import { sentFilesByDocument, type SentFile } from "../reply-files/store.server";
import { receiveSupplement } from "../supplement.server";
import type { RequestsContext, RequestsTransaction } from "../context";

/** 20 look-ups in 10 minutes from one connection: plenty for a person, too few to guess query codes. */
export const TRACK_LIMIT = { max: 20, windowMinutes: 10 };

export const TrackInput = z.object({
  trackingNo: z.string().trim().min(1, "requests:public.errors.trackingRequired").max(30, "requests:errors.tooLong"),
  queryCode: z.string().trim().min(1, "requests:public.errors.queryCodeRequired").max(30, "requests:errors.tooLong"),
});
export type TrackKeys = z.output<typeof TrackInput>;

export interface SentNotice {
  id: string;
  kind: NoticeKind;
  title: string;
  sentOn: string;
  body: string;
  released: ReleasedDocument[];
  /** Files the reply released, downloaded with the tracking number and query code. */
  files: SentFile[];
}

/** What the applicant sees of their application: never the identity, only the masked name. */
export interface TrackingView {
  trackingNo: string;
  applicant: string;
  subject: string;
  docNumber: string | null;
  status: ApplicationStatus;
  submittedOn: string;
  receivedOn: string | null;
  /** Null before receipt and while the clock is paused. */
  dueDate: string | null;
  clock: string | null;
  supplementDue: string | null;
  closedOn: string | null;
  /** The group of table 三 the reply falls in: disclosed, partly_disclosed, withheld, unavailable, not_processed, other. */
  outcome: string | null;
  notices: SentNotice[];
}

/** The notices sent to the applicant, oldest first; drafts still in approval are not shown. */
export async function sentNotices(trx: RequestsTransaction, applicationId: string): Promise<SentNotice[]> {
  const [rows, files] = await Promise.all([
    trx
      .selectFrom("requests_notices")
      .select(["id", "kind", "title", "sent_on", "body", "released", "document_id"])
      .where("application_id", "=", applicationId)
      .where("sent_on", "is not", null)
      .orderBy("sent_on")
      .orderBy("created_at")
      .execute(),
    sentFilesByDocument(trx, applicationId),
  ]);
  return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, sentOn: r.sent_on!, body: r.body, released: r.released ?? [], files: (r.document_id && files.get(r.document_id)) || [] }));
}

export async function trackingView(ctx: RequestsContext, trx: RequestsTransaction, app: ApplicationRow): Promise<TrackingView> {
  const [clock, notices] = await Promise.all([ctx.clocks.status(trx, clockId(app.id)), sentNotices(trx, app.id)]);
  return {
    trackingNo: app.tracking_no,
    applicant: app.applicant_masked,
    subject: app.subject,
    docNumber: app.doc_number,
    status: app.status,
    submittedOn: chinaDate(new Date(app.submitted_at)),
    receivedOn: app.received_on,
    dueDate: clock?.dueDate ?? null,
    clock: clock ? ctx.clocks.explain(clock, ctx.locale, { audience: "applicant" }) : null,
    supplementDue: app.status === "awaiting_supplement" ? app.supplement_due : null,
    closedOn: app.closed_on,
    outcome: app.reply_type ? app.reply_type.split(".")[0]! : null,
    notices,
  };
}

export type TrackAnswer =
  | { outcome: "found"; keys: TrackKeys; view: TrackingView; supplemented: boolean; errors: FieldErrors; /** A refused supplement's text, to put back. */ supplement: string }
  | { outcome: "refused"; keys: { trackingNo: string; queryCode: string }; errors: FieldErrors; message: string | null; status: 400 | 404 | 429 };

/**
 * A look-up by tracking number and query code, and, with `supplement`, the 补正 sent from the
 * page. An unknown number and a wrong code get the same answer, so numbers cannot be probed.
 * Request rows are readable only in a submission transaction, hence the look-up runs in one.
 */
export async function track(ctx: RequestsContext, form: FormData): Promise<TrackAnswer> {
  const { values, errors: refused } = checkedTexts(form);
  const raw = { trackingNo: values.trackingNo ?? "", queryCode: values.queryCode ?? "" };
  const refuse = (message: string | null, errors: FieldErrors, status: 400 | 404 | 429): TrackAnswer => ({ outcome: "refused", keys: raw, errors, message, status });
  if (!(await ctx.rateLimit("track", TRACK_LIMIT))) return refuse("requests:public.errors.tooManyLookups", {}, 429);
  // A refused supplement is answered beside the supplement form, once the application is found.
  const { supplement: refusedSupplement, ...refusedKeys } = refused;
  const [other] = Object.entries(refusedKeys).filter(([f]) => f !== "trackingNo" && f !== "queryCode");
  if (Object.keys(refusedKeys).length) return refuse(other ? other[1]![0]! : null, refusedKeys, 400);
  if (values.intent !== undefined && values.intent !== "lookup" && values.intent !== "supplement") return refuse("core:errors.invalid", {}, 400);
  const parsed = TrackInput.safeParse(raw);
  if (!parsed.success) return refuse(null, firstErrors(issueErrors(parsed.error.issues)), 400);
  const keys = parsed.data;
  const supplement = values.intent === "supplement" ? (values.supplement ?? "") : null;

  return ctx.withPublicSubmission(async (trx): Promise<TrackAnswer> => {
    const app = await applicationByTracking(ctx, trx, keys.trackingNo, keys.queryCode);
    if (!app) return refuse("requests:public.errors.notFound", {}, 404);
    if (supplement === null) return { outcome: "found", keys, view: await trackingView(ctx, trx, app), supplemented: false, errors: {}, supplement: "" };
    if (refusedSupplement) return { outcome: "found", keys, view: await trackingView(ctx, trx, app), supplemented: false, errors: { supplement: refusedSupplement }, supplement };
    const received = await receiveSupplement(ctx, trx, app, { body: supplement, receivedOn: chinaDate(), via: "online" });
    const current = received.ok ? ((await trx.selectFrom("requests_applications").selectAll().where("id", "=", app.id).executeTakeFirst()) ?? app) : app;
    const view = await trackingView(ctx, trx, current);
    if (received.ok) return { outcome: "found", keys, view, supplemented: true, errors: {}, supplement: "" };
    return { outcome: "found", keys, view, supplemented: false, errors: { supplement: [received.error] }, supplement };
  });
}
