import type { z } from "zod";
import { checkText } from "./input/text";

export type FieldErrors = Partial<Record<string, string[]>>;

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

type Entries = { keys(): Iterable<string>; getAll(key: string): (FormDataEntryValue | string)[] };

/**
 * Reads every submitted value through `checkText` (control characters and bidi overrides refused,
 * invisible-only values emptied), then validates with one zod schema. Messages are i18n keys
 * (`errors.…`, or a plugin's `<id>:errors.…`); a zod default message becomes the generic
 * `errors.invalid`, so the reader always sees their language. Fields named in `lists` are read as
 * arrays (checkbox groups); files pass through untouched.
 */
function parseEntries<S extends z.ZodType>(schema: S, entries: Entries, lists: readonly string[]): Parsed<z.output<S>> {
  const input: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const key of new Set(entries.keys())) {
    if (key === "_csrf") continue;
    const values = entries.getAll(key).map((v) => {
      if (typeof v !== "string") return v;
      const checked = checkText(v);
      if (checked.ok) return checked.value;
      addError(errors, key, checked.error);
      return "";
    });
    input[key] = lists.includes(key) ? values : values[0];
  }
  for (const key of lists) input[key] ??= [];
  const refused = new Set(Object.keys(errors));
  const result = schema.safeParse(input);
  if (result.success && refused.size === 0) return { ok: true, data: result.data };
  for (const issue of result.success ? [] : result.error.issues) {
    // A refused value was emptied: its own error says why, not "required".
    if (refused.has(String(issue.path[0]))) continue;
    const message = /^([a-z0-9-]+:)?errors\./.test(issue.message) ? issue.message : "errors.invalid";
    addError(errors, issue.path.join(".") || "_form", message);
  }
  return { ok: false, errors };
}

function addError(errors: FieldErrors, field: string, message: string) {
  const list = (errors[field] ??= []);
  if (!list.includes(message)) list.push(message);
}

/** A submitted form, checked and validated (see parseEntries). */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData, lists: readonly string[] = []): Parsed<z.output<S>> {
  return parseEntries(schema, form, lists);
}

/** A URL's query parameters, checked and validated like a form (a search box, a list's filters). */
export function parseQuery<S extends z.ZodType>(schema: S, params: URLSearchParams, lists: readonly string[] = []): Parsed<z.output<S>> {
  return parseEntries(schema, params, lists);
}
