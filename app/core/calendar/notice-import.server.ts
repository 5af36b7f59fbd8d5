import type { Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { checkText } from "../input/text";
import { NOTICE_ERRORS, type NoticeDay, type NoticeParse, type NoticeSource, type PreviewDay } from "./notice-days";
import { parseNoticeIcs } from "./notice-ics";
import { parseNoticeText } from "./notice-text";
import type { WorkCalendar } from "./work-calendar";

/** A pasted notice is a page of text; a year's holiday calendar a few kilobytes. */
export const NOTICE_TEXT_MAX = 20_000;
export const NOTICE_ICS_MAX_BYTES = 200_000;

export function parseNotice(source: NoticeSource, year: number, content: string): NoticeParse {
  return source === "ics" ? parseNoticeIcs(year, content) : parseNoticeText(year, content);
}

/** The text of an uploaded .ics, refused (with an i18n key) when it is missing, too large or not UTF-8 text. */
export async function readIcsUpload(entry: FormDataEntryValue | null): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  if (!entry || typeof entry === "string" || entry.size === 0) return { ok: false, error: "errors.required" };
  if (entry.size > NOTICE_ICS_MAX_BYTES) return { ok: false, error: `${NOTICE_ERRORS}.icsTooLarge` };
  if (!/\.(ics|ical|icalendar)$/i.test(entry.name) && !entry.type.startsWith("text/calendar")) return { ok: false, error: `${NOTICE_ERRORS}.icsType` };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await entry.arrayBuffer());
  } catch {
    return { ok: false, error: `${NOTICE_ERRORS}.icsInvalid` };
  }
  const checked = checkText(text);
  return checked.ok ? { ok: true, text: checked.value } : { ok: false, error: checked.error };
}

export function previewDays(calendar: WorkCalendar, days: readonly NoticeDay[], overrides: ReadonlyMap<string, number | null>): PreviewDay[] {
  return days.map((d) => {
    const info = calendar.dayInfo(d.date);
    return { ...d, now: { workday: info.workday, source: info.source, noticeYear: overrides.get(d.date) ?? null } };
  });
}

/**
 * Writes a year's notice as overrides, in the caller's transaction: the rows imported earlier for
 * that year go, the notice's days are set (a day set by hand on the same date is replaced; other
 * hand-set days stay). Returns what was there before, for the audit.
 */
export async function writeNotice(trx: Transaction<CoreDatabase>, year: number, days: readonly NoticeDay[], userId: string) {
  const dates = days.map((d) => d.date);
  const replaced = await trx
    .deleteFrom("calendar_overrides")
    .where((eb) => eb.or([eb("notice_year", "=", year), eb("date", "in", dates)]))
    .returning(["date", "workday", "note", "notice_year"])
    .execute();
  const now = new Date();
  await trx
    .insertInto("calendar_overrides")
    .values(days.map((d) => ({ date: d.date, workday: d.workday, note: d.name || null, notice_year: year, updated_by: userId, updated_at: now })))
    .execute();
  return replaced.sort((a, b) => a.date.localeCompare(b.date));
}
