import type { WorkCalendar } from "../../../app/plugin-api";

/** 条例第二十六条: proactive information is published within 20 working days of being formed or changed. */
export const DEFAULT_LIMIT_WORKDAYS = 20;

export interface Timeliness {
  /** The last day it may be published on time. */
  dueOn: string;
  late: boolean;
  /** Working days past `dueOn` (when published, or as of today when not yet published). */
  daysLate: number;
  /** The due date falls in a year without holiday data: shown with a warning. */
  uncertain: boolean;
}

/** Whether an item formed on `formedOn` was (or, unpublished, now is) published late. */
export function timeliness(
  calendar: WorkCalendar,
  formedOn: string,
  publishedOn: string | null,
  today: string,
  limit = DEFAULT_LIMIT_WORKDAYS,
): Timeliness {
  const due = calendar.addWorkdays(formedOn, limit);
  const end = publishedOn ?? today;
  const late = end > due.value;
  const over = late ? calendar.workdaysBetween(due.value, end) : null;
  return { dueOn: due.value, late, daysLate: over?.value ?? 0, uncertain: due.unknownYears.length > 0 || (over?.unknownYears.length ?? 0) > 0 };
}
