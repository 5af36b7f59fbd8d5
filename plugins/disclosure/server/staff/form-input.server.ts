import { checkText, type FieldErrors } from "../../../../app/plugin-api/loaders.server";

/**
 * Every text of a submitted staff form through the host's check, whatever field it is in: the
 * first value of each field, normalised (line breaks as LF, an invisible-only value as empty), and
 * the fields refused for a control character or a bidi override with their core message. A refused
 * value is kept as typed, to show the form again; nothing is stored while `errors` has any.
 */
export function checkedTexts(form: FormData): { values: Record<string, string>; errors: FieldErrors } {
  const values: Record<string, string> = {};
  const errors: FieldErrors = {};
  for (const [field, value] of form) {
    if (typeof value !== "string" || field === "_csrf") continue;
    const checked = checkText(value);
    if (!checked.ok) errors[field] ??= [checked.error];
    if (!(field in values)) values[field] = checked.ok ? checked.value : value;
  }
  return { values, errors };
}

/** The named fields of `checkedTexts`' values, "" for those not sent. */
export function pick<N extends string>(values: Record<string, string>, names: readonly N[]): Record<N, string> {
  return Object.fromEntries(names.map((n) => [n, values[n] ?? ""])) as Record<N, string>;
}

/** A refusal about a field the page shows no box for (a hidden id, the version): said at the top, in core's words. */
export function formMessage(errors: FieldErrors, shown: readonly string[]): string | undefined {
  const hidden = Object.entries(errors).find(([field]) => !shown.includes(field));
  const key = hidden?.[1]?.[0];
  return key && !key.includes(":") ? `core:${key}` : key;
}
