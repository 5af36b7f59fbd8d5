import { fromDayNumber, toDayNumber, yearOf } from "./dates";
import type { ClockPeriod, DayUnit } from "./clock-kind";
import type { CalendarResult, WorkCalendar } from "./work-calendar";

export const periodUnit = (period: ClockPeriod): DayUnit => ("byDay" in period ? "calendar" : period.unit);

/** The period's length from `start`: its days, or the calendar days to the first `byDay` after `start`. */
export function periodDays(period: ClockPeriod, start: string): number {
  if (!("byDay" in period)) return period.days;
  const from = toDayNumber(start);
  let due = toDayNumber(`${yearOf(start)}-${period.byDay}`);
  if (due <= from) due = toDayNumber(`${yearOf(start) + 1}-${period.byDay}`);
  return due - from;
}

/** Day arithmetic in a clock kind's unit; calendar days depend on no holiday notice. */
export interface DayCounter {
  counts(date: string): boolean;
  add(from: string, n: number): CalendarResult<string>;
  between(a: string, b: string): CalendarResult<number>;
  /** Records a year without a holiday notice that a working-day count went through. */
  visit(date: string, unknown: Set<number>): void;
  /** The period's last day as it stands: moved to the next working day where the kind says so. */
  settle(due: string, unknown: Set<number>): string;
}

export function dayCounter(period: ClockPeriod, calendar: WorkCalendar): DayCounter {
  const visit = (date: string, unknown: Set<number>) => {
    if (!calendar.isKnownYear(yearOf(date))) unknown.add(yearOf(date));
  };
  if (periodUnit(period) === "working") {
    return {
      counts: (date) => calendar.isWorkday(date),
      add: (from, n) => calendar.addWorkdays(from, n),
      between: (a, b) => calendar.workdaysBetween(a, b),
      visit,
      settle: (due) => due,
    };
  }
  const rolls = "endsOnWorkday" in period && period.endsOnWorkday === true;
  return {
    counts: () => true,
    add: (from, n) => ({ value: fromDayNumber(toDayNumber(from) + n), unknownYears: [] }),
    between: (a, b) => ({ value: toDayNumber(b) - toDayNumber(a), unknownYears: [] }),
    visit: () => {},
    settle: (due, unknown) => {
      if (!rolls) return due;
      let day = toDayNumber(due);
      for (visit(due, unknown); !calendar.isWorkday(fromDayNumber(day)); visit(fromDayNumber(day), unknown)) day += 1;
      return fromDayNumber(day);
    },
  };
}
