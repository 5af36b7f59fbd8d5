import { z } from "zod";
import type { ClockKind } from "../../core/calendar/clock-kind";
import { isCalendarDate } from "../../core/calendar/dates";

/* Not trimmed: a wording may begin with the space that joins it to the sentence before. */
const text = z.string().refine((v) => v.trim().length > 0, "a text in every locale");
/** Every user-visible word in the three locales. */
const localized = z.object({ "zh-CN": text, "zh-TW": text, en: text });
const days = z.number().int().positive();
/** A day every year has (not 02-29), as "MM-DD". */
const byDay = z.string().refine((v) => /^\d{2}-\d{2}$/.test(v) && isCalendarDate(`2001-${v}`), "a day of every year as MM-DD (not 02-29), e.g. '03-31'");
const reasonKey = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, "kebab-case, e.g. 'third-party'");

const PauseRuleSchema = z.object({
  label: localized,
  source: localized,
  endsWith: z.enum(["resume", "restart"]),
  restartWording: localized.optional(),
  answer: z.object({ days, source: localized, lapses: z.boolean(), dueWording: localized.optional() }).optional(),
  once: localized.optional(),
  noticeWithin: z.object({ days, source: localized }).optional(),
  confirmed: z.boolean().optional(),
});

const StopRuleSchema = z.object({
  wording: localized,
  lateWording: localized.optional(),
  requires: z.object({ pause: reasonKey, afterAnswer: z.boolean().optional() }).optional(),
  source: localized.optional(),
});

/**
 * A clock kind a plugin declares (manifest `clockKinds`); the core evaluates and explains any of
 * them. Stops may only require pauses the kind declares, and a `restart` needs a pause ending with it.
 */
export const ClockKindSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/, "<pluginId>.<name>, e.g. 'requests.reply'"),
    period: z.union([
      z.object({ days, unit: z.literal("working") }).strict(),
      z.object({ days, unit: z.literal("calendar"), endsOnWorkday: z.boolean().optional() }).strict(),
      z.object({ byDay, endsOnWorkday: z.boolean().optional() }).strict(),
    ]),
    source: localized,
    pauses: z.record(reasonKey, PauseRuleSchema).default({}),
    extension: z.object({ maxCount: days, maxDays: days, approver: localized.optional(), source: localized }).nullable().default(null),
    stops: z.record(reasonKey, StopRuleSchema).refine((s) => Object.keys(s).length > 0, "a clock kind needs at least one stop reason"),
    confirmed: z.boolean().optional(),
  })
  .superRefine((kind, ctx) => {
    for (const [reason, stop] of Object.entries(kind.stops)) {
      if (stop.requires && !(stop.requires.pause in kind.pauses))
        ctx.addIssue({ code: "custom", path: ["stops", reason, "requires", "pause"], message: `"${stop.requires.pause}" is not one of this kind's pauses` });
      if (stop.requires?.afterAnswer && !kind.pauses[stop.requires.pause]?.answer)
        ctx.addIssue({ code: "custom", path: ["stops", reason, "requires", "afterAnswer"], message: `the pause "${stop.requires.pause}" has no answer period` });
    }
    for (const [reason, pause] of Object.entries(kind.pauses)) {
      if (pause.restartWording && pause.endsWith !== "restart")
        ctx.addIssue({ code: "custom", path: ["pauses", reason, "restartWording"], message: "only a pause that ends with restart has a restart wording" });
    }
  });

/* The schema's output is the core's type: a manifest that passes is a kind the core evaluates. */
type Assignable<T extends ClockKind> = T;
export type DeclaredClockKind = Assignable<z.output<typeof ClockKindSchema>>;
