import type { Locale } from "../../../../app/plugin-api";
import { letterDate } from "../../templates/format";

/**
 * What a letter says that is fixed only when it is sent: the date it is signed and the dates counted
 * from it (pay by, answer by, supplement by, the new reply date). A draft keeps them as `{name}`
 * placeholders, so the chain approves the wording and the ledger gives the dates on sending; the
 * addressee is a placeholder too, filled with the masked name for lists and the tracking page and
 * with the full name only on the printed letter.
 */
export const SENT_DATES = ["issuedOn", "dueOn", "answerDue", "newDueDate"] as const;
export type SentDate = (typeof SENT_DATES)[number];
export type SentDates = Partial<Record<SentDate, string>>;

export const APPLICANT = "applicant";

/** The placeholder a draft carries for `name`. */
export const placeholder = (name: SentDate | typeof APPLICANT) => `{${name}}`;

/** A placeholder for every sent date, for rendering a draft. */
export const DEFERRED: Record<SentDate, string> = Object.fromEntries(SENT_DATES.map((n) => [n, placeholder(n)])) as Record<SentDate, string>;

const TOKEN = new RegExp(`\\{(${[...SENT_DATES, APPLICANT].join("|")})\\}`, "g");

/** Whether the text still waits for anything fixed on sending. */
export function hasPlaceholders(text: string): boolean {
  return new RegExp(TOKEN.source).test(text);
}

/**
 * Fills the placeholders that have a value (dates as the letter's language writes them); the others
 * stay, so a letter can be filled in two steps (dates on sending, the addressee on reading).
 */
export function fillLetter(text: string, values: { applicant?: string; dates?: SentDates; pending?: string }, locale: Locale): string {
  return text.replace(TOKEN, (whole, name: string) => {
    if (name === APPLICANT) return values.applicant ?? whole;
    const date = values.dates?.[name as SentDate];
    return date ? letterDate(date, locale) : (values.pending ?? whole);
  });
}
