import { evaluateClock, type ClockEvent } from "../../../app/plugin-api";
import { REPLY_CLOCK } from "../law/reply-clock";
import type { ApplicationStatus, NoticeKind, ReleasedDocument } from "../db/schema";
import { computeFee } from "../law/fees";
import type { ReplyTypeKey } from "../law/reply-types";
import type { Days } from "./days";
import type { LetterFacts } from "./letters";
import type { Random } from "./random";
import type { DemoContent } from "./subjects";

/**
 * What happened to one demo application, day by day, as the law allows it (条例 Art 30–33, fee
 * rules): the clock events after the start, the notices sent, the supplement received, the
 * consultation, and the columns the application ends with.
 */

export const OPEN_STATES = ["unconfirmed", "processing", "awaiting_supplement", "consulting", "awaiting_fee", "extended", "overdue"] as const;
export type OpenState = (typeof OPEN_STATES)[number];
/** What a closed application went through before its reply. */
export type Path = "supplement" | "third_party" | "other_agency" | "fee" | "extend" | "late";

export interface PlannedNotice {
  kind: NoticeKind;
  sentOn: string;
  details: Record<string, unknown>;
  released: ReleasedDocument[];
  letter: LetterFacts;
  /** The consultation (index in `consultations`) a 征求意见 notice is about. */
  consultation?: number;
}

export interface PlannedConsultation {
  kind: "third_party" | "other_agency";
  party: string;
  sentOn: string;
  answerDue: string;
  answeredOn: string | null;
  answer: "consent" | "objection" | "no_answer" | null;
  note: string | null;
}

export interface Timeline {
  receivedOn: string;
  /** Clock events after the start (createApplication records the start). */
  events: ClockEvent[];
  status: ApplicationStatus;
  supplementDue: string | null;
  feeFen: number | null;
  feeDue: string | null;
  feePaidOn: string | null;
  replyType: ReplyTypeKey | null;
  closedOn: string | null;
  notices: PlannedNotice[];
  supplements: { body: string; receivedOn: string; via: "online" | "staff" }[];
  consultations: PlannedConsultation[];
}

export interface PlanContext {
  days: Days;
  random: Random;
  /** Working days an applicant gets to supplement (the office's setting). */
  supplementWorkdays: number;
  /** Whether the applicant applied online (supplements then arrive online). */
  online: boolean;
}

const AGENCIES = ["示范市自然资源局", "示范市水利局", "示范市住房和城乡建设局", "示范市农业农村局"];
const EXTENSION_REASONS = ["申请内容涉及多个业务科室和多个年度的档案，需要调档查阅", "所需信息数量较大，需逐件核对并进行保密审查", "申请涉及的信息需与相关单位核实"];
export const APPROVER = "政府信息公开工作机构负责人 陈立群";
const QUICK: ReadonlySet<string> = new Set(["not_processed.petition", "not_processed.repeated", "not_processed.publication", "not_processed.reissue", "withheld.administrative_query", "unavailable.not_held"]);

class Plan {
  readonly t: Timeline;
  constructor(
    private readonly c: PlanContext,
    receivedOn: string,
  ) {
    this.t = {
      receivedOn,
      events: [],
      status: "processing",
      supplementDue: null,
      feeFen: null,
      feeDue: null,
      feePaidOn: null,
      replyType: null,
      closedOn: null,
      notices: [],
      supplements: [],
      consultations: [],
    };
  }

  get cursor(): string {
    return this.t.events.at(-1)?.date ?? this.t.receivedOn;
  }

  /** The clock as of `asOf`, by the same law the ledger enforces. */
  status(asOf = this.cursor) {
    return evaluateClock(REPLY_CLOCK, [{ kind: "start", date: this.t.receivedOn }, ...this.t.events], asOf, this.c.days.calendar);
  }

  notice(n: PlannedNotice) {
    this.t.notices.push(n);
  }

  askSupplement(content: DemoContent, within: number): string {
    const { days, random, supplementWorkdays } = this.c;
    const sentOn = days.after(this.t.receivedOn, random.int(1, within));
    const dueOn = days.after(sentOn, supplementWorkdays);
    const items = content.supplementItems ?? "请明确所需信息的文号或形成时间，以便检索。";
    this.t.events.push({ kind: "pause", date: sentOn, reason: "supplement", note: items });
    this.t.supplementDue = dueOn;
    this.notice({ kind: "supplement", sentOn, details: { kind: "supplement", items, dueOn }, released: [], letter: { kind: "supplement", items, dueOn } });
    return dueOn;
  }

  receiveSupplement(content: DemoContent, dueOn: string) {
    const { days, random } = this.c;
    const sentOn = this.cursor;
    const arrived = days.after(sentOn, random.int(2, Math.min(10, days.between(sentOn, dueOn))));
    this.t.events.push({ kind: "restart", date: arrived });
    this.t.supplements.push({ body: `补充说明：所需信息为${content.subject}，时间范围为近两年。`, receivedOn: arrived, via: this.c.online ? "online" : "staff" });
  }

  consult(kind: "third_party" | "other_agency", party: string, answer: "consent" | "objection" | "no_answer", open = false) {
    const { days, random } = this.c;
    const sentOn = days.after(this.cursor, random.int(2, 6));
    const answerDue = days.after(sentOn, 15);
    this.t.events.push({ kind: "pause", date: sentOn, reason: kind === "third_party" ? "third-party" : "other-agency", note: party });
    const index = this.t.consultations.length;
    const answeredOn = open || answer === "no_answer" ? null : days.after(sentOn, random.int(4, 14));
    const note =
      answer === "objection"
        ? "第三方书面提出异议，认为相关内容涉及商业秘密"
        : answer === "no_answer"
          ? kind === "other_agency"
            ? "逾期未提出意见，视为同意公开（条例第三十四条）"
            : "第三方逾期未提出意见，由本机关依法决定"
          : null;
    this.t.consultations.push({ kind, party, sentOn, answerDue, answeredOn, answer: open ? null : answer, note: open ? null : note });
    this.notice({ kind, sentOn, details: { kind, party }, released: [], letter: { kind, party, sentOn }, consultation: index });
    if (!open) this.t.events.push({ kind: "resume", date: answeredOn ?? days.after(answerDue, 1) });
  }

  feeNotice(pages: number): string {
    const { days, random } = this.c;
    const sentOn = days.after(this.cursor, random.int(3, 7));
    const fee = computeFee({ method: "per_page", pages });
    const dueOn = days.after(sentOn, 20);
    this.t.events.push({ kind: "pause", date: sentOn, reason: "fee-notice" });
    this.t.feeFen = fee.fen;
    this.t.feeDue = dueOn;
    this.notice({ kind: "fee", sentOn, details: { kind: "fee", method: "per_page", pages, fen: fee.fen, dueOn }, released: [], letter: { kind: "fee", fee, pages, dueOn } });
    return dueOn;
  }

  extend(at: string, daysAdded: number) {
    const reason = this.c.random.pick(EXTENSION_REASONS);
    this.t.events.push({ kind: "extend", date: at, days: daysAdded, approver: APPROVER, note: reason });
    const dueOn = this.status(at).dueDate!;
    this.notice({ kind: "extension", sentOn: at, details: { kind: "extension", days: daysAdded, reason }, released: [], letter: { kind: "extension", days: daysAdded, reason, dueOn } });
  }

  close(date: string, reason: "replied" | "withdrawn" | "deemed-withdrawn" | "fee-unpaid", replyType: ReplyTypeKey, content: DemoContent, extra?: string) {
    this.t.events.push({ kind: "stop", date, reason, note: replyType });
    Object.assign(this.t, { status: "closed", replyType, closedOn: date });
    const releases = replyType === "disclosed" || replyType === "partly_disclosed";
    this.notice({
      kind: "reply",
      sentOn: date,
      details: { replyType, withheld: content.withheld ?? [] },
      released: releases ? (content.released ?? []) : [],
      letter: { kind: "reply", replyType, subject: content.subject, extra },
    });
  }
}

/**
 * A closed application received on `receivedOn` with the given outcome and paths, or null when its
 * reply would fall after today (the caller tries another receipt date).
 */
export function closedTimeline(c: PlanContext, receivedOn: string, outcome: ReplyTypeKey, paths: readonly Path[], content: DemoContent): Timeline | null {
  const { days, random } = c;
  const p = new Plan(c, receivedOn);
  const within = () => p.cursor <= days.today;
  const done = () => (within() ? p.t : null);

  if (paths.includes("supplement")) {
    const dueOn = p.askSupplement(content, 5);
    if (outcome === "other.no_supplement") {
      p.close(days.after(dueOn, random.int(1, 3)), "deemed-withdrawn", outcome, content);
      return done();
    }
    p.receiveSupplement(content, dueOn);
  }
  if (paths.includes("third_party")) {
    const answer = outcome === "disclosed" ? "consent" : "objection";
    p.consult("third_party", content.party ?? "涉及的重点排污单位", answer);
  }
  if (paths.includes("other_agency")) p.consult("other_agency", random.pick(AGENCIES), random.chance(0.3) ? "no_answer" : "consent");
  if (paths.includes("fee")) {
    const dueOn = p.feeNotice(outcome === "other.fee_unpaid" ? random.int(180, 420) : random.int(40, 160));
    if (outcome === "other.fee_unpaid") {
      p.close(days.after(dueOn, random.int(1, 3)), "fee-unpaid", outcome, content);
      return done();
    }
    const paidOn = days.after(p.cursor, random.int(2, 12));
    p.t.feePaidOn = paidOn;
    p.t.events.push({ kind: "resume", date: paidOn, note: "已缴费" });
  }
  if (!within()) return null;
  if (outcome === "other.other") {
    p.close(days.after(p.cursor, random.int(2, 10)), "withdrawn", outcome, content);
    return done();
  }

  const due = p.status().dueDate!;
  const left = days.between(p.cursor, due);
  let replyOn: string;
  if (paths.includes("extend")) {
    p.extend(days.after(p.cursor, random.int(Math.max(1, left - 5), left)), random.pick([10, 15, 20]));
    const extended = p.status().dueDate!;
    replyOn = days.after(due, random.int(1, days.between(due, extended)));
  } else if (paths.includes("late")) {
    replyOn = days.after(due, random.int(1, 3));
  } else if (QUICK.has(outcome)) {
    replyOn = days.after(p.cursor, random.int(1, Math.min(8, left)));
  } else {
    replyOn = days.after(p.cursor, random.int(Math.min(6, left), left));
  }
  const notHeld = outcome === "unavailable.not_held" && content.heldBy ? `该信息由${content.heldBy}负责公开，你（单位）可向其咨询。` : undefined;
  p.close(replyOn, "replied", outcome, content, notHeld);
  return done();
}

/** An application still open today in the given state (received recently enough for it). */
export function openTimeline(c: PlanContext, state: Exclude<OpenState, "unconfirmed">, content: DemoContent): Timeline {
  const { days, random } = c;
  switch (state) {
    case "processing":
      return new Plan(c, days.ago(random.int(1, 12))).t;
    case "overdue":
      return new Plan(c, days.ago(random.int(24, 40))).t;
    case "awaiting_supplement": {
      const back = random.int(2, 6);
      const p = new Plan(c, days.ago(back));
      p.askSupplement(content, Math.min(5, back));
      p.t.status = "awaiting_supplement";
      return p.t;
    }
    case "consulting": {
      const back = random.int(9, 14);
      const p = new Plan(c, days.ago(back));
      const kind = random.chance(0.5) ? "third_party" : "other_agency";
      p.consult(kind, kind === "third_party" ? (content.party ?? "涉及的重点排污单位") : random.pick(AGENCIES), "consent", true);
      p.t.status = "consulting";
      return p.t;
    }
    case "awaiting_fee": {
      const p = new Plan(c, days.ago(random.int(8, 12)));
      p.feeNotice(random.int(40, 160));
      p.t.status = "awaiting_fee";
      return p.t;
    }
    case "extended": {
      const back = random.int(22, 30);
      const p = new Plan(c, days.ago(back));
      p.extend(days.ago(back - random.int(16, 20)), 20);
      return p.t;
    }
  }
}
