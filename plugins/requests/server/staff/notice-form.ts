import type { Locale } from "../../../../app/plugin-api";
import type { NoticeKind } from "../../db/schema";

export const LETTER_LOCALES: readonly Locale[] = ["zh-CN", "zh-TW", "en"];

/** The notice editor's fields, by kind; the reply's repeated parts have fixed slots so the form works without JavaScript. */
export const WITHHELD_SLOTS = 3;
export const RELEASED_SLOTS = 2;

export const KIND_FIELDS: Record<NoticeKind, readonly string[]> = {
  supplement: ["items", "dueOn"],
  extension: ["days", "reason"],
  third_party: ["party"],
  other_agency: ["party"],
  fee: ["method", "pages"],
  reply: [
    "replyType",
    "obtain",
    "responsibleAgency",
    "responsibleContact",
    "note",
    ...Array.from({ length: WITHHELD_SLOTS }, (_, i) => [`withheld.${i}.description`, `withheld.${i}.groundKey`]).flat(),
    ...Array.from({ length: RELEASED_SLOTS }, (_, i) => [`released.${i}.title`, `released.${i}.body`]).flat(),
  ],
};

export type NoticeValues = Record<string, string>;

export function noticeValues(kind: NoticeKind, form: FormData): NoticeValues {
  const names = [...KIND_FIELDS[kind], "title", "body"];
  return Object.fromEntries(names.map((n) => [n, typeof form.get(n) === "string" ? (form.get(n) as string) : ""]));
}

/** The filled slots of a repeated part, as objects. */
export function slots<K extends string>(values: NoticeValues, prefix: "withheld" | "released", count: number, keys: readonly K[]): Record<K, string>[] {
  return Array.from({ length: count }, (_, i) => Object.fromEntries(keys.map((k) => [k, (values[`${prefix}.${i}.${k}`] ?? "").trim()])) as Record<K, string>).filter((s) =>
    keys.some((k) => s[k] !== ""),
  );
}
