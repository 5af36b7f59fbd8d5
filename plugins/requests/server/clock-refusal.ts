import { DecisionRefused } from "../../../app/plugin-api";

/**
 * The core's `ClockLedgerError` (a ledger the law refuses) as the locale key that says why, or null
 * for any other error. Plugins see the error by its name and rule, not its class.
 */
export const LEDGER_RULES = [
  "starts-with-start",
  "date-order",
  "not-in-future",
  "after-stop",
  "single-start",
  "pause-while-paused",
  "supplement-once",
  "resume-while-running",
  "supplement-restarts",
  "restart-needs-supplement",
  "extend-once",
  "extension-cap",
  "extension-approver",
  "extend-before-due",
  "deemed-withdrawn-needs-supplement",
  "fee-unpaid-needs-fee-notice",
  "fee-unpaid-after-due",
] as const;

export function ledgerRefusal(e: unknown): string | null {
  if (!(e instanceof Error) || e.name !== "ClockLedgerError") return null;
  const rule = (e as Error & { rule?: string }).rule;
  return (LEDGER_RULES as readonly string[]).includes(rule ?? "") ? `requests:errors.clock.${rule}` : "requests:errors.clock.refused";
}

/**
 * Runs the ledger writes of an approval: when the facts changed while the letter was in review (the
 * fee came in before a 逾期未缴费 reply was approved), the approval is refused with the rule's reason.
 */
export async function refusingOnLedger<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const key = ledgerRefusal(e);
    if (key) throw new DecisionRefused(key);
    throw e;
  }
}
