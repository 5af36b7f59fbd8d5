import { ClockLedgerError } from "../../../../app/core/calendar/clock";
import { APPLICANT_TYPES, type ApplicantType } from "../../../../plugins/requests/law/applicants";
import { RECEIPT_CHANNELS, type ReceiptChannel, type ReceiptFacts } from "../../../../plugins/requests/law/receipt";
import { demoApplicant } from "../../../../plugins/requests/data/applicants";
import { demoAppeals } from "../../../../plugins/requests/data/appeals";
import { Days } from "../../../../plugins/requests/data/days";
import type { DemoRequest } from "../../../../plugins/requests/data/demo-requests";
import { demoContent } from "../../../../plugins/requests/data/subjects";
import { closedTimeline, openTimeline, type PlanContext, type Timeline } from "../../../../plugins/requests/data/timelines";
import { RequestsSettings } from "../../../../plugins/requests/server/settings";
import { addDays, benchCalendar } from "../calendar";
import { stream, uuidFrom, weighted, type Random } from "../random";
import { BENCH_TODAY } from "../spec";
import type { PlannedTenant } from "../tree";
import { planFates, type Fate } from "./fates";

/**
 * One office's 依申请公开 over the last two years, planned without the database through the
 * requests plugin's own demo planners: applicants and what they ask (data/applicants, subjects),
 * each application's timeline as the law allows it (data/timelines: clock events, notices,
 * supplements, consultations), appeals (data/appeals). Only the mix and the volume are the bench's.
 */

export interface PlannedRequest extends DemoRequest {
  id: string;
  queryCode: string;
}

const WINDOW_START = addDays(BENCH_TODAY, -730);
const SUPPLEMENT_WORKDAYS = RequestsSettings.parse({}).supplementWorkdays;
const QUERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/** About one application in this many is contested (行政复议 or 诉讼); demoAppeals plans up to 9 per batch. */
const APPEAL_BATCH = 300;

const APPLICANT_WEIGHTS: [ApplicantType, number][] = [
  ["natural", 45],
  ["business", 22],
  ["legal_service", 11],
  ["public_interest", 9],
  ["research", 7],
  ["other_org", 6],
];
const CHANNEL_WEIGHTS: [ReceiptChannel, number][] = [
  ["internet", 38],
  ["in_person", 17],
  ["post", 15],
  ["email", 12],
  ["ordinary_letter", 9],
  ["fax", 9],
];
/** Complaints and questions about the office itself come from people. */
const NATURAL_PERSONS_ASK = new Set(["not_processed.petition", "withheld.internal_affairs"]);

function receiptOf(r: Random, days: Days, channel: ReceiptChannel, receivedOn: string): { receipt: ReceiptFacts; submittedOn: string } {
  switch (channel) {
    case "in_person":
      return { receipt: { submittedOn: receivedOn }, submittedOn: receivedOn };
    case "post":
      return { receipt: { signedForOn: receivedOn }, submittedOn: days.addDays(receivedOn, -r.int(2, 4)) };
    case "ordinary_letter":
      return { receipt: { arrivedOn: receivedOn, confirmedOn: receivedOn }, submittedOn: days.addDays(receivedOn, -r.int(2, 5)) };
    default:
      return { receipt: { confirmedOn: receivedOn }, submittedOn: days.addDays(receivedOn, -r.int(0, 2)) };
  }
}

function deliveryOf(r: Random, channel: ReceiptChannel): Pick<DemoRequest, "form" | "delivery"> {
  if (channel === "internet") return { form: "electronic", delivery: r.chance(0.7) ? "online" : "email" };
  if (channel === "email") return { form: "electronic", delivery: "email" };
  if (channel === "in_person") return r.chance(0.5) ? { form: "paper", delivery: "pickup" } : { form: "electronic", delivery: "email" };
  return r.chance(0.7) ? { form: "paper", delivery: "post" } : { form: "electronic", delivery: "email" };
}

/** A closed timeline received on or before the planned day; earlier days when the reply would fall after today. */
function closedAround(ctx: PlanContext, receivable: string[], at: number, fate: Fate, content: ReturnType<typeof demoContent>): Timeline {
  for (let tries = 0; tries < 40; tries++) {
    const day = receivable[Math.max(0, at - 10 * tries)]!;
    try {
      const timeline = closedTimeline(ctx, day, fate.outcome!, fate.paths, content);
      if (timeline) return timeline;
    } catch (e) {
      // A path that does not fit this receipt date (an extension after the due date): try another day.
      if (!(e instanceof ClockLedgerError)) throw e;
    }
  }
  throw new Error(`bench data: no receipt date fits ${fate.outcome} ${fate.paths.join("+")}`);
}

export function planRequests(tenant: PlannedTenant, count: number, seed: number): PlannedRequest[] {
  const r = stream(seed, "requests", tenant.definition.regionCode);
  const days = new Days(benchCalendar, WINDOW_START, BENCH_TODAY);
  const receivable = days.within(WINDOW_START, days.ago(5));
  const fates = planFates(r, count);
  // Every applicant type and channel at least once, among applications the office has confirmed.
  const confirmed = fates.filter((f) => f.open !== "unconfirmed" && f.outcome !== "not_processed.repeated");
  const typeOf = new Map<Fate, ApplicantType>(APPLICANT_TYPES.filter((_, i) => i < confirmed.length).map((t, i) => [confirmed[i]!, t]));
  const channelOf = new Map<Fate, ReceiptChannel>(RECEIPT_CHANNELS.filter((_, i) => i < confirmed.length).map((ch, i) => [confirmed[confirmed.length - 1 - i]!, ch]));
  const setting = (asOf: string) => ({ area: tenant.area, prefix: tenant.prefix, asOf });

  const requests: PlannedRequest[] = [];
  const repeats: Fate[] = [];
  const ids = () => ({ id: uuidFrom(r), queryCode: Array.from({ length: 8 }, () => r.pick([...QUERY_ALPHABET])).join("") });
  for (const fate of fates) {
    if (fate.outcome === "not_processed.repeated") {
      repeats.push(fate);
      continue;
    }
    const at = r.int(0, receivable.length - 1);
    const channel = fate.open === "unconfirmed" ? "internet" : (channelOf.get(fate) ?? weighted(r, CHANNEL_WEIGHTS));
    const applicant = demoApplicant(r, typeOf.get(fate) ?? (NATURAL_PERSONS_ASK.has(fate.outcome ?? "") ? "natural" : weighted(r, APPLICANT_WEIGHTS)));
    const content = demoContent(r, setting(fate.outcome ? receivable[at]! : BENCH_TODAY), fate.outcome ?? "open");
    const ctx: PlanContext = { days, random: r, supplementWorkdays: SUPPLEMENT_WORKDAYS, online: channel === "internet" };
    const base = { ...ids(), channel, applicant, content, ...deliveryOf(r, channel), appeals: [] };
    if (fate.open === "unconfirmed") {
      requests.push({ ...base, submittedOn: days.addDays(BENCH_TODAY, -r.int(0, 2)), timeline: null });
      continue;
    }
    const timeline = fate.open ? openTimeline(ctx, fate.open, content) : closedAround(ctx, receivable, at, fate, content);
    requests.push({ ...base, ...receiptOf(r, days, channel, timeline.receivedOn), timeline });
  }

  // 重复申请: someone asks again for what was already answered; without such a reply, an ordinary one.
  // Answered more than 25 working days ago, so the repeat is answered by today too.
  const answeredBy = days.ago(26);
  const answered = requests.filter((q) => q.timeline?.replyType === "disclosed" && q.timeline.closedOn! <= answeredBy);
  for (const _ of repeats) {
    const ctx = (online: boolean): PlanContext => ({ days, random: r, supplementWorkdays: SUPPLEMENT_WORKDAYS, online });
    if (answered.length === 0) {
      const content = demoContent(r, setting(BENCH_TODAY), "disclosed");
      const timeline = closedAround(ctx(false), receivable, receivable.length - 1, { outcome: "disclosed", open: null, paths: [] }, content);
      const applicant = demoApplicant(r, "natural");
      requests.push({ ...ids(), channel: "in_person", applicant, content, form: "paper", delivery: "pickup", appeals: [], ...receiptOf(r, days, "in_person", timeline.receivedOn), timeline });
      continue;
    }
    const original = r.pick(answered);
    const receivedOn = days.after(original.timeline!.closedOn!, r.int(3, 12));
    const timeline = closedTimeline(ctx(original.channel === "internet"), receivedOn, "not_processed.repeated", [], original.content)!;
    requests.push({ ...original, ...ids(), ...receiptOf(r, days, original.channel, receivedOn), timeline, appeals: [] });
  }

  const order = (q: PlannedRequest) => q.timeline?.receivedOn ?? `${q.submittedOn}~`;
  requests.sort((a, b) => order(a).localeCompare(order(b)) || a.id.localeCompare(b.id));
  for (let i = 0; i < requests.length; i += APPEAL_BATCH) demoAppeals(r, days, requests.slice(i, i + APPEAL_BATCH), requests.length >= 40);
  return requests;
}
