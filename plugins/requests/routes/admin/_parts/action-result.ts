import type { revealApplicant } from "../../../server/staff/actions.server";

/** What the application page's action answers; its own module so the page's parts need not import the page. */
export type ActionResult =
  | { ok: true; intent: string; applicant?: Awaited<ReturnType<typeof revealApplicant>> }
  | { ok: false; intent: string; field: string; error: string; values: Record<string, string> };
