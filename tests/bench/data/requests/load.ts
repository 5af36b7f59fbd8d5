import type { Insertable } from "kysely";
import type { CoreDatabase } from "../../../../db/schema";
import type { PluginTenantContext, PluginTransaction } from "../../../../app/plugin-api";
import { evaluateClock, type ClockEvent } from "../../../../app/core/calendar/clock";
import { REPLY_CLOCK } from "../../../../plugins/requests/law/reply-clock";
import { receiptDate } from "../../../../plugins/requests/law/receipt";
import { letterBody, NOTICE_TITLES } from "../../../../plugins/requests/data/letters";
import { clockId, type RequestsDatabase } from "../../../../plugins/requests/db/schema";
import { ApplicationInput, applicantDetails, applicantIdentity, maskedApplicant } from "../../../../plugins/requests/server/applicant";
import { TRACKING_PATTERN } from "../../../../plugins/requests/server/applications.server";
import { benchCalendar } from "../calendar";
import { stream, uuidFrom } from "../random";
import type { PlannedRequest } from "./plan";

/**
 * Writes an office's planned applications inside its transaction as the plugin records them
 * (server/applications.server.ts, server/seed.server.ts): input validated by ApplicationInput, the
 * receipt date of Art 31, gapless tracking numbers from the office's counter, the applicant sealed
 * and blind-indexed with the plugin's key for this tenant, the query code as a blind index. Each
 * reply clock's whole ledger is checked by the law (evaluateClock, as every append checks it)
 * before it is written. Notices, supplements, consultations and appeals follow.
 */

const CHUNK = 500;
const at = (date: string, time = "10:00") => new Date(`${date}T${time}:00+08:00`);
type Tables = RequestsDatabase;

export interface TrackingSample {
  trackingNo: string;
  queryCode: string;
}

async function trackingNumbers(ctx: PluginTenantContext, trx: PluginTransaction, planned: PlannedRequest[]): Promise<string[]> {
  const yearOf = (q: PlannedRequest) => Number((q.timeline?.receivedOn ?? q.submittedOn).slice(0, 4));
  const numbers: string[] = [];
  let i = 0;
  while (i < planned.length) {
    const year = yearOf(planned[i]!);
    let j = i;
    while (j < planned.length && yearOf(planned[j]!) === year) j++;
    numbers.push(...(await ctx.numbering.nextMany(trx, "requests.tracking", j - i, { pattern: TRACKING_PATTERN, year })).map((n) => n.number));
    i = j;
  }
  return numbers;
}

function checkedLedger(q: PlannedRequest): ClockEvent[] {
  const t = q.timeline!;
  const ledger: ClockEvent[] = [{ kind: "start", date: t.receivedOn, note: q.channel }, ...t.events];
  const asOf = ledger.reduce((d, e) => (e.date > d ? e.date : d), t.receivedOn);
  evaluateClock(REPLY_CLOCK, ledger, asOf, benchCalendar);
  return ledger;
}

async function insertAll<T extends keyof Tables>(trx: PluginTransaction<RequestsDatabase>, table: T, rows: Insertable<Tables[T]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
}

/** `planned` in receipt order (planRequests sorts it). Returns a few tracking numbers with their query codes. */
export async function loadRequests(ctx: PluginTenantContext, trx: PluginTransaction<RequestsDatabase>, planned: PlannedRequest[], officerId: string, seed: number): Promise<TrackingSample[]> {
  const tenant_id = ctx.tenant.id;
  const ids = stream(seed, "request-rows", ctx.tenant.regionCode);
  const numbers = await trackingNumbers(ctx, trx, planned);
  const applications: Insertable<Tables["requests_applications"]>[] = [];
  const events: Insertable<CoreDatabase["clock_events"]>[] = [];
  const notices: Insertable<Tables["requests_notices"]>[] = [];
  const supplements: Insertable<Tables["requests_supplements"]>[] = [];
  const consultations: Insertable<Tables["requests_consultations"]>[] = [];
  const appeals: Insertable<Tables["requests_appeals"]>[] = [];

  planned.forEach((q, n) => {
    const trackingNo = numbers[n]!;
    const t = q.timeline;
    const input = ApplicationInput.parse({ ...q.applicant, ...q.content, form: q.form, delivery: q.delivery });
    let receivedOn: string | null = null;
    if (q.receipt) {
      const r = receiptDate(q.channel, q.receipt);
      if (!r.ok || r.date !== t?.receivedOn) throw new Error(`bench data: receipt facts of ${trackingNo} do not give ${t?.receivedOn}`);
      receivedOn = r.date;
    }
    const details = applicantDetails(input);
    const registeredBy = q.channel === "internet" ? null : officerId;
    const ledger = t ? checkedLedger(q) : [];
    const lastDay = ledger.at(-1)?.date ?? q.submittedOn;
    applications.push({
      tenant_id,
      id: q.id,
      tracking_no: trackingNo,
      query_code_hash: ctx.crypto.blindIndex(`query:${trackingNo}:${q.queryCode}`),
      channel: q.channel,
      receipt_facts: JSON.stringify(q.receipt ?? {}),
      submitted_at: at(q.submittedOn, "09:30"),
      received_on: receivedOn,
      applicant_type: input.applicantType,
      applicant_sealed: ctx.crypto.seal(JSON.stringify(details)),
      applicant_masked: maskedApplicant(details),
      applicant_key: ctx.crypto.blindIndex(applicantIdentity(details)),
      subject: input.subject,
      doc_number: input.docNumber ?? null,
      description: input.description,
      form: input.form,
      delivery: input.delivery,
      status: t?.status ?? "unconfirmed",
      supplement_due: t?.supplementDue ?? null,
      fee_fen: t?.feeFen ?? null,
      fee_due: t?.feeDue ?? null,
      fee_paid_on: t?.feePaidOn ?? null,
      reply_type: t?.replyType ?? null,
      closed_on: t?.closedOn ?? null,
      registered_by: registeredBy,
      updated_at: at(lastDay, "16:00"),
    });
    ledger.forEach((event, i) =>
      events.push({ tenant_id, clock_id: clockId(q.id), seq: i + 1, event: JSON.stringify(event), recorded_by: officerId, recorded_at: at(event.date, "11:00") }),
    );
    if (!t) return;
    const consultationIds = t.consultations.map(() => uuidFrom(ids));
    t.consultations.forEach((c, i) =>
      consultations.push({ tenant_id, id: consultationIds[i]!, application_id: q.id, kind: c.kind, party: c.party, sent_on: c.sentOn, answer_due: c.answerDue, answered_on: c.answeredOn, answer: c.answer, note: c.note }),
    );
    for (const notice of t.notices) {
      const details = notice.consultation === undefined ? notice.details : { ...notice.details, consultationId: consultationIds[notice.consultation] };
      notices.push({
        tenant_id,
        id: uuidFrom(ids),
        application_id: q.id,
        kind: notice.kind,
        document_id: null,
        title: NOTICE_TITLES[notice.kind],
        body: letterBody(trackingNo, t.receivedOn, notice.letter),
        details: JSON.stringify(details),
        released: JSON.stringify(notice.released),
        sent_on: notice.sentOn,
        created_at: at(notice.sentOn),
      });
    }
    for (const s of t.supplements) supplements.push({ tenant_id, id: uuidFrom(ids), application_id: q.id, body: s.body, received_on: s.receivedOn, via: s.via, created_at: at(s.receivedOn) });
    for (const a of q.appeals) appeals.push({ tenant_id, id: uuidFrom(ids), application_id: q.id, kind: a.kind, body: a.body(trackingNo), filed_on: a.filedOn, outcome: a.outcome, decided_on: a.decidedOn, note: a.note });
  });

  await insertAll(trx, "requests_applications", applications);
  for (let i = 0; i < events.length; i += CHUNK) await trx.insertInto("clock_events").values(events.slice(i, i + CHUNK)).execute();
  await insertAll(trx, "requests_consultations", consultations);
  await insertAll(trx, "requests_notices", notices);
  await insertAll(trx, "requests_supplements", supplements);
  await insertAll(trx, "requests_appeals", appeals);
  return planned.slice(0, 3).map((q, n) => ({ trackingNo: numbers[n]!, queryCode: q.queryCode }));
}
