import type { FindingKind } from "./finding";

const NUMBER_MASK = "*";
const TEXT_MASK = "■";

/** Masks digits by their index among the digits, leaving separators as written. */
function maskDigits(s: string, keep: (index: number, count: number) => boolean): string {
  const count = (s.match(/\d/g) ?? []).length;
  let i = 0;
  return s.replace(/\d/g, (c) => (keep(i++, count) ? c : NUMBER_MASK));
}

function maskId(s: string): string {
  return s.slice(0, 6) + NUMBER_MASK.repeat(s.length - 10) + s.slice(-4);
}

// The country code is not the subscriber's number, so it stays and is not counted.
const COUNTRY_PREFIX = /^(?:\+|00)?86[ \u00a0\u3000-]?(?=1)/;
// An extension alone identifies no one, and counting its digits would expose the main number.
const EXTENSION_SUFFIX = /\s*(?:-|－|转|分机|ext\.?|x)\s*\d{1,6}$/;

function maskPhone(s: string, kind: "mobile" | "landline"): string {
  const prefix = COUNTRY_PREFIX.exec(s)?.[0] ?? "";
  const rest = s.slice(prefix.length);
  const extension = kind === "mobile" ? "" : (EXTENSION_SUFFIX.exec(rest)?.[0] ?? "");
  const main = rest.slice(0, rest.length - extension.length);
  // A bare 7–8 digit local number would be nearly all visible with its first three digits kept.
  return prefix + maskDigits(main, (i, n) => (i < 3 && n >= 10) || i >= n - 4) + extension;
}

function maskEmail(s: string): string {
  const at = s.indexOf("@");
  return s[0] + NUMBER_MASK.repeat(Math.max(at - 1, 0)) + s.slice(at);
}

/** The text a redacted finding shows in the published rendition. */
export function maskFor(kind: FindingKind, match: string): string {
  switch (kind) {
    case "id_number":
      return maskId(match);
    case "mobile":
    case "landline":
      return maskPhone(match, kind);
    case "bank_card":
      return maskDigits(match, (i, n) => i >= n - 4);
    case "email":
      return maskEmail(match);
    case "secrecy_marker":
    case "sensitive_word":
      return TEXT_MASK.repeat(Array.from(match).length);
  }
}
