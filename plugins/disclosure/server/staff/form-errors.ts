import type { z } from "zod";

export type FieldErrors = Partial<Record<string, string[]>>;

// Core keys (`errors.…`) and this plugin's keys (`disclosure:…`) are shown as written; anything else
// is a zod default message in English, so the reader gets the generic localised one instead.
const KNOWN = /^(errors\.|core:|disclosure:)/;

/** A zod error as field → i18n keys, the shape the pages' fields show. */
export function fieldErrors(error: z.ZodError, prefix: (string | number)[] = []): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.slice(prefix.length);
    const field = path.length ? String(path[0]) : "_form";
    addError(out, field, KNOWN.test(issue.message) ? issue.message : "errors.invalid");
  }
  return out;
}

export function addError(errors: FieldErrors, field: string, key: string): void {
  const list = (errors[field] ??= []);
  if (!list.includes(key)) list.push(key);
}

/** Errors of nested paths (`ids.0`) under their field (`ids`), where the page shows them. */
export function topFields(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, keys] of Object.entries(errors)) for (const k of keys ?? []) addError(out, path.split(".")[0]!, k);
  return out;
}

export const hasErrors = (errors: FieldErrors): boolean => Object.values(errors).some((e) => e?.length);
