import ICAL from "ical.js";
import { fromDayNumber, toDayNumber } from "./dates";
import { MAX_NOTICE_DAYS, NOTICE_ERRORS, checkNoticeDays, type NoticeDay, type NoticeError, type NoticeParse } from "./notice-days";

/**
 * Reads a holiday calendar (.ics, RFC 5545, parsed by ical.js) into a notice's days: every VEVENT
 * is an all-day span, rest or make-up working day by Apple's X-APPLE-SPECIAL-DAY (WORK-HOLIDAY /
 * ALTERNATE-WORKDAY) or by its summary's 休/班 (Holiday/Workday), as the calendars published for
 * China (chinese-days, Apple, the common subscription feeds) mark them. An event that says neither
 * is refused, not guessed.
 */

const WORK = /班|workday|working day/i;
const REST = /休|假|holiday|day off/i;
/** "元旦(休)", "春节（班）", "National Day(Workday)": the marker is dropped from the note. */
const MARKER = /\s*[(（][^()（）]*[)）]\s*$/;

export function parseNoticeIcs(year: number, text: string): NoticeParse {
  let events: ICAL.Component[];
  try {
    events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent");
  } catch {
    return { ok: false, errors: [{ key: `${NOTICE_ERRORS}.icsInvalid` }] };
  }
  if (!events.length) return { ok: false, errors: [{ key: `${NOTICE_ERRORS}.icsEmpty` }] };

  const days: NoticeDay[] = [];
  const errors: NoticeError[] = [];
  for (const vevent of events) {
    const summary = String(vevent.getFirstPropertyValue("summary") ?? "").trim();
    const label = summary.slice(0, 40) || "—";
    const start = vevent.getFirstPropertyValue("dtstart");
    if (!(start instanceof ICAL.Time) || !start.isDate) {
      errors.push({ key: `${NOTICE_ERRORS}.icsNotAllDay`, values: { event: label } });
      continue;
    }
    const workday = kindOf(vevent, summary);
    if (workday === null) {
      errors.push({ key: `${NOTICE_ERRORS}.icsUnclear`, values: { event: label } });
      continue;
    }
    const end = vevent.getFirstPropertyValue("dtend");
    const from = toDayNumber(start.toString());
    // DTEND of an all-day event is the day after its last; without one the event is that one day.
    const to = end instanceof ICAL.Time ? toDayNumber(end.toString()) - 1 : from;
    if (to < from || to - from >= MAX_NOTICE_DAYS) {
      errors.push({ key: `${NOTICE_ERRORS}.icsBadRange`, values: { event: label } });
      continue;
    }
    const name = summary.replace(MARKER, "").slice(0, 40);
    for (let day = from; day <= to; day++) days.push({ date: fromDayNumber(day), workday, name });
  }
  if (errors.length) return { ok: false, errors };
  return checkNoticeDays(year, days);
}

function kindOf(vevent: ICAL.Component, summary: string): boolean | null {
  const apple = String(vevent.getFirstPropertyValue("x-apple-special-day") ?? "").toUpperCase();
  if (apple === "ALTERNATE-WORKDAY") return true;
  if (apple === "WORK-HOLIDAY") return false;
  const marker = MARKER.exec(summary)?.[0] ?? String(vevent.getFirstPropertyValue("description") ?? "");
  for (const text of [marker, summary]) {
    if (WORK.test(text)) return true;
    if (REST.test(text)) return false;
  }
  return null;
}
