import type { z } from "zod";

export type FieldErrors = Partial<Record<string, string[]>>;

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Validates a submitted form with one zod schema. Messages are i18n keys (`errors.…`, or a
 * plugin's `<id>:errors.…`); a zod
 * default message becomes the generic `errors.invalid`, so the reader always sees their language.
 * Fields named in `lists` are read with getAll (checkbox groups).
 */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData, lists: string[] = []): Parsed<z.output<S>> {
  const input: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key === "_csrf") continue;
    input[key] = lists.includes(key) ? form.getAll(key) : form.get(key);
  }
  for (const key of lists) input[key] ??= [];
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join(".") || "_form";
    const message = /^([a-z0-9-]+:)?errors\./.test(issue.message) ? issue.message : "errors.invalid";
    const list = (errors[field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return { ok: false, errors };
}
