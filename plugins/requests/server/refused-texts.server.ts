import { checkText } from "../../../app/plugin-api/loaders.server";

export type TextErrors = Partial<Record<string, string[]>>;

/**
 * Every submitted text through the shared check, the fields a step does not use included: the
 * first value of each field, normalised (line breaks as LF, an invisible-only value as empty), and
 * one message per field refused for a control character or a bidi override, so that such a value is
 * never silently dropped or stored. A refused value is kept as typed, to show the form again.
 */
export function checkedTexts(form: FormData): { values: Record<string, string>; errors: TextErrors } {
  const values: Record<string, string> = {};
  const errors: TextErrors = {};
  for (const [field, value] of form) {
    if (typeof value !== "string" || field === "_csrf" || field in values) continue;
    const checked = checkText(value);
    values[field] = checked.ok ? checked.value : value;
    if (!checked.ok) errors[field] = [checked.error];
  }
  return { values, errors };
}

/** Only the refusals of `checkedTexts`. */
export const refusedTexts = (form: FormData): TextErrors => checkedTexts(form).errors;
