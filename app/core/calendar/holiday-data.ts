import data from "chinese-days/dist/chinese-days.json";

/**
 * The State Council holiday notices as shipped by `chinese-days`: rest days (`holidays`, including
 * weekdays given off) and 调休 make-up working days (`workdays`, weekends declared working).
 */
const restDays = new Set(Object.keys(data.holidays));
const makeUpWorkdays = new Set(Object.keys(data.workdays));

/** Whether the notices make `date` a working day, or undefined if they say nothing about it. */
export function statutoryWorkday(date: string): boolean | undefined {
  if (makeUpWorkdays.has(date)) return true;
  if (restDays.has(date)) return false;
  return undefined;
}

/** Years for which the package holds a State Council notice, ascending. */
export const packageYears: readonly number[] = [
  ...new Set([...restDays, ...makeUpWorkdays].map((d) => Number(d.slice(0, 4)))),
].sort((a, b) => a - b);
