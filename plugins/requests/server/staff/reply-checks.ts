import { admittedGrounds } from "../../law/reply-grounds";
import { replyRowRefusal } from "../rules";
import type { NoticeValues } from "./notice-form";
import { WITHHELD_SLOTS } from "./notice-form";
import type { ApplicationView } from "./view.server";

/** The facts a reply's row is checked against, from the application's page. */
export const replyFacts = (view: Pick<ApplicationView, "application" | "clock" | "today">) => ({
  status: view.application.status,
  clock: view.clock,
  supplementDue: view.application.supplementDue,
  today: view.today,
});

/**
 * The reply editor's errors that come from the law rather than the form: a row the clock's facts do
 * not allow today (（六）1 and （六）2), and a withheld part whose ground its row does not admit, on
 * the slot the officer filled (the payload's list leaves empty slots out).
 */
export function replyRowErrors(view: Pick<ApplicationView, "application" | "clock" | "today">, values: NoticeValues): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const row = values.replyType ?? "";
  if (!row) return errors;
  const refusal = replyRowRefusal(replyFacts(view), row);
  if (refusal) errors.replyType = [refusal];
  const admitted = admittedGrounds(row);
  for (let i = 0; i < WITHHELD_SLOTS; i++) {
    const ground = (values[`withheld.${i}.groundKey`] ?? "").trim();
    const described = (values[`withheld.${i}.description`] ?? "").trim();
    if (!ground && !described) continue;
    if (admitted.length === 0) errors.withheld = ["requests:errors.withheldNotOfRow"];
    else if (ground && !admitted.includes(ground)) errors[`withheld.${i}.groundKey`] = ["requests:errors.groundNotOfRow"];
  }
  return errors;
}
