/** Calendar dates as `YYYY-MM-DD` strings, computed on UTC day numbers so time zones never shift a day. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export class InvalidDateError extends Error {
  constructor(value: unknown) {
    super(`Not a calendar date (YYYY-MM-DD): ${String(value)}`);
    this.name = "InvalidDateError";
  }
}

/** Days since 1970-01-01 for a valid `YYYY-MM-DD`; throws on anything else (2025-02-30 included). */
export function toDayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new InvalidDateError(date);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (fromDayNumber(ms / MS_PER_DAY) !== date) throw new InvalidDateError(date);
  return ms / MS_PER_DAY;
}

export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Whether `value` is a real calendar day written `YYYY-MM-DD` (2026-13-01 and 2026-02-30 are not). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== "string" || !ISO_DATE.test(value)) return false;
  try {
    toDayNumber(value);
    return true;
  } catch {
    return false;
  }
}
