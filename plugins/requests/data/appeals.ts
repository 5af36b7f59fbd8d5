import type { AppealKind, AppealOutcome } from "../db/schema";
import type { Days } from "./days";
import type { Random } from "./random";
import type { Timeline } from "./timelines";

/**
 * 行政复议 and 行政诉讼 against some of the demo's replies (the data of table 四): a review within
 * 60 days of the reply and decided within 60 days, a suit within 6 months, a suit after review
 * within 15 days of the review decision. Filed or decided after today: still pending. In a branch
 * office, one review is against 逾期不答复: an application still unanswered after its due date.
 */

export interface PlannedAppeal {
  kind: AppealKind;
  filedOn: string;
  outcome: AppealOutcome;
  decidedOn: string | null;
  /** The tracking number is known once the application is recorded. */
  body: (trackingNo: string) => string;
  note: string | null;
}

const NOTES: Record<AppealKind, Record<Exclude<AppealOutcome, "pending">, string>> = {
  review: { upheld: "复议机关决定维持原答复", corrected: "复议机关决定撤销原答复，责令重新答复", other: "申请人撤回复议申请，复议终止" },
  direct_suit: { upheld: "一审判决驳回原告诉讼请求", corrected: "一审判决撤销被诉答复，责令重新答复", other: "原告撤回起诉，法院裁定准许" },
  suit_after_review: { upheld: "一审判决驳回原告诉讼请求", corrected: "一审判决撤销被诉答复及复议决定，责令重新答复", other: "原告撤回起诉，法院裁定准许" },
};

const BODIES: Record<AppealKind, (no: string) => string> = {
  review: (no) => `申请人不服本机关就政府信息公开申请（申请编号：${no}）作出的答复，向示范市人民政府申请行政复议，请求撤销该答复并责令重新答复。`,
  direct_suit: (no) => `原告不服被告就政府信息公开申请（申请编号：${no}）作出的答复，未经复议直接向人民法院提起行政诉讼。`,
  suit_after_review: (no) => `原告不服被告就政府信息公开申请（申请编号：${no}）作出的答复及复议决定，向人民法院提起行政诉讼。`,
};

/** A review against the office's silence (条例第五十一条): no reply within the period of Art 33. */
const NO_REPLY_BODY = (no: string) => `申请人认为本机关未在法定期限内答复其政府信息公开申请（申请编号：${no}），向示范市人民政府申请行政复议，请求责令本机关限期答复。`;

/** What an appeal is planned on: a demo request's timeline and the appeals planned for it so far. */
type Appealable = { timeline: Timeline | null; appeals: PlannedAppeal[] };

/** Replies someone would contest: a refusal, a partial release, information not provided or not processed. */
const contestable = (r: Appealable) => /^(withheld|unavailable|not_processed|partly_disclosed|other\.no_supplement)/.test(r.timeline?.replyType ?? "");

type Spec = { kind: AppealKind; outcome: AppealOutcome };

export function demoAppeals(random: Random, days: Days, requests: Appealable[], branch: boolean) {
  const specs: Spec[] = branch
    ? [
        { kind: "review", outcome: "upheld" },
        { kind: "review", outcome: "corrected" },
        { kind: "review", outcome: "other" },
        { kind: "review", outcome: "pending" },
        { kind: "direct_suit", outcome: "upheld" },
        { kind: "direct_suit", outcome: "corrected" },
        { kind: "direct_suit", outcome: "pending" },
        { kind: "suit_after_review", outcome: "upheld" },
        { kind: "suit_after_review", outcome: "pending" },
      ]
    : [
        { kind: "review", outcome: "upheld" },
        { kind: "direct_suit", outcome: "pending" },
      ];
  const candidates = random.shuffle(requests.filter(contestable));
  const used = new Set<Appealable>();
  const { today } = days;
  const on = (from: string, min: number, max: number) => days.onOrAfter(days.addDays(from, random.int(min, max)));
  const appeal = (kind: AppealKind, outcome: AppealOutcome, filedOn: string, decidedOn: string | null): PlannedAppeal => ({
    kind,
    filedOn,
    outcome,
    decidedOn,
    body: BODIES[kind],
    note: outcome === "pending" ? null : NOTES[kind][outcome],
  });

  if (branch) {
    // Unanswered and overdue: received, never paused, its 20th working day passed at least two working days ago.
    const unanswered = requests.find((r) => r.timeline && !r.timeline.closedOn && r.timeline.events.length === 0 && days.after(days.after(r.timeline.receivedOn, 20), 2) <= today);
    if (unanswered) {
      const filedOn = days.after(days.after(unanswered.timeline!.receivedOn, 20), 2);
      unanswered.appeals.push({ ...appeal("review", "pending", filedOn, null), body: NO_REPLY_BODY });
    }
  }

  for (const spec of specs) {
    for (const r of candidates) {
      if (used.has(r)) continue;
      const closedOn = r.timeline!.closedOn!;
      const planned = plan(spec, closedOn);
      if (!planned) continue;
      r.appeals.push(...planned);
      used.add(r);
      break;
    }
  }

  function plan({ kind, outcome }: Spec, closedOn: string): PlannedAppeal[] | null {
    const pending = outcome === "pending";
    if (kind === "review") {
      const filedOn = on(closedOn, 10, 45);
      const decidedOn = pending ? null : on(filedOn, 35, 60);
      // A pending review was filed within the last 60 days; a decided one was decided by today.
      if (filedOn > today || (decidedOn ? decidedOn > today : days.addDays(filedOn, 60) < today)) return null;
      return [appeal(kind, outcome, filedOn, decidedOn)];
    }
    if (kind === "direct_suit") {
      const filedOn = on(closedOn, 20, 90);
      const decidedOn = pending ? null : on(filedOn, 60, 120);
      if (filedOn > today || (decidedOn ? decidedOn > today : days.addDays(filedOn, 150) < today)) return null;
      return [appeal(kind, outcome, filedOn, decidedOn)];
    }
    const reviewFiled = on(closedOn, 10, 30);
    const reviewDecided = on(reviewFiled, 30, 50);
    const filedOn = on(reviewDecided, 5, 14);
    const decidedOn = pending ? null : on(filedOn, 60, 120);
    if (filedOn > today || (decidedOn ? decidedOn > today : days.addDays(filedOn, 150) < today)) return null;
    return [appeal("review", "upheld", reviewFiled, reviewDecided), appeal(kind, outcome, filedOn, decidedOn)];
  }
}
