import { fromDayNumber, toDayNumber, type WorkCalendar } from "../../../app/plugin-api";

/** Date arithmetic for planning the demo: working days forward and back, calendar days, all as `YYYY-MM-DD`. */
export class Days {
  /** Working days from `from` up to `today`, ascending. */
  private readonly workdays: string[] = [];

  constructor(
    readonly calendar: WorkCalendar,
    from: string,
    readonly today: string,
  ) {
    for (let d = toDayNumber(from); d <= toDayNumber(today); d++) {
      const date = fromDayNumber(d);
      if (calendar.isWorkday(date)) this.workdays.push(date);
    }
  }

  /** The n-th working day after `date` (the calendar's convention: `date` itself never counts). */
  after(date: string, n: number): string {
    return this.calendar.addWorkdays(date, n).value;
  }

  /** The n-th working day back from today: 0 is today if it is a working day, else the last one before. */
  ago(n: number): string {
    return this.workdays[Math.max(0, this.workdays.length - 1 - n)]!;
  }

  /** Working days in (a, b]. */
  between(a: string, b: string): number {
    return this.calendar.workdaysBetween(a, b).value;
  }

  /** The working days within [from, to], ascending. */
  within(from: string, to: string): string[] {
    return this.workdays.filter((d) => d >= from && d <= to);
  }

  addDays(date: string, n: number): string {
    return fromDayNumber(toDayNumber(date) + n);
  }

  /** `date` if it is a working day, else the next one. */
  onOrAfter(date: string): string {
    return this.calendar.isWorkday(date) ? date : this.after(date, 1);
  }
}
