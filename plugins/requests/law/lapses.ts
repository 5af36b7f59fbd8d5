import type { ClockStatus } from "../../../app/plugin-api";
import { FEE_NOTICE, type PauseReason, type StopReason } from "./reply-clock";
import { article, type LegalBasis, type ReplyTypeKey } from "./reply-types";

/**
 * The two rows of table 三 that close an application because the applicant let a period run out:
 * （六）1 逾期不补正 and （六）2 逾期未缴费. Each follows from the reply clock's ledger, never from
 * the officer's choice: the notice was sent (its pause is open, so nothing answered it) and its
 * period ran out before the day of closing.
 */
export interface LapseRule {
  row: Extract<ReplyTypeKey, "other.no_supplement" | "other.fee_unpaid">;
  /** The pause the notice opened on the ledger, still open: no supplement, no payment. */
  pause: PauseReason;
  /** How the ledger's stop records the closing. */
  stop: StopReason;
  /**
   * Where the period ends: the 补正 deadline the office set in its notice (Art 30 names no number),
   * or the ledger's answer date of the pause (the fee notice's 20 working days).
   */
  periodEnd: "supplement_due" | "answer_due";
  basis: readonly LegalBasis[];
}

export const LAPSE_RULES: readonly LapseRule[] = [
  { row: "other.no_supplement", pause: "supplement", stop: "deemed-withdrawn", periodEnd: "supplement_due", basis: [article(30)] },
  {
    row: "other.fee_unpaid",
    pause: "fee-notice",
    stop: "fee-unpaid",
    periodEnd: "answer_due",
    basis: [article(42), { cite: FEE_NOTICE.basis, confirmed: FEE_NOTICE.confirmed }],
  },
];

export const lapseRule = (row: string): LapseRule | undefined => LAPSE_RULES.find((r) => r.row === row);

export interface LapseFacts {
  /** The clock as read today; null before receipt. */
  clock: Pick<ClockStatus, "openPause" | "stop"> | null;
  /** The 补正 deadline of the notice sent, if one was. */
  supplementDue: string | null;
}

export type LapseRefusal = "notSent" | "notRunOut";

/**
 * Whether `rule`'s row may close the application on `on`: "notSent" when no such notice is waiting
 * for an answer (never sent, already answered, or the clock stopped), "notRunOut" while the
 * applicant still has time (the period's last day included), null when the row applies.
 */
export function lapseRefusal(rule: LapseRule, facts: LapseFacts, on: string): LapseRefusal | null {
  const open = facts.clock?.openPause;
  if (!facts.clock || facts.clock.stop || open?.reason !== rule.pause) return "notSent";
  const end = rule.periodEnd === "supplement_due" ? facts.supplementDue : open.answerDue;
  if (!end || on <= end) return "notRunOut";
  return null;
}

/** The lapse rows the law does not allow on `on`, each with why. */
export function refusedLapses(facts: LapseFacts, on: string): Map<LapseRule["row"], LapseRefusal> {
  const out = new Map<LapseRule["row"], LapseRefusal>();
  for (const rule of LAPSE_RULES) {
    const refusal = lapseRefusal(rule, facts, on);
    if (refusal) out.set(rule.row, refusal);
  }
  return out;
}
