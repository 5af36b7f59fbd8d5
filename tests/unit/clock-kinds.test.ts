import { describe, expect, it } from "vitest";
import { ClockLedgerError, evaluateClock, type ClockEvent } from "../../app/core/calendar/clock";
import { explainClock } from "../../app/core/calendar/clock-explain";
import { clockKindLookup, UndeclaredClockKindError, type ClockKind } from "../../app/core/calendar/clock-kind";
import { packageYears } from "../../app/core/calendar/holiday-data";
import { WorkCalendar } from "../../app/core/calendar/work-calendar";
import { ClockKindSchema } from "../../app/plugin-host/manifest/clock-kinds";
import { ANSWER_CLOCK } from "../fixtures/plugins/fixture-notes/clock";

/**
 * The core evaluates and explains any declared kind: here the fixture's 10 calendar days with one
 * pause that lapses after 5 days and no extension — no working days, no reply-clock rule. Counted
 * by hand: the start day never counts; a pause excludes (its first day, its last day].
 */
const calendar = new WorkCalendar();
const start: ClockEvent = { kind: "start", date: "2025-09-26" };
const clarify: ClockEvent = { kind: "pause", date: "2025-09-28", reason: "clarification" };
const clock = (events: ClockEvent[], asOf = "2025-12-31") => evaluateClock(ANSWER_CLOCK, events, asOf, calendar);
const explain = (events: ClockEvent[], asOf?: string) => {
  const s = clock(events, asOf);
  return { en: explainClock(ANSWER_CLOCK, s, "en"), "zh-CN": explainClock(ANSWER_CLOCK, s, "zh-CN"), "zh-TW": explainClock(ANSWER_CLOCK, s, "zh-TW") };
};

function refusal(events: ClockEvent[]): ClockLedgerError {
  try {
    clock(events);
  } catch (e) {
    if (e instanceof ClockLedgerError) return e;
    throw e;
  }
  throw new Error("ledger was accepted");
}

describe("a calendar-day clock kind (the fixture's 10 days to answer a note)", () => {
  it("counts every day, 国庆 included, and explains itself in three locales", () => {
    expect(clock([start], "2025-09-30")).toMatchObject({ kind: "fixture-notes.answer", state: "running", dueDate: "2025-10-06", usedDays: 4, leftDays: 6 });
    expect(explain([start], "2025-09-30")).toEqual({ en: "10 days from 2025-09-26; due 2025-10-06", "zh-CN": "自2025-09-26起10日；截止2025-10-06", "zh-TW": "自2025-09-26起10日；截止2025-10-06" });
  });

  it("a closed pause moves the due date by its days", () => {
    const events: ClockEvent[] = [start, clarify, { kind: "resume", date: "2025-10-01" }];
    expect(clock(events, "2025-10-02")).toMatchObject({ dueDate: "2025-10-09", pauses: [{ reason: "clarification", days: 3 }], usedDays: 3 });
    expect(explain(events, "2025-10-02")).toEqual({
      en: "10 days from 2025-09-26; paused 3 days for the author's clarification; due 2025-10-09",
      "zh-CN": "自2025-09-26起10日；因作者澄清暂停3日；截止2025-10-09",
      "zh-TW": "自2025-09-26起10日；因作者澄清暫停3日；截止2025-10-09",
    });
  });

  it("an open pause has no due date and shows its answer date; it lapses after 5 days", () => {
    expect(clock([start, clarify], "2025-09-30")).toMatchObject({ state: "paused", dueDate: null, usedDays: 2, leftDays: 8, openPause: { answerDue: "2025-10-03", lapsed: false } });
    expect(explain([start, clarify], "2025-09-30").en).toBe("10 days from 2025-09-26; paused since 2025-09-28 for the author's clarification (answer due 2025-10-03); 8 days left");
    const lapsed = clock([start, clarify], "2025-10-10");
    expect(lapsed).toMatchObject({ state: "running", dueDate: "2025-10-11", usedDays: 9, openPause: { lapsed: true } });
    expect(lapsed.warnings).toEqual([{ kind: "answer-overdue", reason: "clarification", answerDue: "2025-10-03" }]);
    expect(explain([start, clarify], "2025-10-10")["zh-CN"]).toBe("自2025-09-26起10日；自2025-09-28起因作者澄清暂停，对方未于2025-10-03前答复，此后恢复计算；截止2025-10-11");
  });

  it("overdue and late stops count calendar days, in the kind's own stop wording", () => {
    expect(clock([start], "2025-10-08")).toMatchObject({ state: "overdue", overdueDays: 2 });
    expect(explain([start], "2025-10-08")).toEqual({
      en: "10 days from 2025-09-26; was due 2025-10-06, overdue by 2 days",
      "zh-CN": "自2025-09-26起10日；截止2025-10-06，已逾期2日",
      "zh-TW": "自2025-09-26起10日；截止2025-10-06，已逾期2日",
    });
    expect(explain([start, { kind: "stop", date: "2025-10-07", reason: "answered" }])).toEqual({
      en: "10 days from 2025-09-26; due 2025-10-06; answered 2025-10-07, 1 day late",
      "zh-CN": "自2025-09-26起10日；截止2025-10-06；2025-10-07答复，逾期1日",
      "zh-TW": "自2025-09-26起10日；截止2025-10-06；2025-10-07答覆，逾期1日",
    });
    const dropped = [start, clarify, { kind: "stop", date: "2025-10-04", reason: "dropped" } as const];
    expect(explain(dropped)["zh-TW"]).toMatch(/2025-10-04因作者未澄清而終止$/);
  });

  it("depends on no holiday notice: a year without one gives no caveat", () => {
    const last = Math.max(...packageYears);
    expect(evaluateClock(ANSWER_CLOCK, [{ kind: "start", date: `${last}-12-30` }], `${last + 1}-01-02`, calendar).warnings).toEqual([]);
  });
});

describe("a period to a fixed day of the year (a 名录 by 31 March)", () => {
  const source = { "zh-CN": "示例规则第一条", "zh-TW": "示例規則第一條", en: "Example rules, Art. 1" };
  const BY_MARCH: ClockKind = {
    key: "fixture-notes.catalogue",
    period: { byDay: "03-31" },
    source,
    pauses: {},
    extension: null,
    stops: { published: { wording: { "zh-CN": "{date}已公布", "zh-TW": "{date}已公佈", en: "published {date}" } } },
  };
  const read = (startDate: string, asOf: string) => evaluateClock(BY_MARCH, [{ kind: "start", date: startDate }], asOf, calendar);

  it("is due on the first such day after the start, counting calendar days", () => {
    const s = read("2026-01-05", "2026-01-10");
    expect(s).toMatchObject({ dueDate: "2026-03-31", allowedDays: 85, usedDays: 5, leftDays: 80, warnings: [] });
    expect(explainClock(BY_MARCH, s, "zh-CN")).toBe("自2026-01-05起至3月31日；截止2026-03-31");
    expect(explainClock(BY_MARCH, s, "en")).toBe("from 2026-01-05 to 31 March; due 2026-03-31");
    expect(read("2026-03-31", "2026-04-01").dueDate).toBe("2027-03-31");
    expect(read("2026-04-02", "2026-04-03").dueDate).toBe("2027-03-31");
  });

  it("is overdue after that day", () => {
    const s = read("2026-01-05", "2026-04-02");
    expect(s).toMatchObject({ state: "overdue", overdueDays: 2 });
    expect(explainClock(BY_MARCH, s, "zh-TW")).toBe("自2026-01-05起至3月31日；截止2026-03-31，已逾期2日");
  });

  it("is declared as MM-DD of a day every year has", () => {
    expect(ClockKindSchema.safeParse(BY_MARCH).success).toBe(true);
    for (const byDay of ["02-29", "13-01", "3-31", "03-32"]) expect(ClockKindSchema.safeParse({ ...BY_MARCH, period: { byDay } }).success).toBe(false);
  });
});

describe("a calendar-day period whose last day is a rest day (《民法典》第二百零三条)", () => {
  const source = { "zh-CN": "示例规则第二条", "zh-TW": "示例規則第二條", en: "Example rules, Art. 2" };
  const stops = { published: { wording: { "zh-CN": "{date}已公布", "zh-TW": "{date}已公佈", en: "published {date}" } } };
  const kind = (period: ClockKind["period"]): ClockKind => ({ key: "fixture-notes.notice", period, source, pauses: {}, extension: null, stops });
  const due = (period: ClockKind["period"], from: string) => evaluateClock(kind(period), [{ kind: "start", date: from }], from, calendar).dueDate;

  it("ends on the next working day when the kind says so, 调休 included", () => {
    // 2025-09-26 + 7 days is 2025-10-03, inside the 国庆 holiday (10-01 to 10-08); 10-09 is a working day.
    expect(due({ days: 7, unit: "calendar", endsOnWorkday: true }, "2025-09-26")).toBe("2025-10-09");
    expect(due({ days: 7, unit: "calendar" }, "2025-09-26")).toBe("2025-10-03");
    // 2024-03-31 is a Sunday: a 名录 due then is due on Monday 04-01.
    expect(due({ byDay: "03-31", endsOnWorkday: true }, "2024-01-10")).toBe("2024-04-01");
    expect(due({ byDay: "03-31" }, "2024-01-10")).toBe("2024-03-31");
    // A last day that is a working day stays where it is.
    expect(due({ days: 10, unit: "calendar", endsOnWorkday: true }, "2025-09-05")).toBe("2025-09-15");
  });

  it("is declared only on calendar-day periods", () => {
    expect(ClockKindSchema.safeParse(kind({ days: 7, unit: "calendar", endsOnWorkday: true })).success).toBe(true);
    expect(ClockKindSchema.safeParse({ ...kind({ days: 7, unit: "working" }), period: { days: 7, unit: "working", endsOnWorkday: true } }).success).toBe(false);
  });
});

describe("a kind refuses what it does not declare", () => {
  const cases: [string, ClockEvent[], RegExp][] = [
    ["extend-undeclared", [start, { kind: "extend", date: "2025-09-29", days: 3, approver: "王主任" }], /may not be extended/],
    ["pause-reason-undeclared", [start, { kind: "pause", date: "2025-09-29", reason: "supplement" }], /do not pause for "supplement"/],
    ["restart-undeclared", [start, clarify, { kind: "restart", date: "2025-09-30" }], /never restart/],
    ["stop-reason-undeclared", [start, { kind: "stop", date: "2025-09-29", reason: "replied" }], /do not stop for "replied"/],
    ["dropped-needs-clarification", [start, { kind: "stop", date: "2025-09-29", reason: "dropped" }], /第四条/],
    ["dropped-after-due", [start, clarify, { kind: "stop", date: "2025-10-03", reason: "dropped" }], /until 2025-10-03/],
  ];
  it.each(cases)("%s", (rule, events, message) => {
    const error = refusal(events);
    expect(error.rule).toBe(rule);
    expect(error.message).toMatch(message);
  });

  it("finds a clock's kind by its id's prefix among the declared kinds only", () => {
    const kinds = clockKindLookup([ANSWER_CLOCK]);
    expect(kinds.of("fixture-notes.answer:note-1")).toBe(ANSWER_CLOCK);
    for (const id of ["requests.reply:1", "fixture-notes.answer", "fixture-notes.answer:", "fixture-notes.other:1"]) expect(() => kinds.of(id)).toThrow(UndeclaredClockKindError);
  });
});

describe("the manifest's clockKinds schema", () => {
  it("accepts the fixture's kind as declared", () => {
    expect(ClockKindSchema.parse(ANSWER_CLOCK)).toMatchObject({ key: "fixture-notes.answer", extension: null });
  });

  it("refuses a missing locale, a stop needing an undeclared pause, and an answer-date condition without an answer period", () => {
    const bad = (kind: unknown) => ClockKindSchema.safeParse(kind).error?.issues.map((i) => i.path.join("."));
    const noTW = { ...ANSWER_CLOCK, source: { "zh-CN": "x", en: "x" } };
    expect(bad(noTW)).toEqual(["source.zh-TW"]);
    const stops = { ...ANSWER_CLOCK.stops, dropped: { ...ANSWER_CLOCK.stops.dropped!, requires: { pause: "hold" } } };
    expect(bad({ ...ANSWER_CLOCK, stops })).toEqual(["stops.dropped.requires.pause"]);
    const pauses: ClockKind["pauses"] = { clarification: { ...ANSWER_CLOCK.pauses.clarification!, answer: undefined } };
    expect(bad({ ...ANSWER_CLOCK, pauses })).toEqual(["stops.dropped.requires.afterAnswer"]);
  });
});
