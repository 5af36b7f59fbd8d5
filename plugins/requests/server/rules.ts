import type { ClockStatus, WorkCalendar } from "../../../app/plugin-api";
import { SUPPLEMENT } from "../law/reply-clock";
import type { ApplicationStatus, NoticeKind } from "../db/schema";
import { LAPSE_RULES, lapseRefusal, lapseRule, type LapseRefusal } from "../law/lapses";
import { replyTypes } from "../law/reply-types";

/** What the office may do next with an application, decided in one place for the page and the server. */
export type StaffStep =
  | "confirm"
  | `notice.${NoticeKind}`
  | "supplement.receive"
  | "consultation.answer"
  | "fee.paid"
  | "close.no_supplement"
  | "close.fee_unpaid"
  | "close.withdrawn";

export interface RuleFacts {
  status: ApplicationStatus;
  receivedOn: string | null;
  supplementDue: string | null;
  /** The pay-by date on the application row, shown to staff; the ledger's answer date decides (六)2. */
  feeDue: string | null;
  clock: ClockStatus | null;
  /** Kinds of notice drafted and not yet sent or abandoned. */
  inFlight: readonly NoticeKind[];
  /** Whether a 补正 notice was ever sent (Art 30: the office asks once). */
  supplementAsked: boolean;
  today: string;
}

/** The last day a 补正 notice may go out: 7 working days from receipt (条例第三十条). */
export function supplementNoticeDeadline(receivedOn: string, calendar: WorkCalendar): string {
  return calendar.addWorkdays(receivedOn, SUPPLEMENT.days).value;
}

export function allowedSteps(f: RuleFacts, calendar: WorkCalendar): Set<StaffStep> {
  const steps = new Set<StaffStep>();
  if (f.status === "unconfirmed") {
    steps.add("confirm");
    steps.add("close.withdrawn");
    return steps;
  }
  if (f.status === "closed") return steps;
  steps.add("close.withdrawn");
  const free = (kind: NoticeKind) => !f.inFlight.includes(kind);
  const dueStill = !!f.clock?.dueDate && f.today <= f.clock.dueDate;
  switch (f.status) {
    case "processing":
      if (free("supplement") && !f.supplementAsked && f.receivedOn && f.today <= supplementNoticeDeadline(f.receivedOn, calendar)) steps.add("notice.supplement");
      if (free("extension") && !f.clock?.extension && dueStill) steps.add("notice.extension");
      for (const kind of ["third_party", "other_agency", "fee", "reply"] as const) if (free(kind)) steps.add(`notice.${kind}`);
      break;
    case "awaiting_supplement":
      steps.add("supplement.receive");
      break;
    case "consulting":
      steps.add("consultation.answer");
      break;
    case "awaiting_fee":
      steps.add("fee.paid");
      break;
  }
  // （六）1 and （六）2: closed without a letter, or by a reply of that row, once the ledger says the
  // period ran out — and not while a reply is already on its way through approval.
  if (free("reply")) {
    for (const rule of LAPSE_RULES) {
      if (lapseRefusal(rule, f, f.today)) continue;
      steps.add(CLOSE_STEP[rule.row]);
      steps.add("notice.reply");
    }
  }
  return steps;
}

const CLOSE_STEP = { "other.no_supplement": "close.no_supplement", "other.fee_unpaid": "close.fee_unpaid" } as const;

export type ReplyFacts = Pick<RuleFacts, "status" | "clock" | "supplementDue" | "today">;

/**
 * The rows a reply drafted today may take: while the application is being processed, any row but
 * （六）1 and （六）2, which only follow a notice whose period ran out; once one did, that row alone.
 */
export function admittedReplyRows(f: ReplyFacts): string[] {
  const lapsed = LAPSE_RULES.filter((r) => !lapseRefusal(r, f, f.today)).map((r) => r.row as string);
  if (lapsed.length) return lapsed;
  if (f.status !== "processing") return [];
  return replyTypes("2021")
    .map((r) => r.key as string)
    .filter((k) => !lapseRule(k));
}

/** Why a reply of `row` may not be drafted today: the lapse rule's reason, or that the application waits on the applicant. */
export function replyRowRefusal(f: ReplyFacts, row: string): string | null {
  if (admittedReplyRows(f).includes(row)) return null;
  const rule = lapseRule(row);
  const why: LapseRefusal | "waiting" = rule ? (lapseRefusal(rule, f, f.today) ?? "waiting") : "waiting";
  return `requests:errors.lapse.${rule ? `${rule.pause}.` : ""}${why}`;
}
