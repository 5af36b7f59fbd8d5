import type { WorkCalendar } from "../../../app/plugin-api";
import { APPLICANT_TYPES, type ApplicantType } from "../law/applicants";
import { RECEIPT_CHANNELS, type ReceiptChannel, type ReceiptFacts } from "../law/receipt";
import type { ReplyTypeKey } from "../law/reply-types";
import { demoApplicant, type DemoApplicant } from "./applicants";
import { demoAppeals, type PlannedAppeal } from "./appeals";
import { Days } from "./days";
import { Random } from "./random";
import { demoContent, type DemoContent } from "./subjects";
import { closedTimeline, openTimeline, type OpenState, type Path, type PlanContext, type Timeline } from "./timelines";

/**
 * A believable year of 依申请公开 for one demo office, planned without touching the database: who
 * applied, how and when, what they asked for, and everything that happened to the application up
 * to today. The same office and day always give the same plan.
 */

export interface DemoOffice {
  /** The office's area as applicants name it: "东湖区", or "示范市" for the city bureau. */
  area: string;
  /** Prefix of the office's document numbers: 示环东. */
  prefix: string;
  /** A branch office (分局) gets every reply type; the city bureau a smaller year. */
  branch: boolean;
  seed: number;
  today: string;
  calendar: WorkCalendar;
  supplementWorkdays: number;
}

export interface DemoRequest {
  channel: ReceiptChannel;
  /** Absent for an online application the office has not yet confirmed. */
  receipt?: ReceiptFacts;
  submittedOn: string;
  applicant: DemoApplicant;
  content: DemoContent;
  form: "paper" | "electronic";
  delivery: "post" | "email" | "pickup" | "online";
  /** Null while unconfirmed. */
  timeline: Timeline | null;
  appeals: PlannedAppeal[];
}

interface Fate {
  outcome: ReplyTypeKey | null;
  open: OpenState | null;
  paths: Path[];
}

const closed = (outcome: ReplyTypeKey, ...paths: Path[]): Fate => ({ outcome, open: null, paths });
const open = (state: OpenState): Fate => ({ outcome: null, open: state, paths: [] });
const times = (n: number, f: () => Fate) => Array.from({ length: n }, f);

/** A branch office's year: every row of table 三 at least once, every open state. */
function branchFates(): Fate[] {
  return [
    ...times(6, () => closed("disclosed")),
    closed("disclosed", "supplement"),
    closed("disclosed", "other_agency"),
    closed("disclosed", "fee"),
    closed("disclosed", "extend"),
    closed("disclosed", "late"),
    closed("partly_disclosed"),
    closed("partly_disclosed"),
    closed("partly_disclosed", "third_party"),
    closed("partly_disclosed", "extend"),
    closed("withheld.state_secret"),
    closed("withheld.prohibited_by_law"),
    closed("withheld.security_stability"),
    closed("withheld.third_party", "third_party"),
    closed("withheld.internal_affairs"),
    closed("withheld.process_information"),
    closed("withheld.process_information", "late"),
    closed("withheld.enforcement_case_file"),
    closed("withheld.administrative_query"),
    ...times(3, () => closed("unavailable.not_held")),
    closed("unavailable.needs_creation"),
    closed("unavailable.needs_creation", "extend"),
    closed("unavailable.still_unclear", "supplement"),
    closed("not_processed.petition"),
    closed("not_processed.petition"),
    closed("not_processed.repeated"),
    closed("not_processed.publication"),
    closed("not_processed.excessive"),
    closed("not_processed.reissue"),
    closed("other.no_supplement", "supplement"),
    closed("other.fee_unpaid", "fee"),
    closed("other.other"),
    open("unconfirmed"),
    open("unconfirmed"),
    ...times(3, () => open("processing")),
    open("awaiting_supplement"),
    open("consulting"),
    open("awaiting_fee"),
    open("extended"),
    open("overdue"),
    open("overdue"),
  ];
}

/** The city bureau handles fewer applications itself. */
function cityFates(): Fate[] {
  return [
    ...times(5, () => closed("disclosed")),
    closed("disclosed", "other_agency"),
    closed("disclosed", "extend"),
    closed("partly_disclosed"),
    closed("partly_disclosed", "third_party"),
    closed("withheld.third_party", "third_party"),
    closed("withheld.process_information"),
    closed("withheld.internal_affairs"),
    closed("unavailable.not_held"),
    closed("unavailable.not_held"),
    closed("unavailable.needs_creation"),
    closed("not_processed.petition"),
    closed("not_processed.repeated"),
    closed("other.no_supplement", "supplement"),
    closed("other.other"),
    open("unconfirmed"),
    open("processing"),
    open("processing"),
    open("awaiting_supplement"),
    open("consulting"),
    open("awaiting_fee"),
    open("extended"),
    open("overdue"),
  ];
}

/** A few more ordinary replies, so the offices differ in size. */
function extraFates(random: Random, n: number): Fate[] {
  return times(n, () => (random.chance(0.6) ? closed("disclosed") : random.chance(0.5) ? closed("unavailable.not_held") : closed("partly_disclosed")));
}

const APPLICANT_WEIGHTS: [ApplicantType, number][] = [
  ["natural", 45],
  ["business", 22],
  ["legal_service", 11],
  ["public_interest", 9],
  ["research", 7],
  ["other_org", 6],
];
/** Complaints and questions about the office itself come from people. */
const NATURAL_PERSONS_ASK: ReadonlySet<string> = new Set(["not_processed.petition", "withheld.internal_affairs"]);
const CHANNEL_WEIGHTS: [ReceiptChannel, number][] = [
  ["internet", 38],
  ["in_person", 17],
  ["post", 15],
  ["email", 12],
  ["ordinary_letter", 9],
  ["fax", 9],
];

function weighted<T>(random: Random, weights: [T, number][]): T {
  let roll = random.next() * weights.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of weights) if ((roll -= w) < 0) return value;
  return weights[0]![0];
}

function receiptOf(random: Random, days: Days, channel: ReceiptChannel, receivedOn: string): { receipt: ReceiptFacts; submittedOn: string } {
  switch (channel) {
    case "in_person":
      return { receipt: { submittedOn: receivedOn }, submittedOn: receivedOn };
    case "post":
      return { receipt: { signedForOn: receivedOn }, submittedOn: days.addDays(receivedOn, -random.int(2, 4)) };
    case "ordinary_letter":
      return { receipt: { arrivedOn: receivedOn, confirmedOn: receivedOn }, submittedOn: days.addDays(receivedOn, -random.int(2, 5)) };
    default:
      return { receipt: { confirmedOn: receivedOn }, submittedOn: days.addDays(receivedOn, -random.int(0, 2)) };
  }
}

function deliveryOf(random: Random, channel: ReceiptChannel): Pick<DemoRequest, "form" | "delivery"> {
  if (channel === "internet") return { form: "electronic", delivery: random.chance(0.7) ? "online" : "email" };
  if (channel === "email") return { form: "electronic", delivery: "email" };
  if (channel === "in_person") return random.chance(0.5) ? { form: "paper", delivery: "pickup" } : { form: "electronic", delivery: "email" };
  return random.chance(0.7) ? { form: "paper", delivery: "post" } : { form: "electronic", delivery: "email" };
}

const counted = (f: Fate) => !!f.outcome && f.outcome !== "not_processed.repeated";

/**
 * Receipt dates for the closed applications, spread over the window in their (shuffled) order: the
 * first of each reply type within this year, so this year's report has every row, and one ordinary
 * application in last year's final days, answered this year (二、上年结转). `date(back)`: the
 * planned date, or a date `back` working days earlier when the reply would otherwise come after today.
 */
function receiptDates(random: Random, days: Days, fates: readonly Fate[], windowStart: string) {
  const year = Number(days.today.slice(0, 4));
  const receivable = days.within(windowStart, days.ago(5));
  const thisYear = days.within(`${year}-01-01`, days.ago(5));
  const lastDays = receivable.filter((d) => d >= `${year - 1}-12-24` && d < `${year}-01-01`);
  const firsts = new Set<Fate>();
  for (const f of fates) if (counted(f) && ![...firsts].some((x) => x.outcome === f.outcome)) firsts.add(f);
  const yearEnd = lastDays.length ? fates.find((f) => f.outcome === "disclosed" && f.paths.length === 0 && !firsts.has(f)) : undefined;
  const pool = (dates: string[], count: number) => ({ dates, count, seen: 0 });
  const pools = {
    first: pool(thisYear.length > 20 ? thisYear : receivable, firsts.size),
    rest: pool(receivable, fates.filter(counted).length - firsts.size - (yearEnd ? 1 : 0)),
    yearEnd: pool(lastDays, 1),
  };
  return (fate: Fate) => {
    const p = fate === yearEnd ? pools.yearEnd : firsts.has(fate) ? pools.first : pools.rest;
    const slot = Math.floor(((p.seen++ + random.next()) * p.dates.length) / p.count);
    return { date: (back: number) => p.dates[Math.max(0, slot - back)]! };
  };
}

export function demoRequests(office: DemoOffice): DemoRequest[] {
  const random = new Random(office.seed);
  const [year, month] = office.today.split("-").map(Number) as [number, number];
  const windowStart = `${month === 12 ? year : year - 1}-${String((month % 12) + 1).padStart(2, "0")}-01`;
  const days = new Days(office.calendar, windowStart, office.today);
  const fates = random.shuffle([...(office.branch ? branchFates() : cityFates()), ...extraFates(random, office.branch ? random.int(0, 8) : random.int(0, 3))]);

  // Every applicant type and channel at least once, among applications the office has confirmed.
  const confirmed = fates.filter((f) => f.open !== "unconfirmed" && f.outcome !== "not_processed.repeated");
  const typeOf = new Map<Fate, ApplicantType>(APPLICANT_TYPES.map((t, i) => [confirmed[i]!, t]));
  const channelOf = new Map<Fate, ReceiptChannel>(RECEIPT_CHANNELS.map((ch, i) => [confirmed[confirmed.length - 1 - i]!, ch]));

  const receiptDate = receiptDates(random, days, fates, windowStart);
  const requests: DemoRequest[] = [];
  const repeats: Fate[] = [];
  for (const fate of fates) {
    if (fate.outcome === "not_processed.repeated") {
      repeats.push(fate);
      continue;
    }
    const planned = fate.outcome ? receiptDate(fate) : null;
    const asOf = planned?.date(0) ?? office.today;
    const channel = fate.open === "unconfirmed" ? "internet" : (channelOf.get(fate) ?? weighted(random, CHANNEL_WEIGHTS));
    const applicant = demoApplicant(random, typeOf.get(fate) ?? (NATURAL_PERSONS_ASK.has(fate.outcome ?? "") ? "natural" : weighted(random, APPLICANT_WEIGHTS)));
    const content = demoContent(random, { area: office.area, prefix: office.prefix, asOf }, fate.outcome ?? "open");
    const ctx: PlanContext = { days, random, supplementWorkdays: office.supplementWorkdays, online: channel === "internet" };
    const base = { channel, applicant, content, ...deliveryOf(random, channel), appeals: [] };
    if (fate.open === "unconfirmed") {
      requests.push({ ...base, submittedOn: days.addDays(office.today, -random.int(0, 2)), timeline: null });
      continue;
    }
    let timeline: Timeline | null = null;
    if (fate.open) timeline = openTimeline(ctx, fate.open, content);
    // A reply that would come after today: received a few weeks earlier instead.
    else for (let tries = 0; !timeline && tries < 20; tries++) timeline = closedTimeline(ctx, planned!.date(10 * tries), fate.outcome!, fate.paths, content);
    if (!timeline) throw new Error(`requests demo: no receipt date fits ${fate.outcome}`);
    requests.push({ ...base, ...receiptOf(random, days, channel, timeline.receivedOn), timeline });
  }

  // 重复申请: the same applicant asks again for what was already answered (in time for its reply by today).
  for (const fate of repeats) {
    const answered = requests.filter((r) => r.timeline?.replyType === "disclosed" && days.between(r.timeline.closedOn!, office.today) > 25);
    if (answered.length === 0) continue;
    const original = random.pick(answered);
    const receivedOn = days.after(original.timeline!.closedOn!, random.int(3, 12));
    const ctx: PlanContext = { days, random, supplementWorkdays: office.supplementWorkdays, online: original.channel === "internet" };
    const timeline = closedTimeline(ctx, receivedOn, fate.outcome!, fate.paths, original.content)!;
    requests.push({ ...original, ...receiptOf(random, days, original.channel, receivedOn), timeline, appeals: [] });
  }

  demoAppeals(random, days, requests, office.branch);
  const order = (r: DemoRequest) => r.timeline?.receivedOn ?? `${r.submittedOn}~`;
  return requests.sort((a, b) => order(a).localeCompare(order(b)));
}
