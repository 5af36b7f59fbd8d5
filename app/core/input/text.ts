/**
 * What any text entering the system must be, wherever it comes from (a form, a query parameter, a
 * spreadsheet cell, a JSON body): no control characters other than tab and line breaks (PostgreSQL
 * cannot even store NUL), no bidirectional overrides (they make a stored text read differently from
 * what it is, "Trojan Source"), and a value made only of invisible characters counts as empty, so
 * that "required" means something a reader can see.
 */

/** C0 controls except tab, LF and CR; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is this check's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Bidirectional embeddings, overrides and isolates (LRE … RLO, LRI … PDI). */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
/** Whitespace and characters that render as nothing: zero-width spaces and joiners, word joiner, BOM, fillers. */
// eslint-disable-next-line no-misleading-character-class -- each listed mark renders as nothing on its own, which is what is matched
const INVISIBLE = /^[\s\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u2060-\u2064\u3164\uFEFF\uFFA0]*$/;

/** i18n keys (core namespace) of the refusals. */
export const TEXT_ERRORS = {
  control: "errors.text.control",
  bidi: "errors.text.bidi",
} as const;

export type TextCheck = { ok: true; value: string } | { ok: false; error: (typeof TEXT_ERRORS)[keyof typeof TEXT_ERRORS] };

/**
 * Checks and normalises one submitted text: refused for control characters or bidi overrides;
 * otherwise a leading byte-order mark is dropped, CRLF becomes LF, and an invisible-only value
 * becomes "". Surrounding spaces are kept (schemas trim where they mean to).
 */
export function checkText(raw: string): TextCheck {
  if (CONTROL.test(raw)) return { ok: false, error: TEXT_ERRORS.control };
  if (BIDI.test(raw)) return { ok: false, error: TEXT_ERRORS.bidi };
  const value = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return { ok: true, value: INVISIBLE.test(value) ? "" : value };
}

/** Whether a text would be refused by `checkText` (for a quick guard before deeper parsing). */
export function hasForbiddenCharacters(raw: string): boolean {
  return CONTROL.test(raw) || BIDI.test(raw);
}

/**
 * Text that nobody typed (extracted from an uploaded PDF or Word file) made storable: control
 * characters become spaces and bidi overrides are dropped, rather than refusing the file.
 */
export function withoutForbiddenCharacters(raw: string): string {
  return raw.replace(new RegExp(CONTROL.source, "g"), " ").replace(new RegExp(BIDI.source, "g"), "");
}
