import type { FieldErrors } from "./field-errors";

/**
 * A refused form's errors where its page can show them: those of the fields it displays stay at
 * their field, those of any other field (a hidden id, token or choice) become the form's own
 * message (`_form`), so that no refusal is silent.
 */
export function placeErrors(errors: FieldErrors, shown: readonly string[] = []): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, keys] of Object.entries(errors)) {
    const at = shown.includes(field) ? field : "_form";
    out[at] = [...new Set([...(out[at] ?? []), ...(keys ?? [])])];
  }
  return out;
}

/** Every distinct message of a refusal, for one notice above a form. */
export function errorMessages(errors: FieldErrors): string[] {
  return [...new Set(Object.values(errors).flatMap((keys) => keys ?? []))];
}
