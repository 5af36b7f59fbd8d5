import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import data from "chinese-days/dist/chinese-days.json";
import type { NoticeDay } from "../../app/core/calendar/notice-days";
import { parseNoticeIcs } from "../../app/core/calendar/notice-ics";
import { parseNoticeText } from "../../app/core/calendar/notice-text";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/calendar/${name}`, import.meta.url), "utf8");

/** The package's notice of a year, the truth the parsers must reproduce. */
const packageDays = (year: number) =>
  [
    ...Object.keys(data.holidays).filter((d) => d.startsWith(`${year}-`)).map((date) => ({ date, workday: false })),
    ...Object.keys(data.workdays).filter((d) => d.startsWith(`${year}-`)).map((date) => ({ date, workday: true })),
  ].sort((a, b) => a.date.localeCompare(b.date));
const PACKAGE_2026 = packageDays(2026);

const kinds = (days: NoticeDay[]) => days.map(({ date, workday }) => ({ date, workday }));

function parsed(result: ReturnType<typeof parseNoticeText>): NoticeDay[] {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.days;
}

const errorKeys = (result: ReturnType<typeof parseNoticeText>) => (result.ok ? [] : result.errors.map((e) => e.key.split(".").at(-1)));

describe("reading a State Council holiday notice pasted as text", () => {
  it("the 2026 notice gives exactly the package's 2026 rest and make-up working days, named by holiday", () => {
    const days = parsed(parseNoticeText(2026, fixture("notice-2026.txt")));
    expect(PACKAGE_2026).toHaveLength(39);
    expect(kinds(days)).toEqual(PACKAGE_2026);
    expect(days.find((d) => d.date === "2026-01-04")).toEqual({ date: "2026-01-04", workday: true, name: "元旦" });
    expect(days.find((d) => d.date === "2026-09-20")).toEqual({ date: "2026-09-20", workday: true, name: "国庆节" });
    expect(days.find((d) => d.date === "2026-02-23")).toEqual({ date: "2026-02-23", workday: false, name: "春节" });
  });

  it("the 2025 notice too: a range across two months, 放假1天 without a total, two holidays under one heading", () => {
    const days = parsed(parseNoticeText(2025, fixture("notice-2025.txt")));
    expect(kinds(days)).toEqual(packageDays(2025));
    expect(days.find((d) => d.date === "2025-02-01")).toMatchObject({ workday: false, name: "春节" });
    expect(days.find((d) => d.date === "2025-10-08")).toMatchObject({ workday: false, name: "国庆节、中秋节" });
  });

  it("reads full-width digits and a 元旦 beginning in the year before; skips the signature date", () => {
    const text = ["一、元旦：２０１８年１２月３０日至２０１９年１月１日放假调休，共３天。２０１８年１２月２９日（星期六）上班。", "国务院办公厅", "2018年12月6日"].join("\n");
    expect(kinds(parsed(parseNoticeText(2019, text)))).toEqual([
      { date: "2018-12-29", workday: true },
      { date: "2018-12-30", workday: false },
      { date: "2018-12-31", workday: false },
      { date: "2019-01-01", workday: false },
    ]);
  });

  it("refuses, naming the line, what it cannot read for certain", () => {
    expect(errorKeys(parseNoticeText(2026, "一、元旦：1月1日至3日放假调休，共4天。"))).toEqual(["total"]);
    expect(errorKeys(parseNoticeText(2026, "二、春节：2月30日放假。"))).toEqual(["badDate"]);
    expect(errorKeys(parseNoticeText(2026, "二、春节：2月23日至15日放假。"))).toEqual(["badRange"]);
    expect(errorKeys(parseNoticeText(2026, "一、元旦：1月1日放假。1月5日（周一）上班。"))).toEqual(["workdayOnWeekday"]);
    expect(errorKeys(parseNoticeText(2026, "一、元旦：1月1日放假。1月1日上班。"))).toEqual(["conflict", "workdayOnWeekday"]);
    expect(errorKeys(parseNoticeText(2026, "一、元旦：2025年6月1日放假。"))).toEqual(["otherYear"]);
    expect(errorKeys(parseNoticeText(2026, "一、元旦：1月1日放假，1月4日调整。"))).toEqual(["unclear"]);
    expect(errorKeys(parseNoticeText(2026, "经国务院批准，现将放假安排通知如下。"))).toEqual(["noRestDays"]);
    expect(errorKeys(parseNoticeText(2026, ""))).toEqual(["noRestDays"]);
    const bad = parseNoticeText(2026, "一、元旦：1月1日放假。\n二、春节：2月30日放假。");
    expect(bad).toEqual({ ok: false, errors: [{ key: "platform:calendar.import.errors.badDate", values: { line: 2, date: "2月30日" } }] });
  });
});

describe("reading a holiday calendar (.ics)", () => {
  it("chinese-days' own 2026 calendar gives the package's 2026 days", () => {
    const days = parsed(parseNoticeIcs(2026, fixture("holidays-2026.ics")));
    expect(kinds(days)).toEqual(PACKAGE_2026);
    expect(days.find((d) => d.date === "2026-10-10")).toMatchObject({ workday: true, name: "国庆节" });
  });

  const ics = (...events: string[]) =>
    ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", ...events.flatMap((e) => ["BEGIN:VEVENT", "UID:" + Math.random(), e, "END:VEVENT"]), "END:VCALENDAR"].join("\r\n");

  it("classifies by summary without Apple's marker, and one day without DTEND", () => {
    const text = ics("DTSTART;VALUE=DATE:20270101\r\nSUMMARY:New Year's Day (Holiday)", "DTSTART;VALUE=DATE:20270102\r\nDTEND;VALUE=DATE:20270103\r\nSUMMARY:元旦（班）");
    expect(parsed(parseNoticeIcs(2027, text))).toEqual([
      { date: "2027-01-01", workday: false, name: "New Year's Day" },
      { date: "2027-01-02", workday: true, name: "元旦" },
    ]);
  });

  it("refuses what is not a holiday calendar", () => {
    expect(errorKeys(parseNoticeIcs(2027, "not a calendar"))).toEqual(["icsInvalid"]);
    expect(errorKeys(parseNoticeIcs(2027, ics()))).toEqual(["icsEmpty"]);
    expect(errorKeys(parseNoticeIcs(2027, ics("DTSTART:20270101T090000\r\nSUMMARY:元旦(休)")))).toEqual(["icsNotAllDay"]);
    expect(errorKeys(parseNoticeIcs(2027, ics("DTSTART;VALUE=DATE:20270101\r\nSUMMARY:元旦")))).toEqual(["icsUnclear"]);
    expect(errorKeys(parseNoticeIcs(2027, ics("DTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20280101\r\nSUMMARY:元旦(休)")))).toEqual(["icsBadRange"]);
    expect(errorKeys(parseNoticeIcs(2027, fixture("holidays-2026.ics")))).toContain("otherYear");
  });
});
