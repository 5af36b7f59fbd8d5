import type { ApplicationView } from "../../../server/staff/view.server";
import type { ActionResult } from "./action-result";

/**
 * Whether the page still shows the form a refused answer came from, so its summary says every fault
 * (the form's own included) there; a form gone meanwhile (the step closed, the appeal decided by a
 * colleague) leaves its faults to the top of the page.
 */
export function refusedFormShown(view: ApplicationView, result: Extract<ActionResult, { ok: false }>): boolean {
  const { intent, values } = result;
  if (intent === "appeal.record") return view.can.appeals;
  if (intent === "appeal.decide") return view.can.appeals && view.appeals.some((a) => a.id === values.appealId && a.outcome === "pending");
  if (intent === "consultation.answer") return view.steps.includes(intent) && view.consultations.some((c) => !c.answered_on);
  return (view.steps as readonly string[]).includes(intent) && !intent.startsWith("notice.");
}
