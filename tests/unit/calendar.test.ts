import { describe, expect, it } from "vitest";
import { InvalidDateError } from "../../app/core/calendar/dates";
import { WorkCalendar } from "../../app/core/calendar/work-calendar";

const calendar = new WorkCalendar();

describe("working days from the State Council notices (国务院办公厅 notices, 《全国年节及纪念日放假办法》)", () => {
  it("received 2025-09-26: the 20th working day is 2025-10-30", () => {
    expect(calendar.addWorkdays("2025-09-26", 20)).toEqual({ value: "2025-10-30", unknownYears: [] });
  });

  it("received 2025-01-24: the 20th working day is 2025-02-27", () => {
    expect(calendar.addWorkdays("2025-01-24", 20)).toEqual({ value: "2025-02-27", unknownYears: [] });
  });

  it("counts 调休 weekends as working days", () => {
    for (const date of ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"]) {
      expect(calendar.isWorkday(date), date).toBe(true);
      expect(calendar.dayInfo(date).source).toBe("state-council-notice");
    }
  });

  it("does not count the Spring Festival or National Day weeks", () => {
    for (let d = 28; d <= 31; d++) expect(calendar.isWorkday(`2025-01-${d}`)).toBe(false);
    for (let d = 1; d <= 4; d++) expect(calendar.isWorkday(`2025-02-0${d}`)).toBe(false);
    for (let d = 1; d <= 8; d++) expect(calendar.isWorkday(`2025-10-0${d}`)).toBe(false);
    expect(calendar.workdaysBetween("2025-09-30", "2025-10-08").value).toBe(0);
  });

  it("treats plain weekends as rest and plain weekdays as work", () => {
    expect(calendar.isWorkday("2025-11-08")).toBe(false);
    expect(calendar.isWorkday("2025-11-10")).toBe(true);
    expect(calendar.dayInfo("2025-11-10").source).toBe("weekday-rule");
  });

  it("does not count `from` itself, and n = 0 gives `from`", () => {
    expect(calendar.addWorkdays("2025-11-10", 1).value).toBe("2025-11-11");
    expect(calendar.addWorkdays("2025-11-08", 1).value).toBe("2025-11-10");
    expect(calendar.addWorkdays("2025-11-10", 0).value).toBe("2025-11-10");
  });

  it("counts (a, b]: a excluded, b included; the inverse of addWorkdays, negative when reversed", () => {
    expect(calendar.workdaysBetween("2025-09-26", "2025-10-30").value).toBe(20);
    expect(calendar.workdaysBetween("2025-11-10", "2025-11-10").value).toBe(0);
    expect(calendar.workdaysBetween("2025-11-10", "2025-11-11").value).toBe(1);
    expect(calendar.workdaysBetween("2025-10-30", "2025-09-26").value).toBe(-20);
  });

  it("refuses malformed dates and negative counts", () => {
    expect(() => calendar.isWorkday("2025-02-30")).toThrow(InvalidDateError);
    expect(() => calendar.addWorkdays("2025/01/01", 1)).toThrow(InvalidDateError);
    expect(() => calendar.addWorkdays("2025-01-01", -1)).toThrow(RangeError);
    expect(() => calendar.addWorkdays("2025-01-01", 1.5)).toThrow(RangeError);
  });
});

describe("coverage and the unknown-year warning", () => {
  it("reports the years the package covers", () => {
    const { packageYears, overrideYears } = calendar.coverage();
    expect(packageYears).toContain(2025);
    expect(packageYears).toContain(2026);
    expect(overrideYears).toEqual([]);
  });

  it("flags a computation that crosses into or lands in an uncovered year", () => {
    const last = Math.max(...calendar.coverage().packageYears);
    const next = last + 1;
    expect(calendar.addWorkdays(`${last}-12-20`, 20).unknownYears).toEqual([next]);
    expect(calendar.workdaysBetween(`${last}-12-01`, `${next}-01-10`).unknownYears).toEqual([next]);
    expect(calendar.addWorkdays(`${next}-06-01`, 1).unknownYears).toEqual([next]);
    expect(calendar.dayInfo(`${next}-06-01`).unknownYear).toBe(true);
    expect(calendar.addWorkdays(`${last}-06-01`, 20).unknownYears).toEqual([]);
  });

  it("an imported notice covers an uncovered year; a day set by hand does not", () => {
    const next = Math.max(...calendar.coverage().packageYears) + 1;
    const byHand = new WorkCalendar([{ date: `${next}-03-10`, workday: false, note: "停电" }]);
    expect(byHand.coverage()).toMatchObject({ overrideYears: [next], noticeYears: [] });
    expect(byHand.addWorkdays(`${next}-06-01`, 5).unknownYears).toEqual([next]);
    expect(byHand.dayInfo(`${next}-01-01`)).toMatchObject({ workday: false, source: "statutory-rule" });

    const imported = new WorkCalendar([{ date: `${next}-01-01`, workday: false, note: "元旦", noticeYear: next }]);
    expect(imported.coverage()).toMatchObject({ overrideYears: [next], noticeYears: [next] });
    expect(imported.addWorkdays(`${next}-06-01`, 5).unknownYears).toEqual([]);
  });
});

describe("overrides", () => {
  it("beat the package data both ways and shift deadlines", () => {
    const overridden = new WorkCalendar([
      { date: "2025-10-08", workday: true, note: "test: office open" },
      { date: "2025-10-20", workday: false, note: "test: local closure" },
    ]);
    expect(overridden.dayInfo("2025-10-08")).toMatchObject({ workday: true, source: "override", note: "test: office open" });
    expect(overridden.isWorkday("2025-10-20")).toBe(false);
    // +1 for 10-08, -1 for 10-20: the 20th working day stays put, the 2nd moves earlier.
    expect(overridden.addWorkdays("2025-09-26", 20).value).toBe("2025-10-30");
    expect(overridden.addWorkdays("2025-09-26", 4).value).toBe("2025-10-08");
    expect(calendar.addWorkdays("2025-09-26", 4).value).toBe("2025-10-09");
    expect(overridden.workdaysBetween("2025-10-19", "2025-10-21").value).toBe(1);
  });
});
