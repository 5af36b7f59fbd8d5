import { describe, expect, it } from "vitest";
import { fromDayNumber, toDayNumber } from "../../app/core/calendar/dates";
import { packageYears, statutoryWorkday } from "../../app/core/calendar/holiday-data";
import { IN_FORCE_FROM, STATUTORY_HOLIDAYS, statutoryRestDays } from "../../app/core/calendar/statutory-holidays";
import { WorkCalendar } from "../../app/core/calendar/work-calendar";

// chinese-days 1.5.7 holds the notices up to 2026: 2027 and 2035 have none.
const calendar = new WorkCalendar();
const daysOf = (year: number) => {
  const out: string[] = [];
  for (let d = toDayNumber(`${year}-01-01`); d <= toDayNumber(`${year}-12-31`); d++) out.push(fromDayNumber(d));
  return out;
};
const restByRule = (year: number) =>
  daysOf(year)
    .map((d) => calendar.dayInfo(d))
    .filter((d) => d.source === "statutory-rule")
    .map((d) => `${d.date} ${d.holiday!.holiday}${d.holiday!.inLieu ? " 补假" : ""}`);

describe("a year without a State Council notice gets the 放假办法's statutory holidays (国务院令第795号)", () => {
  it("received 2026-12-07: the 20th working day is 2027-01-05, 元旦 not counted, flagged as a year without a notice", () => {
    expect(packageYears).not.toContain(2027);
    expect(calendar.addWorkdays("2026-12-07", 20)).toEqual({ value: "2027-01-05", unknownYears: [2027] });
    expect(calendar.workdaysBetween("2026-12-31", "2027-01-04").value).toBe(1);
  });

  it("2027: 元旦, 除夕 to 初三, 清明, 劳动节, 端午, 中秋 and 国庆 are rest days, weekend ones made up on the next working days (第六条)", () => {
    expect(restByRule(2027)).toEqual([
      "2027-01-01 newYear",
      "2027-02-05 springFestival", // 除夕 is 腊月廿九 in 2027: the day before 正月初一 (02-06)
      "2027-02-06 springFestival",
      "2027-02-07 springFestival",
      "2027-02-08 springFestival",
      "2027-02-09 springFestival 补假", // for Saturday 02-06
      "2027-02-10 springFestival 补假", // for Sunday 02-07
      "2027-04-05 qingming",
      "2027-05-01 labourDay",
      "2027-05-02 labourDay",
      "2027-05-03 labourDay 补假",
      "2027-05-04 labourDay 补假",
      "2027-06-09 dragonBoat",
      "2027-09-15 midAutumn",
      "2027-10-01 nationalDay",
      "2027-10-02 nationalDay",
      "2027-10-03 nationalDay",
      "2027-10-04 nationalDay 补假",
      "2027-10-05 nationalDay 补假",
    ]);
    for (const d of ["2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-04-05", "2027-05-03", "2027-06-09", "2027-09-15", "2027-10-05"])
      expect(calendar.dayInfo(d), d).toMatchObject({ workday: false, source: "statutory-rule", unknownYear: true });
    // The rest of the year is plain weekdays and weekends, still flagged.
    expect(calendar.dayInfo("2027-02-11")).toMatchObject({ workday: true, source: "weekday-rule", unknownYear: true });
    expect(calendar.dayInfo("2027-02-13")).toMatchObject({ workday: false, source: "weekday-rule" });
  });

  it("a year far ahead (2035): lunar dates and 清明 from chinese-days, Sunday holidays made up on Monday", () => {
    expect(restByRule(2035)).toEqual([
      "2035-01-01 newYear",
      "2035-02-07 springFestival",
      "2035-02-08 springFestival",
      "2035-02-09 springFestival",
      "2035-02-10 springFestival",
      "2035-02-12 springFestival 补假",
      "2035-04-05 qingming",
      "2035-05-01 labourDay",
      "2035-05-02 labourDay",
      "2035-06-10 dragonBoat",
      "2035-06-11 dragonBoat 补假",
      "2035-09-16 midAutumn",
      "2035-09-17 midAutumn 补假",
      "2035-10-01 nationalDay",
      "2035-10-02 nationalDay",
      "2035-10-03 nationalDay",
    ]);
  });

  it("中秋 on a 国庆 day (2028-10-03) is made up like a weekend one, as the 2020 notice did", () => {
    expect(restByRule(2028).filter((d) => d.startsWith("2028-09") || d.startsWith("2028-10"))).toEqual([
      "2028-10-01 nationalDay", // a Sunday
      "2028-10-02 nationalDay",
      "2028-10-03 midAutumn",
      "2028-10-04 nationalDay 补假", // for Sunday 10-01
      "2028-10-05 nationalDay 补假", // for 10-03, 中秋 and 国庆 at once
    ]);
    expect(calendar.workdaysBetween("2028-09-29", "2028-10-06").value).toBe(1);
  });

  it("the law's 13 days every year, each holiday as long as 第二条 says", () => {
    expect(STATUTORY_HOLIDAYS.reduce((n, h) => n + h.days, 0)).toBe(13);
    for (const year of [2027, 2030, 2035, 2050, 2099]) {
      const days = [...statutoryRestDays(year).values()].filter((d) => !d.inLieu);
      expect(days, String(year)).toHaveLength(13);
    }
  });

  it("the years the package covers are unchanged: the notice wins, and the law's days are within it (2025, 2026)", () => {
    for (const year of packageYears) expect(restByRule(year), String(year)).toEqual([]);
    for (const year of packageYears.filter((y) => y >= IN_FORCE_FROM))
      for (const date of statutoryRestDays(year).keys()) expect(statutoryWorkday(date), date).toBe(false);
    expect(calendar.addWorkdays("2025-09-26", 20).value).toBe("2025-10-30");
    // 2026: 10-07 (a Wednesday) is rest and 10-10 a 调休 Saturday by the notice, whatever the rule would say.
    expect(calendar.dayInfo("2026-10-07")).toMatchObject({ workday: false, source: "state-council-notice", unknownYear: false });
    expect(calendar.dayInfo("2026-10-10")).toMatchObject({ workday: true, source: "state-council-notice" });
  });

  it("no rule before the revision took force nor past the lunar tables", () => {
    expect(statutoryRestDays(IN_FORCE_FROM - 1).size).toBe(0);
    expect(statutoryRestDays(2101).size).toBe(0);
    expect(calendar.dayInfo("2101-01-03")).toMatchObject({ source: "weekday-rule", unknownYear: true });
  });

  it("an override beats the rule both ways; an imported notice replaces it for its year", () => {
    const overridden = new WorkCalendar([
      { date: "2027-01-01", workday: true, note: "test: office open" },
      { date: "2027-01-04", workday: false, note: "test: closure" },
    ]);
    expect(overridden.dayInfo("2027-01-01")).toMatchObject({ workday: true, source: "override" });
    expect(overridden.addWorkdays("2026-12-31", 2)).toEqual({ value: "2027-01-05", unknownYears: [2027] });
    expect(overridden.dayInfo("2027-02-08")).toMatchObject({ workday: false, source: "statutory-rule" });

    const notice = new WorkCalendar([
      { date: "2027-01-01", workday: false, note: "元旦", noticeYear: 2027 },
      { date: "2027-02-05", workday: false, note: "春节", noticeYear: 2027 },
    ]);
    expect(notice.dayInfo("2027-02-08")).toMatchObject({ workday: true, source: "weekday-rule", unknownYear: false });
    expect(notice.addWorkdays("2026-12-07", 20)).toEqual({ value: "2027-01-05", unknownYears: [] });
  });
});
