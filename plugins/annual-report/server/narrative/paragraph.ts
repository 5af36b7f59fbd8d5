import type { Figures } from "../report/fill";
import { isProvided } from "../report/fill";
import type { ReportParagraph } from "../report/model";

/** The values of `keys` when every one is provided (its plugin enabled), else null. */
export function pick(figures: Figures, keys: readonly string[]): Record<string, number> | null {
  if (!keys.every((k) => isProvided(figures, k))) return null;
  return Object.fromEntries(keys.map((k) => [k, figures[k]!]));
}

/** A paragraph tied to the figures it was written from: their keys and the values it printed. */
export function quoting(text: string, quoted: Record<string, number>): ReportParagraph {
  const keys = Object.keys(quoted);
  return keys.length ? { text, quotes: keys, quoted: { ...quoted } } : { text };
}

/** A paragraph for the drafter to complete (placeholders, or a subject the platform does not know). */
export const todo = (text: string): ReportParagraph => ({ text, todo: true });

/** 「a件、b件」 of the non-zero counts, in order; "" when all are zero. */
export const nonZero = (counts: [string, number][], unit = "件") =>
  counts
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label}${n}${unit}`)
    .join("、");
