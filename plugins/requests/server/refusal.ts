import type { z } from "zod";
import { addError, issueErrors, topFields, type FieldErrors } from "../../../app/plugin-api";

/** A refused form: `field` and `error` name the first fault, `errors` every field's, all shown at once. */
export type Refusal = { ok: false; field: string; error: string; errors: FieldErrors };

export function refusal(errors: FieldErrors): Refusal {
  const [field, keys] = Object.entries(errors).find(([, k]) => k?.length) ?? ["_form", ["errors.invalid"]];
  return { ok: false, field, error: keys![0]!, errors };
}

/**
 * An object form read field by field: every field's own errors (under its top-level name), and the
 * fields whose values are right, so a check that needs one field (a date against the application)
 * runs in the same pass as the other fields' errors instead of after they are fixed.
 */
export function readFields<S extends z.ZodObject>(schema: S, input: unknown): { errors: FieldErrors; valid: Partial<z.output<S>> } {
  const record = (input ?? {}) as Record<string, unknown>;
  const errors: FieldErrors = {};
  const valid: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const parsed = field.safeParse(record[name]);
    if (parsed.success) valid[name] = parsed.data;
    else issueErrors(parsed.error.issues.map((issue) => ({ ...issue, path: [name, ...issue.path] })), undefined, errors);
  }
  return { errors: topFields(errors), valid: valid as Partial<z.output<S>> };
}

/** Errors of several checks as one, each field's keys in order, none twice. */
export function mergeErrors(...all: FieldErrors[]): FieldErrors {
  const out: FieldErrors = {};
  for (const errors of all) for (const [field, keys] of Object.entries(errors)) for (const key of keys ?? []) addError(out, field, key);
  return out;
}
