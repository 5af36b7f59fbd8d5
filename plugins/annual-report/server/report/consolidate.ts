/**
 * A supervising office's consolidated tables: each figure summed over the offices under it, with
 * each office's contribution kept for the drill-down. An office whose report lacks a figure (not
 * provided and not entered) contributes nothing to it and is not listed under it.
 */

export interface Contribution {
  officeId: string;
  value: number;
}

export interface Consolidated {
  totals: Record<string, number>;
  /** Figure key → each contributing office's value, in the order the offices were given. */
  contributions: Record<string, Contribution[]>;
}

/** Sums of 万元 with two decimals drift in binary floating point; totals are rounded back. */
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;

/** `offices`: office id → figure key → value (null: not known), e.g. the reader's byTenant with the manual cells entered. */
export function consolidate(offices: Record<string, Record<string, number | null>>): Consolidated {
  const totals: Record<string, number> = {};
  const contributions: Record<string, Contribution[]> = {};
  for (const [officeId, values] of Object.entries(offices)) {
    for (const [key, value] of Object.entries(values)) {
      if (value === null) continue;
      totals[key] = tidy((totals[key] ?? 0) + value);
      (contributions[key] ??= []).push({ officeId, value });
    }
  }
  return { totals, contributions };
}
