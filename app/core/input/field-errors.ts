/** A form's errors: field name (`_form` for the whole form, `steps.0.order` for a nested one) → i18n keys. */
export type FieldErrors = Partial<Record<string, string[]>>;

/** An i18n key of an error: `errors.…`, or a namespace's `<ns>:errors.…` or `<ns>:section.errors.…`; anything else is a zod default in English. */
const MESSAGE_KEY = /^([a-z0-9-]+:)?([A-Za-z0-9_-]+\.)*errors\./;

export type Issue = { readonly path: readonly PropertyKey[]; readonly message: string };

export function addError(errors: FieldErrors, field: string, key: string): void {
  const list = (errors[field] ??= []);
  if (!list.includes(key)) list.push(key);
}

/**
 * Validation issues (zod's, or any with a path and a message) as field errors: each under its path
 * joined with dots (`_form` when it has none), its message when that is an i18n key, otherwise
 * `fallback(field)` (the generic `errors.invalid` unless a caller has a better word per field),
 * so the reader always sees their own language. Adds to `into` when given.
 */
export function issueErrors(issues: readonly Issue[], fallback: (field: string) => string = () => "errors.invalid", into: FieldErrors = {}): FieldErrors {
  for (const issue of issues) {
    const field = issue.path.map(String).join(".") || "_form";
    addError(into, field, MESSAGE_KEY.test(issue.message) ? issue.message : fallback(field));
  }
  return into;
}

/** Errors of nested paths (`ids.0`) under their field (`ids`), where a page shows them. */
export function topFields(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, keys] of Object.entries(errors)) for (const k of keys ?? []) addError(out, path.split(".")[0]!, k);
  return out;
}

/** One message per field, the first found (an empty phone is "required", not also "malformed"). */
export function firstErrors(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).flatMap(([field, keys]) => (keys?.length ? [[field, [keys[0]!]]] : [])));
}

/** The first message of each field as plain text keys, for answers that carry one message per field. */
export function firstMessages(errors: FieldErrors): Record<string, string> {
  return Object.fromEntries(Object.entries(firstErrors(errors)).map(([field, keys]) => [field, keys![0]!]));
}

/** The first issue's field (its top-level name) and message, for an answer that names one field at fault. */
export function firstIssue(issues: readonly Issue[]): { field: string; error: string } {
  const [field, keys] = Object.entries(topFields(issueErrors(issues.slice(0, 1))))[0] ?? ["_form", ["errors.invalid"]];
  return { field, error: keys![0]! };
}

export const hasErrors = (errors: FieldErrors | undefined): boolean => Object.values(errors ?? {}).some((e) => e?.length);
