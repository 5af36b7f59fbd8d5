import type { FieldErrors } from "../../../../../app/plugin-api/ui";
import type { revealApplicant } from "../../../server/staff/actions.server";

/** What the application page's action answers; its own module so the page's parts need not import the page. */
export type ActionResult =
  | { ok: true; intent: string; applicant?: Awaited<ReturnType<typeof revealApplicant>> }
  /** `field` and `error`: the first fault; `errors`: every field's, all shown at once. */
  | { ok: false; intent: string; field: string; error: string; errors: FieldErrors; values: Record<string, string> };
