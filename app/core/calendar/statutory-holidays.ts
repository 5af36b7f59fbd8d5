import chineseDays from "chinese-days";
import { fromDayNumber, toDayNumber, weekdayOf } from "./dates";

/**
 * The statutory holidays of 《全国年节及纪念日放假办法》 as revised by 国务院令第795号 (2024-11-10, in
 * force 2025-01-01), as data: what a year without a State Council notice gets. The
 * annual notice (调休) may still move days around them; this is the floor the law guarantees.
 */

export type StatutoryHolidayKey = "newYear" | "springFestival" | "qingming" | "labourDay" | "dragonBoat" | "midAutumn" | "nationalDay";

/** When the first day of a holiday falls: a solar date, a lunar date (plus days), or the day of a solar term. */
type FirstDay = { solar: string } | { lunar: string; offset: number } | { solarTerm: "清明" };

export interface StatutoryHoliday {
  key: StatutoryHolidayKey;
  name: string;
  first: FirstDay;
  days: number;
  /** The clause of 第二条 that grants it. */
  source: string;
}

export const MEASURES = "《全国年节及纪念日放假办法》（2024年11月10日国务院令第795号修订）";

/** 第二条: 全体公民放假的节日 (13 days). */
export const STATUTORY_HOLIDAYS: readonly StatutoryHoliday[] = [
  { key: "newYear", name: "元旦", first: { solar: "01-01" }, days: 1, source: "第二条第（一）项：新年，放假1天（1月1日）" },
  // 除夕 is the last day of the 12th lunar month (廿九 or 三十): always the day before 正月初一.
  { key: "springFestival", name: "春节", first: { lunar: "01-01", offset: -1 }, days: 4, source: "第二条第（二）项：春节，放假4天（农历除夕、正月初一至初三）" },
  { key: "qingming", name: "清明节", first: { solarTerm: "清明" }, days: 1, source: "第二条第（三）项：清明节，放假1天（农历清明当日）" },
  { key: "labourDay", name: "劳动节", first: { solar: "05-01" }, days: 2, source: "第二条第（四）项：劳动节，放假2天（5月1日、2日）" },
  { key: "dragonBoat", name: "端午节", first: { lunar: "05-05", offset: 0 }, days: 1, source: "第二条第（五）项：端午节，放假1天（农历端午当日）" },
  { key: "midAutumn", name: "中秋节", first: { lunar: "08-15", offset: 0 }, days: 1, source: "第二条第（六）项：中秋节，放假1天（农历中秋当日）" },
  { key: "nationalDay", name: "国庆节", first: { solar: "10-01" }, days: 3, source: "第二条第（七）项：国庆节，放假3天（10月1日至3日）" },
];

/**
 * 第六条: a holiday on a Saturday or Sunday is made up (补假) on a working day — the next one after
 * it. A holiday on the day of another (中秋 on 1–3 October, next in 2028) is made up the same way,
 * as the notices do: in 2020 中秋 fell on 1 October and 国庆、中秋 together gave four statutory days.
 */
export const MAKE_UP_RULE = {
  source: "第六条：全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假。",
  overlap: "两节同日的，按国务院办公厅2020年安排（国庆节、中秋节合计4天法定假日）同样补足。",
} as const;

/** The revision's first year; earlier years had other holidays (and the package covers them). */
export const IN_FORCE_FROM = 2025;
/** The lunar tables of chinese-days end with 2100; past that no year is computed. */
export const LAST_COMPUTABLE_YEAR = 2100;

export interface StatutoryDay {
  holiday: StatutoryHolidayKey;
  /** True for a 补假 day: a weekday off because the holiday itself fell on a weekend (第六条). */
  inLieu: boolean;
}

const cache = new Map<number, ReadonlyMap<string, StatutoryDay>>();

/** The rest days the 办法 gives `year`, holiday days and 补假 days; empty outside the years it can be computed for. */
export function statutoryRestDays(year: number): ReadonlyMap<string, StatutoryDay> {
  let days = cache.get(year);
  if (!days) {
    days = year >= IN_FORCE_FROM && year <= LAST_COMPUTABLE_YEAR ? compute(year) : new Map();
    cache.set(year, days);
  }
  return days;
}

function compute(year: number): Map<string, StatutoryDay> {
  const days = new Map<string, StatutoryDay>();
  const isWeekend = (day: number) => [0, 6].includes(weekdayOf(day));
  // Holiday days that give no day off of their own: on a weekend, or on another holiday's day.
  const owed: { day: number; holiday: StatutoryHolidayKey }[] = [];
  for (const h of STATUTORY_HOLIDAYS) {
    const first = firstDay(year, h.first);
    for (let day = first; day < first + h.days; day++) {
      const date = fromDayNumber(day);
      if (isWeekend(day) || days.has(date)) owed.push({ day, holiday: h.key });
      if (!days.has(date)) days.set(date, { holiday: h.key, inLieu: false });
    }
  }
  for (const { day: from, holiday } of owed.sort((a, b) => a.day - b.day)) {
    let day = from + 1;
    while (isWeekend(day) || days.has(fromDayNumber(day))) day += 1;
    days.set(fromDayNumber(day), { holiday, inLieu: true });
  }
  return days;
}

function firstDay(year: number, first: FirstDay): number {
  if ("solar" in first) return toDayNumber(`${year}-${first.solar}`);
  if ("lunar" in first) return toDayNumber(chineseDays.getSolarDateFromLunar(`${year}-${first.lunar}`).date) + first.offset;
  const term = chineseDays.getSolarTerms(`${year}-04-01`, `${year}-04-10`).find((t) => t.name === first.solarTerm);
  if (!term) throw new Error(`chinese-days gives no ${first.solarTerm} in early April ${year}`);
  return toDayNumber(term.date);
}
