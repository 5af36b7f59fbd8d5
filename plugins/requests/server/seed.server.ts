import { randomUUID } from "node:crypto";
import { sql, type Insertable } from "kysely";
import { chinaDate } from "../../../app/plugin-api";
import { demoRequests, type DemoOffice, type DemoRequest } from "../data/demo-requests";
import { addressedLetter, NOTICE_TITLES } from "../data/letters";
import { fillLetter } from "./letters/fields";
import { seedOf } from "../data/random";
import { clockId, type RequestsDatabase } from "../db/schema";

import { ApplicationInput, applicantDetails, maskedApplicant } from "./applicant";
import { createApplication } from "./applications.server";
import { RequestsSettings } from "./settings";
import { seedDemoReplyFile } from "./reply-files/demo.server";
import type { RequestsTenantContext, RequestsTransaction } from "./context";

/** Demo offices get a year of applications; other offices start empty. */
export async function seedRequests(ctx: RequestsTenantContext): Promise<void> {
  if (ctx.tenant.code.startsWith("demo-")) await seedDemoRequests(ctx, chinaDate());
}

/** "示范市生态环境局东湖分局" → 东湖区 and 示环东; the city bureau → 示范市 and 示环. */
function officeOf(ctx: RequestsTenantContext, today: string): DemoOffice {
  const short = /局(.+?)分局$/.exec(ctx.tenant.name["zh-CN"])?.[1];
  return {
    area: short ? `${short}区` : "示范市",
    prefix: short ? `示环${short.slice(0, 1)}` : "示环",
    branch: !!short,
    seed: seedOf(ctx.tenant.code),
    today,
    calendar: ctx.calendar,
    supplementWorkdays: RequestsSettings.parse(ctx.settings).supplementWorkdays,
  };
}

/**
 * Records the demo year through the plugin's own paths: createApplication (sealed applicant,
 * tracking number, the clock's start), the clock ledger event by event (so the law checks every
 * step), then the columns, notices, supplements, consultations and appeals in a few statements.
 * Once per office: nothing happens where applications exist. `office` overrides what the
 * office's name says (tests seed offices not named like the demo's).
 */
export async function seedDemoRequests(ctx: RequestsTenantContext, today: string, office: Partial<DemoOffice> = {}): Promise<void> {
  await ctx.withTenant(async (trx) => {
    const existing = await trx.selectFrom("requests_applications").select("id").where("tenant_id", "=", ctx.tenant.id).limit(1).execute();
    if (existing.length) return;
    const plan = demoRequests({ ...officeOf(ctx, today), ...office });
    const recorded: Recorded[] = [];
    for (const request of plan) {
      const input = ApplicationInput.parse({ ...request.applicant, ...request.content, form: request.form, delivery: request.delivery });
      const created = await createApplication(ctx, trx, { input, channel: request.channel, receipt: request.receipt });
      if (!created.ok) throw new Error(`requests demo: ${created.field} ${created.error}`);
      for (const event of request.timeline?.events ?? []) await ctx.clocks.append(trx, clockId(created.id), event);
      recorded.push({ id: created.id, trackingNo: created.trackingNo, request, masked: maskedApplicant(applicantDetails(input)) });
    }
    await writeOutcomes(ctx, trx, recorded);
    const answering = recorded.find((r) => r.request.timeline?.status === "processing");
    if (answering) await seedDemoReplyFile(ctx, trx, answering.id);
  });
}

type Recorded = { id: string; trackingNo: string; request: DemoRequest; masked: string };

async function writeOutcomes(ctx: RequestsTenantContext, trx: RequestsTransaction, recorded: Recorded[]) {
  const tenant_id = ctx.tenant.id;
  const rows = recorded.map(({ id, request: { timeline: t, submittedOn } }) => sql`(${id}::uuid, ${submittedOn}::date, ${t?.status ?? "unconfirmed"}, ${t?.supplementDue ?? null}::date, ${t?.feeFen ?? null}::int, ${t?.feeDue ?? null}::date, ${t?.feePaidOn ?? null}::date, ${t?.replyType ?? null}, ${t?.closedOn ?? null}::date)`);
  await sql`
    UPDATE requests_applications a
       SET submitted_at = (v.submitted_on + time '09:30') AT TIME ZONE 'Asia/Shanghai', status = v.status, supplement_due = v.supplement_due,
           fee_fen = v.fee_fen, fee_due = v.fee_due, fee_paid_on = v.fee_paid_on, reply_type = v.reply_type, closed_on = v.closed_on
      FROM (VALUES ${sql.join(rows)}) AS v(id, submitted_on, status, supplement_due, fee_fen, fee_due, fee_paid_on, reply_type, closed_on)
     WHERE a.tenant_id = ${tenant_id} AND a.id = v.id`.execute(trx);

  const consultations: Insertable<RequestsDatabase["requests_consultations"]>[] = [];
  const notices: Insertable<RequestsDatabase["requests_notices"]>[] = [];
  const supplements: Insertable<RequestsDatabase["requests_supplements"]>[] = [];
  const appeals: Insertable<RequestsDatabase["requests_appeals"]>[] = [];
  for (const { id: application_id, trackingNo, request, masked } of recorded) {
    const t = request.timeline;
    if (!t) continue;
    const consultationIds = t.consultations.map(() => randomUUID());
    t.consultations.forEach((c, i) =>
      consultations.push({ tenant_id, id: consultationIds[i]!, application_id, kind: c.kind, party: c.party, sent_on: c.sentOn, answer_due: c.answerDue, answered_on: c.answeredOn, answer: c.answer, note: c.note }),
    );
    for (const n of t.notices) {
      // As a sent letter is kept (notices.server.ts): the masked addressee shown, the printable letter in details.
      const letter = addressedLetter(trackingNo, t.receivedOn, n.letter);
      const details = { ...n.details, ...(n.consultation === undefined ? {} : { consultationId: consultationIds[n.consultation] }), letter, letterLocale: "zh-CN" };
      const body = fillLetter(letter, { applicant: masked }, "zh-CN");
      notices.push({ tenant_id, application_id, kind: n.kind, document_id: null, title: NOTICE_TITLES[n.kind], body, details: JSON.stringify(details), released: JSON.stringify(n.released), sent_on: n.sentOn });
    }
    for (const s of t.supplements) supplements.push({ tenant_id, application_id, body: s.body, received_on: s.receivedOn, via: s.via });
    for (const a of request.appeals) appeals.push({ tenant_id, application_id, kind: a.kind, body: a.body(trackingNo), filed_on: a.filedOn, outcome: a.outcome, decided_on: a.decidedOn, note: a.note });
  }
  if (consultations.length) await trx.insertInto("requests_consultations").values(consultations).execute();
  if (notices.length) await trx.insertInto("requests_notices").values(notices).execute();
  if (supplements.length) await trx.insertInto("requests_supplements").values(supplements).execute();
  if (appeals.length) await trx.insertInto("requests_appeals").values(appeals).execute();
}
