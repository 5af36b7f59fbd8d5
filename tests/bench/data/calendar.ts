import { fromDayNumber, toDayNumber } from "../../../app/core/calendar/dates";
import { WorkCalendar } from "../../../app/core/calendar/work-calendar";

/**
 * Working days as the platform counts them (State Council notices incl. 调休; a bench database has
 * no overrides), so planning needs no database and gives the same dates wherever it runs.
 */
export const benchCalendar = new WorkCalendar();

const cache = new Map<string, string[]>();

/** Working days in [from, to], ascending. */
export function workdaysBetween(from: string, to: string): string[] {
  const key = `${from}/${to}`;
  let days = cache.get(key);
  if (!days) {
    days = [];
    for (let d = toDayNumber(from); d <= toDayNumber(to); d++) if (benchCalendar.isWorkday(fromDayNumber(d))) days.push(fromDayNumber(d));
    cache.set(key, days);
  }
  return days;
}

export const addDays = (date: string, n: number) => fromDayNumber(toDayNumber(date) + n);
