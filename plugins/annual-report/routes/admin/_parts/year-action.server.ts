import type { FieldErrors } from "../../../../../app/plugin-api/loaders.server";
import type { ReportsContext } from "../../../server/context";
import type { Problem } from "../../../server/report/checks";
import { officeFigures, saveManualCells, saveNarrative, startCorrection, startDraft, submitReport, type Refused } from "../../../server/reports.server";
import { confirmedNarrative, editedNarrative } from "./narrative-form.server";
import { DRAFT_PERMISSION } from "./routes.server";
import { valuesNow, working } from "./year-view.server";

export const INTENTS = ["start", "cells", "narrative", "confirm", "submit", "correct"] as const;
export type Intent = (typeof INTENTS)[number];

/** What the year page's action answers: done (with a submission's document and warnings), or refused with every fault. */
export type YearActionResult =
  | { ok: true; intent: Intent; documentId?: string; warnings?: Problem[] }
  | { ok: false; intent: Intent | null; error: string; errors: FieldErrors; problems: Problem[]; unfinished: number; values: Record<string, string> };

const texts = (form: FormData) => Object.fromEntries([...form].flatMap(([k, v]) => (typeof v === "string" && k !== "_csrf" ? [[k, v]] : [])));

function refused(intent: Intent | null, r: Refused, values: Record<string, string>): YearActionResult {
  const errors = r.errors ?? {};
  const error = r.error ?? Object.values(errors)[0]?.[0] ?? "core:errors.invalid";
  return { ok: false, intent, error, errors: r.error ? { ...errors, _form: [r.error] } : errors, problems: r.problems ?? [], unfinished: r.unfinished ?? 0, values };
}

/** One of the year page's forms, by its intent; every change through reports.server (which checks the drafter's permission). */
export async function yearAction(ctx: ReportsContext, year: number, form: FormData): Promise<YearActionResult> {
  ctx.require(DRAFT_PERMISSION);
  const values = texts(form);
  const intent = INTENTS.find((i) => i === values.intent) ?? null;
  if (!intent) return refused(null, { ok: false, error: "core:errors.invalid" }, values);
  const done = (r: { ok: true } | Refused, extra: Partial<Extract<YearActionResult, { ok: true }>> = {}): YearActionResult =>
    r.ok ? { ok: true, intent, ...extra } : refused(intent, r, values);
  switch (intent) {
    case "start":
      return done(await startDraft(ctx, year));
    case "cells":
      return done(await saveManualCells(ctx, year, form));
    case "correct":
      return done(await startCorrection(ctx, year, form));
    case "submit": {
      const r = await submitReport(ctx, year);
      return r.ok ? done(r, { documentId: r.documentId, warnings: r.warnings }) : done(r);
    }
    case "narrative":
    case "confirm": {
      // Read before the transaction: the figures' readers open their own.
      const figures = await officeFigures(ctx, year);
      const w = await ctx.withTenant((trx) => working(ctx, trx, year, figures));
      if (!w) return done({ ok: false, error: "annual-report:errors.notDrafting" });
      if (intent === "confirm") {
        const confirmed = confirmedNarrative(w.narrative, values.place ?? "", valuesNow(w));
        return done(confirmed ? await saveNarrative(ctx, year, confirmed) : { ok: false, error: "annual-report:errors.noParagraph" });
      }
      const edited = editedNarrative(w.narrative, form);
      return done(edited.ok ? await saveNarrative(ctx, year, edited.narrative) : { ok: false, errors: edited.errors });
    }
  }
}
