import type { Field } from "./html";

export type FieldType = "date" | "number" | "choice" | "text" | "textarea" | "hidden" | "file";

/**
 * One bad value for one field. `refused` values must be turned down (a 4xx or the page again with
 * a localised error, nothing stored); `tolerated` ones (invisible-only text is treated as empty, a
 * repeated field's first value is read) must only never break the server.
 */
export interface BadValue {
  label: string;
  values: string[];
  expect: "refused" | "tolerated";
}

/** One control character per case, rotating through C0 (BEL, BS, VT, FF, ESC, US), DEL and C1 (NEL, CSI). */
const CONTROLS = ["\u0007", "\u0008", "\u000B", "\u000C", "\u001B", "\u001F", "\u007F", "\u0085", "\u009B"];
const IMPOSSIBLE_DATES = ["2026-13-01", "2026-02-30", "2026-01-32"];
const ONE_MB = "长".repeat(350_000);
/** A URL cannot carry 1 MB (Node refuses request heads over 16 KB): query parameters get 8 KB. */
const LONG_QUERY = "长".repeat(2_700);

const DATE_NAME = /(date|On|From|Until|_on|_at|day)$/;
const NUMBER_NAME = /^(year|page|position|count|fee|fen|amount|version|days|limit|round|seq)$/i;

export function fieldType(f: Field): FieldType {
  if (f.kind === "file") return "file";
  if (["select", "radio", "checkbox"].includes(f.kind)) return "choice";
  if (f.kind === "date" || f.kind === "month" || DATE_NAME.test(f.name)) return "date";
  if (f.kind === "number" || f.attrs.inputmode === "numeric" || /\\d/.test(f.attrs.pattern ?? "") || NUMBER_NAME.test(f.name)) return "number";
  if (f.kind === "textarea") return "textarea";
  if (f.kind === "hidden") return "hidden";
  return "text";
}

/**
 * The bad values tried on one field. Sampled to keep a run to minutes: every field gets NUL and one
 * control character or bidi override (rotating with `n`, the field's position in the run), plus what
 * its type invites (impossible dates, text for numbers, an unknown option); each form gets one 1 MB
 * value, one invisible-only value and one repeated field (`once`).
 */
export function badValuesFor(f: Field, n: number, once: { big: boolean; invisible: boolean; repeated: boolean }, inQuery = false): BadValue[] {
  const type = fieldType(f);
  if (type === "file") return [];
  const out: BadValue[] = [{ label: "NUL", values: [`a\u0000b`], expect: "refused" }];
  const control = CONTROLS[n % CONTROLS.length]!;
  out.push(
    n % 3 === 2
      ? { label: "U+202E", values: [`abc\u202Edef`], expect: "refused" }
      : { label: `U+${control.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`, values: [`a${control}b`], expect: "refused" },
  );
  if (type === "date") out.push(...[IMPOSSIBLE_DATES[n % 3]!, IMPOSSIBLE_DATES[(n + 1) % 3]!].map((d) => ({ label: d, values: [d], expect: "refused" as const })));
  // A list filter may ignore an option it does not know or a page number that is not one; a form may not.
  const filter = inQuery ? "tolerated" : "refused";
  if (type === "number") out.push({ label: "text for a number", values: ["十二"], expect: filter });
  if (type === "choice" && f.options.length) out.push({ label: "unknown option", values: ["no-such-option"], expect: filter });
  if (once.big && (type === "text" || type === "hidden")) {
    once.big = false;
    out.push(inQuery ? { label: "8 KB", values: [LONG_QUERY], expect: "refused" } : { label: "1 MB", values: [ONE_MB], expect: "refused" });
  }
  if (once.invisible && (type === "text" || type === "textarea")) {
    once.invisible = false;
    out.push({ label: "invisible only", values: ["\u200B\u2060\uFEFF"], expect: "tolerated" });
  }
  if (once.repeated && !f.multiple && (type === "hidden" || type === "choice")) {
    once.repeated = false;
    out.push({ label: "array for one value", values: [f.value || "x", "second"], expect: "tolerated" });
  }
  return out;
}
