import { fromDayNumber, toDayNumber, weekdayOf, yearOf } from "./dates";
import { packageYears, statutoryWorkday } from "./holiday-data";
import { statutoryRestDays, type StatutoryDay } from "./statutory-holidays";

/** One row of `calendar_overrides`: an administrator's word on a day, which beats the package data. */
export interface CalendarOverride {
  date: string;
  workday: boolean;
  note: string | null;
  /** The year of the State Council notice this row was imported from; null/absent for a day set by hand. */
  noticeYear?: number | null;
}

/**
 * Where a day's status comes from, strongest first: an override, the State Council notice (the
 * package's or an imported one), the statutory holidays of the 放假办法 for a year without a
 * notice, or plain weekdays.
 */
export type DaySource = "override" | "state-council-notice" | "statutory-rule" | "weekday-rule";

export interface DayInfo {
  date: string;
  workday: boolean;
  source: DaySource;
  note: string | null;
  /** The statutory holiday (or its 补假) a "statutory-rule" day is. */
  holiday?: StatutoryDay;
  /** True when no State Council notice covers the year: its statutory holidays are computed, and 调休 may still move days. */
  unknownYear: boolean;
}

/**
 * A computed date or count, with the years it touched that no State Council notice covers (empty =
 * final): their statutory holidays are counted, but the year's notice may still add 调休.
 */
export interface CalendarResult<T> {
  value: T;
  unknownYears: number[];
}

export interface Coverage {
  packageYears: readonly number[];
  /** Years whose notice the system administrator imported. */
  noticeYears: readonly number[];
  overrideYears: readonly number[];
}

/**
 * Working days per the State Council notices (incl. 调休) plus overrides; a year no notice covers
 * gets the statutory holidays of the 放假办法. Built once from the override rows and replaced on
 * refresh, so every method is synchronous and cheap.
 *
 * A year is covered by the package's notice or by an imported one, not by hand-set overrides: one
 * local closure entered for next year does not make its holidays known.
 */
export class WorkCalendar {
  private readonly overrides: ReadonlyMap<string, CalendarOverride>;
  private readonly knownYears: ReadonlySet<number>;
  private readonly overrideYears: readonly number[];
  private readonly noticeYears: readonly number[];

  constructor(overrides: readonly CalendarOverride[] = []) {
    this.overrides = new Map(overrides.map((o) => [o.date, o]));
    const sorted = (years: Iterable<number>) => [...new Set(years)].sort((a, b) => a - b);
    this.overrideYears = sorted(overrides.map((o) => yearOf(o.date)));
    this.noticeYears = sorted(overrides.flatMap((o) => (o.noticeYear == null ? [] : [o.noticeYear])));
    this.knownYears = new Set([...packageYears, ...this.noticeYears]);
  }

  coverage(): Coverage {
    return { packageYears, noticeYears: this.noticeYears, overrideYears: this.overrideYears };
  }

  isKnownYear(year: number): boolean {
    return this.knownYears.has(year);
  }

  isWorkday(date: string): boolean {
    return this.dayInfo(date).workday;
  }

  dayInfo(date: string): DayInfo {
    const day = toDayNumber(date);
    const unknownYear = !this.knownYears.has(yearOf(date));
    const override = this.overrides.get(date);
    if (override) return { date, workday: override.workday, source: "override", note: override.note, unknownYear };
    const statutory = statutoryWorkday(date);
    if (statutory !== undefined) return { date, workday: statutory, source: "state-council-notice", note: null, unknownYear };
    const holiday = unknownYear ? statutoryRestDays(yearOf(date)).get(date) : undefined;
    if (holiday) return { date, workday: false, source: "statutory-rule", note: null, holiday, unknownYear };
    const weekday = weekdayOf(day);
    return { date, workday: weekday !== 0 && weekday !== 6, source: "weekday-rule", note: null, unknownYear };
  }

  /** The n-th working day after `from` (`from` itself never counts; n = 0 gives `from`). */
  addWorkdays(from: string, n: number): CalendarResult<string> {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkdays needs a whole number ≥ 0, got ${n}`);
    let day = toDayNumber(from);
    const years = new YearTracker(this, yearOf(from));
    for (let counted = 0; counted < n; ) {
      day += 1;
      const date = fromDayNumber(day);
      years.visit(date);
      if (this.workdayAt(date, day)) counted += 1;
    }
    return { value: fromDayNumber(day), unknownYears: years.unknown() };
  }

  /**
   * Working days in the half-open range (a, b]: `a` is not counted, `b` is — the same convention
   * as addWorkdays, so workdaysBetween(a, addWorkdays(a, n).value) = n. Negative when b < a.
   */
  workdaysBetween(a: string, b: string): CalendarResult<number> {
    const [from, to] = [toDayNumber(a), toDayNumber(b)];
    if (to < from) {
      const reversed = this.workdaysBetween(b, a);
      return { value: -reversed.value, unknownYears: reversed.unknownYears };
    }
    const years = new YearTracker(this, yearOf(a));
    let count = 0;
    for (let day = from + 1; day <= to; day++) {
      const date = fromDayNumber(day);
      years.visit(date);
      if (this.workdayAt(date, day)) count += 1;
    }
    years.visit(b);
    return { value: count, unknownYears: years.unknown() };
  }

  private workdayAt(date: string, day: number): boolean {
    const override = this.overrides.get(date);
    if (override) return override.workday;
    const statutory = statutoryWorkday(date);
    if (statutory !== undefined) return statutory;
    const year = yearOf(date);
    if (!this.knownYears.has(year) && statutoryRestDays(year).has(date)) return false;
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6;
  }
}

/** Collects the uncovered years a day-by-day walk passes through. */
class YearTracker {
  private readonly years = new Set<number>();
  constructor(
    private readonly calendar: WorkCalendar,
    first: number,
  ) {
    this.add(first);
  }
  visit(date: string): void {
    this.add(yearOf(date));
  }
  private add(year: number): void {
    if (!this.calendar.isKnownYear(year)) this.years.add(year);
  }
  unknown(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }
}
