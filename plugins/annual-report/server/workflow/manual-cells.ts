import { z } from "zod";
import type { ReportFormat } from "../../law/format";
import type { StoredManualCell } from "../../db/schema";

/**
 * The drafter's manual cells as a form sends them: `value:<figure key>` and `note:<figure key>` for
 * each cell no enabled plugin provides. A cell is entered with its source or left empty (both
 * blank); every problem of every cell is named at once.
 */

export const valueField = (key: string) => `value:${key}`;
export const noteField = (key: string) => `note:${key}`;

const E = "annual-report:errors";
export const NOTE_MAX = 200;

/** Figure key → decimals allowed, from the format's grids (table 二（八） in 万元 has two). */
export function cellDecimals(format: ReportFormat): Map<string, number> {
  const out = new Map<string, number>();
  for (const table of Object.values(format.tables)) {
    for (const cell of [...table.head, ...table.body].flat()) if (cell.kind === "value") out.set(cell.key, cell.decimals ?? 0);
  }
  return out;
}

/** What a saved form gives: the cells entered, and the keys cleared. */
export interface ManualEntry {
  entered: Record<string, StoredManualCell>;
  cleared: string[];
}

/** The form's schema for these manual keys (the cells the office has to enter this year). */
export function manualCellsForm(keys: readonly string[], decimals: ReadonlyMap<string, number>) {
  const shape: Record<string, z.ZodType<string | undefined>> = {};
  for (const key of keys) {
    shape[valueField(key)] = z.string().optional();
    shape[noteField(key)] = z.string().optional();
  }
  return z
    .object(shape)
    .check(
      z.superRefine(
        (form, issue) => {
          for (const key of keys) {
            const fail = (field: string, message: string) => issue.addIssue({ code: "custom", path: [field], message });
            const value = (form[valueField(key)] ?? "").trim();
            const note = (form[noteField(key)] ?? "").trim();
            if (!value && !note) continue;
            if (!value) fail(valueField(key), `${E}.valueRequired`);
            else if (!/^\d+(\.\d+)?$/.test(value)) fail(valueField(key), `${E}.notANumber`);
            else if ((value.split(".")[1]?.length ?? 0) > (decimals.get(key) ?? 0)) fail(valueField(key), decimals.get(key) ? `${E}.decimals` : `${E}.wholeNumber`);
            if (!note) fail(noteField(key), `${E}.noteRequired`);
            else if (note.length > NOTE_MAX) fail(noteField(key), `${E}.noteTooLong`);
          }
        },
        { when: (payload) => typeof payload.value === "object" && payload.value !== null },
      ),
    )
    .transform((form): ManualEntry => {
      const entered: Record<string, StoredManualCell> = {};
      const cleared: string[] = [];
      for (const key of keys) {
        const value = (form[valueField(key)] ?? "").trim();
        if (value) entered[key] = { value: Number(value), note: (form[noteField(key)] ?? "").trim() };
        else cleared.push(key);
      }
      return { entered, cleared };
    });
}
