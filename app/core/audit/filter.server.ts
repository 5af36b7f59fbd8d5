import { z } from "zod";
import { isCalendarDate } from "../calendar/dates";
import { parseQuery, type FieldErrors } from "../forms.server";
import type { AuditPresenter } from "./present.server";
import { PLATFORM_CHAIN, type AuditFilter } from "./query.server";

const Day = z.string().refine(isCalendarDate, { error: "errors.date" });

export const AuditFilterSchema = z
  .object({
    tenant: z.string().max(64, { error: "errors.invalid" }).optional(),
    actor: z.string().trim().max(64, { error: "errors.invalid" }).optional(),
    action: z.string().trim().max(100, { error: "errors.invalid" }).optional(),
    outcome: z.enum(["success", "failure"]).optional(),
    from: Day.optional(),
    to: Day.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
  })
  // Only two valid dates can be out of order; an invalid one already has its own message.
  .refine((f) => !Day.safeParse(f.from).success || !Day.safeParse(f.to).success || f.from! <= f.to!, {
    path: ["to"],
    error: "platform:errors.audit.range",
  });

/** The filter boxes as the reader filled them in, to show them again. */
export type AuditFilterValues = Record<"tenant" | "actor" | "action" | "outcome" | "from" | "to", string>;

export type ReadAuditFilter =
  | { ok: true; values: AuditFilterValues; filter: AuditFilter; page: number; query: string }
  | { ok: false; values: AuditFilterValues; errors: FieldErrors };

/**
 * The audit page's filters, read the same way by the page and by its CSV export: an office by its
 * code (`platform` for the platform chain), a person by name or username, an event or a whole
 * module by the value the event list offers. An empty box means "any"; anything else that is not
 * one of the choices is refused with the field's message.
 */
export function readAuditFilter(url: URL, offices: readonly { id: string; code: string }[], presenter: AuditPresenter): ReadAuditFilter {
  const params = new URLSearchParams([...url.searchParams].filter(([, v]) => v.trim() !== ""));
  const raw = Object.fromEntries(params);
  const values: AuditFilterValues = {
    tenant: raw.tenant ?? "",
    actor: raw.actor ?? "",
    action: raw.action ?? "",
    outcome: raw.outcome ?? "",
    from: raw.from ?? "",
    to: raw.to ?? "",
  };
  const parsed = parseQuery(AuditFilterSchema, params);
  if (!parsed.ok) return { ok: false, values, errors: parsed.errors };
  const f = parsed.data;
  const errors: FieldErrors = {};
  const chain = f.tenant === "platform" ? PLATFORM_CHAIN : offices.find((x) => x.code === f.tenant)?.id;
  if (f.tenant && !chain) errors.tenant = ["errors.invalid"];
  const actions = f.action ? presenter.actionsOf(f.action) : undefined;
  if (actions === null) errors.action = ["errors.invalid"];
  if (Object.keys(errors).length) return { ok: false, values, errors };
  const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== "")).toString();
  return {
    ok: true,
    values,
    page: f.page,
    query,
    filter: { tenantId: chain, actor: f.actor || undefined, actions: actions ?? undefined, outcome: f.outcome, from: f.from, to: f.to },
  };
}
