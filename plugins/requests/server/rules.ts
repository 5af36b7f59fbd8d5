import { SUPPLEMENT, type ClockStatus, type WorkCalendar } from "../../../app/plugin-api";
import type { ApplicationStatus, NoticeKind } from "../db/schema";

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
      if (f.supplementDue && f.today > f.supplementDue) steps.add("close.no_supplement");
      break;
    case "consulting":
      steps.add("consultation.answer");
      break;
    case "awaiting_fee":
      steps.add("fee.paid");
      if (f.feeDue && f.today > f.feeDue) steps.add("close.fee_unpaid");
      break;
  }
  return steps;
}
