import { isCalendarDate, toDayNumber, weekdayOf, yearOf } from "./dates";
import type { DaySource } from "./work-calendar";

export type NoticeSource = "text" | "ics";

/** One day a State Council holiday notice sets: a rest day, or a weekend declared a working day (调休上班). */
export interface NoticeDay {
  date: string;
  workday: boolean;
  /** The holiday the notice names it under (元旦, 春节 …), kept as the override's note. */
  name: string;
}

/** A day of a notice about to be imported, beside what it is now, so the sysadmin sees what changes. */
export interface PreviewDay extends NoticeDay {
  now: { workday: boolean; source: DaySource; noticeYear: number | null };
}

/** Why a notice was refused: an i18n key of the platform namespace and its values (a line, a date …). */
export interface NoticeError {
  key: string;
  values?: Record<string, string | number>;
}

export type NoticeParse = { ok: true; days: NoticeDay[] } | { ok: false; errors: NoticeError[] };

export const NOTICE_ERRORS = "platform:calendar.import.errors";
/** A year's notice sets some 40 days; far more is not a holiday notice. */
export const MAX_NOTICE_DAYS = 120;
/** The earliest and latest year a notice can be imported for (the page's date range). */
export const NOTICE_YEARS = { first: 2000, last: 2099 } as const;

/**
 * The checks every notice passes however it arrived: its days belong to its year (or, for 元旦,
 * the end of the year before — the 2019 notice began on 2018-12-30), no day is both rest and work,
 * and a make-up working day is a Saturday or Sunday (a weekday is a working day already: a typo).
 */
export function checkNoticeDays(year: number, days: readonly NoticeDay[]): NoticeParse {
  const errors: NoticeError[] = [];
  const byDate = new Map<string, NoticeDay>();
  for (const day of days) {
    if (!isCalendarDate(day.date)) {
      errors.push({ key: `${NOTICE_ERRORS}.badDate`, values: { date: day.date } });
      continue;
    }
    const y = yearOf(day.date);
    if (y !== year && !(y === year - 1 && day.date.slice(5, 7) === "12")) errors.push({ key: `${NOTICE_ERRORS}.otherYear`, values: { date: day.date, year } });
    const seen = byDate.get(day.date);
    if (seen && seen.workday !== day.workday) errors.push({ key: `${NOTICE_ERRORS}.conflict`, values: { date: day.date } });
    if (day.workday && ![0, 6].includes(weekdayOf(toDayNumber(day.date)))) errors.push({ key: `${NOTICE_ERRORS}.workdayOnWeekday`, values: { date: day.date } });
    if (!seen) byDate.set(day.date, day);
  }
  if (byDate.size > MAX_NOTICE_DAYS) errors.push({ key: `${NOTICE_ERRORS}.tooMany`, values: { count: byDate.size, max: MAX_NOTICE_DAYS } });
  else if (![...byDate.values()].some((d) => !d.workday)) errors.push({ key: `${NOTICE_ERRORS}.noRestDays` });
  if (errors.length) return { ok: false, errors: dedupe(errors) };
  return { ok: true, days: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}

function dedupe(errors: NoticeError[]): NoticeError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const id = JSON.stringify(e);
    return seen.has(id) ? false : (seen.add(id), true);
  });
}
