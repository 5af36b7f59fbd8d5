import type { FieldErrors } from "../../../../app/plugin-api/loaders.server";

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
