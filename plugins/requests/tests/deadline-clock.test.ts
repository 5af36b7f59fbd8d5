import { describe, expect, it } from "vitest";
import { ClockLedgerError, evaluateClock as evaluate, explainClock as explain, type ClockEvent, type ClockStatus, type Locale } from "../../../app/plugin-api";
import { WorkCalendar } from "../../../app/plugin-api/testing";
import { EXTENSION, REPLY, REPLY_CLOCK, THIRD_PARTY } from "../law/reply-clock";

/** The core's generic evaluator and explanation, read with the reply clock's rules (law/reply-clock.ts). */
const calendar = new WorkCalendar();
const evaluateClock = (events: ClockEvent[], asOf: string, cal: WorkCalendar) => evaluate(REPLY_CLOCK, events, asOf, cal);
const explainClock = (s: ClockStatus, locale: Locale, options?: Parameters<typeof explain>[3]) => explain(REPLY_CLOCK, s, locale, options);
const pauseBasis = (reason: string, locale: Locale) => REPLY_CLOCK.pauses[reason]!.source[locale];
const start: ClockEvent = { kind: "start", date: "2025-09-26" };
const clock = (events: ClockEvent[], asOf = "2025-12-31") => evaluateClock(events, asOf, calendar);

function refusal(events: ClockEvent[], asOf = "2025-12-31"): ClockLedgerError {
  try {
    clock(events, asOf);
  } catch (e) {
    if (e instanceof ClockLedgerError) return e;
    throw e;
  }
  throw new Error("ledger was accepted");
}

describe("rules are data with their legal source", () => {
  it("takes 20 + 20 and 15 working days from the Regulation", () => {
    expect(REPLY).toMatchObject({ days: 20, basis: { "zh-CN": "《政府信息公开条例》第三十三条" } });
    expect(EXTENSION).toMatchObject({ days: 20, maxCount: 1 });
    expect(THIRD_PARTY.basis["zh-CN"]).toBe("《政府信息公开条例》第三十二条");
    expect(pauseBasis("third-party", "en")).toBe("Regulation on Open Government Information, Art. 33");
  });
});

describe("deadline clock", () => {
  it("start: 20 working days from receipt, running with days used and left", () => {
    const s = clock([start], "2025-10-09");
    expect(s).toMatchObject({ state: "running", dueDate: "2025-10-30", allowedDays: 20, usedDays: 4, leftDays: 16, warnings: [] });
    expect(explainClock(s, "en")).toBe("20 working days from 2025-09-26; due 2025-10-30");
  });

  it("pause and resume for third-party consultation: the paused working days do not count (Art 33), in three locales", () => {
    const s = clock([start, { kind: "pause", date: "2025-10-09", reason: "third-party" }, { kind: "resume", date: "2025-10-15" }], "2025-10-20");
    expect(s).toMatchObject({ state: "running", dueDate: "2025-11-06", pauses: [{ reason: "third-party", days: 5 }], usedDays: 7 });
    expect(explainClock(s, "en")).toBe("20 working days from 2025-09-26; paused 5 working days for third-party consultation; due 2025-11-06");
    expect(explainClock(s, "zh-CN")).toBe("自2025-09-26起20个工作日；因征求第三方意见暂停5个工作日；截止2025-11-06");
    expect(explainClock(s, "zh-TW")).toBe("自2025-09-26起20個工作日；因徵求第三方意見暫停5個工作日；截止2025-11-06");
  });

  it("an open pause has no due date yet, shows the third party's 15 working days (Art 32) and warns when they run out", () => {
    const events: ClockEvent[] = [start, { kind: "pause", date: "2025-10-09", reason: "third-party" }];
    const s = clock(events, "2025-10-20");
    expect(s).toMatchObject({ state: "paused", dueDate: null, usedDays: 4, leftDays: 16, openPause: { since: "2025-10-09", answerDue: "2025-10-29" } });
    expect(s.warnings).toEqual([]);
    expect(explainClock(s, "en")).toBe("20 working days from 2025-09-26; paused since 2025-10-09 for third-party consultation (answer due 2025-10-29); 16 working days left");
    expect(clock(events, "2025-10-30").warnings).toEqual([{ kind: "answer-overdue", reason: "third-party", answerDue: "2025-10-29" }]);
  });

  it("a fee notice pauses the clock, the applicant having 20 working days to pay", () => {
    const s = clock([start, { kind: "pause", date: "2025-10-09", reason: "fee-notice" }, { kind: "resume", date: "2025-10-10" }], "2025-10-20");
    expect(s.dueDate).toBe("2025-10-31");
    expect(explainClock(s, "zh-CN")).toBe("自2025-09-26起20个工作日；因缴纳信息处理费暂停1个工作日；截止2025-10-31");
    const open = clock([start, { kind: "pause", date: "2025-10-09", reason: "fee-notice" }], "2025-10-20");
    expect(open.openPause?.answerDue).toBe(calendar.addWorkdays("2025-10-09", 20).value);
  });

  it("补正 restarts the clock from the supplemented application (Art 30)", () => {
    const s = clock([start, { kind: "pause", date: "2025-09-30", reason: "supplement" }, { kind: "restart", date: "2025-10-13" }], "2025-10-14");
    expect(s).toMatchObject({ state: "running", periodStart: "2025-10-13", restarted: true, dueDate: calendar.addWorkdays("2025-10-13", 20).value, usedDays: 1 });
    expect(explainClock(s, "en")).toMatch(/^20 working days from 2025-10-13, restarted on receipt of the supplemented application; due 2025-11-10$/);
    expect(explainClock(s, "zh-CN")).toBe("自2025-10-13收到补正后的申请起重新计算20个工作日；截止2025-11-10");
  });

  it("warns when 补正 was asked later than 7 working days after receipt (Art 30)", () => {
    const s = clock([start, { kind: "pause", date: "2025-10-15", reason: "supplement" }], "2025-10-20");
    expect(s.warnings).toEqual([{ kind: "late-supplement-notice", noticeDue: "2025-10-13" }]);
  });

  it("extend: adds at most 20 working days with the approver recorded (Art 33)", () => {
    const s = clock([start, { kind: "extend", date: "2025-10-28", days: 20, approver: "王主任" }], "2025-10-29");
    expect(s).toMatchObject({ allowedDays: 40, dueDate: "2025-11-27", extension: { days: 20, approver: "王主任" } });
    expect(explainClock(s, "zh-CN")).toBe("自2025-09-26起20个工作日；经王主任批准延长20个工作日；截止2025-11-27");
    expect(explainClock(s, "zh-TW")).toBe("自2025-09-26起20個工作日；經王主任批准延長20個工作日；截止2025-11-27");
    expect(explainClock(s, "en")).toBe("20 working days from 2025-09-26; extended by 20 working days, approved by 王主任; due 2025-11-27");
  });

  it("stop: replied on time, replied late, withdrawn", () => {
    const onTime = clock([start, { kind: "stop", date: "2025-10-20", reason: "replied" }]);
    expect(onTime).toMatchObject({ state: "stopped", usedDays: 12, overdueDays: 0 });
    expect(explainClock(onTime, "en")).toBe("20 working days from 2025-09-26; due 2025-10-30; replied 2025-10-20, on time");
    const late = clock([start, { kind: "stop", date: "2025-11-04", reason: "replied" }]);
    expect(late).toMatchObject({ state: "stopped", overdueDays: 3 });
    expect(explainClock(late, "zh-CN")).toBe("自2025-09-26起20个工作日；截止2025-10-30；2025-11-04答复，逾期3个工作日");
    expect(explainClock(clock([start, { kind: "stop", date: "2025-10-09", reason: "withdrawn" }]), "zh-TW")).toBe(
      "自2025-09-26起20個工作日；截止2025-10-30；申請人於2025-10-09撤回申請",
    );
  });

  it("overdue: past the due date and not stopped", () => {
    const s = clock([start], "2025-11-03");
    expect(s).toMatchObject({ state: "overdue", overdueDays: 2, leftDays: 0 });
    expect(explainClock(s, "en")).toBe("20 working days from 2025-09-26; was due 2025-10-30, overdue by 2 working days");
    expect(explainClock(s, "zh-TW")).toBe("自2025-09-26起20個工作日；截止2025-10-30，已逾期2個工作日");
  });

  it("warns staff, not the applicant, when the due date depends on a year without a holiday notice", () => {
    const last = Math.max(...calendar.coverage().packageYears);
    const s = evaluateClock([{ kind: "start", date: `${last}-12-15` }], `${last}-12-16`, calendar);
    expect(s.warnings).toEqual([{ kind: "unknown-years", years: [last + 1] }]);
    expect(explainClock(s, "en")).toMatch(new RegExp(`notice for ${last + 1} is not out yet: statutory holidays are counted, make-up working days may still move the date$`));
    expect(explainClock(s, "zh-CN")).toMatch(new RegExp(`${last + 1}年放假安排尚未公布，已按《全国年节及纪念日放假办法》计入法定节假日，调休可能使日期变动$`));
    expect(explainClock(s, "zh-TW")).toMatch(/調休可能使日期變動$/);
    for (const locale of ["zh-CN", "zh-TW", "en"] as const) {
      const applicant = explainClock(s, locale, { audience: "applicant" });
      expect(applicant).toContain(s.dueDate!);
      expect(applicant).not.toMatch(/调休|調休|notice|放假/);
    }
  });
});

describe("closing for a missing supplement or an unpaid fee", () => {
  it("视为放弃 closes a 补正 pause (六)1, and an unpaid fee closes after its 20 working days (六)2", () => {
    const deemed = clock([start, { kind: "pause", date: "2025-09-29", reason: "supplement" }, { kind: "stop", date: "2025-10-20", reason: "deemed-withdrawn" }]);
    expect(explainClock(deemed, "zh-CN")).toMatch(/2025-10-20视为放弃申请$/);
    const unpaid = clock([start, { kind: "pause", date: "2025-10-09", reason: "fee-notice" }, { kind: "stop", date: "2025-11-06", reason: "fee-unpaid" }]);
    expect(unpaid.stop).toEqual({ date: "2025-11-06", reason: "fee-unpaid" });
  });
});

describe("consultation counts only its 15 working days (Art 32–34)", () => {
  const consult: ClockEvent = { kind: "pause", date: "2025-10-09", reason: "third-party" };

  it("once the answer date passes unanswered, the days count again and the due date is known", () => {
    const s = clock([start, consult], "2025-11-05");
    expect(s).toMatchObject({ state: "running", dueDate: "2025-11-20", usedDays: 9, openPause: { reason: "third-party", answerDue: "2025-10-29", lapsed: true } });
    expect(s.warnings).toEqual([{ kind: "answer-overdue", reason: "third-party", answerDue: "2025-10-29" }]);
    expect(explainClock(s, "en")).toBe("20 working days from 2025-09-26; paused from 2025-10-09 for third-party consultation; no answer by 2025-10-29, counting again since; due 2025-11-20");
    expect(explainClock(s, "zh-CN")).toBe("自2025-09-26起20个工作日；自2025-10-09起因征求第三方意见暂停，对方未于2025-10-29前答复，此后恢复计算；截止2025-11-20");
    expect(explainClock(s, "zh-TW")).toBe("自2025-09-26起20個工作日；自2025-10-09起因徵求第三方意見暫停，對方未於2025-10-29前答覆，此後恢復計算；截止2025-11-20");
  });

  it("a reply while still waiting is judged against that due date", () => {
    const s = clock([start, consult, { kind: "stop", date: "2025-11-21", reason: "replied" }]);
    expect(s).toMatchObject({ state: "stopped", dueDate: "2025-11-20", overdueDays: 1 });
  });

  it("a late answer suspends only the 15 working days", () => {
    const s = clock([start, consult, { kind: "resume", date: "2025-11-03" }], "2025-11-05");
    expect(s).toMatchObject({ dueDate: "2025-11-20", pauses: [{ reason: "third-party", days: 15 }], openPause: null });
  });

  it("a fee pause does not lapse: it waits for payment or closure as (六)2", () => {
    expect(clock([start, { kind: "pause", date: "2025-10-09", reason: "fee-notice" }], "2025-12-01")).toMatchObject({ state: "paused", dueDate: null });
  });
});

describe("refused ledgers name the rule", () => {
  const extend = (date: string, days = 10, approver = "王主任"): ClockEvent => ({ kind: "extend", date, days, approver });
  const cases: [string, ClockEvent[], RegExp][] = [
    ["starts-with-start", [{ kind: "resume", date: "2025-10-01" }], /start/],
    ["single-start", [start, { kind: "start", date: "2025-10-01" }], /restart/],
    ["extend-once", [start, extend("2025-10-09"), extend("2025-10-10")], /第三十三条/],
    ["extension-cap", [start, extend("2025-10-09", 21)], /1 to 20 working days.*第三十三条/],
    ["extension-cap", [start, extend("2025-10-09", 0)], /第三十三条/],
    ["extension-approver", [start, extend("2025-10-09", 10, " ")], /head of the disclosure office/],
    ["extend-before-due", [start, extend("2025-10-31")], /due on 2025-10-30/],
    ["resume-while-running", [start, { kind: "resume", date: "2025-10-09" }], /not paused/],
    ["supplement-restarts", [start, { kind: "pause", date: "2025-09-29", reason: "supplement" }, { kind: "resume", date: "2025-10-09" }], /第三十条/],
    ["restart-needs-supplement", [start, { kind: "restart", date: "2025-10-09" }], /第三十条/],
    ["pause-while-paused", [start, { kind: "pause", date: "2025-10-09", reason: "third-party" }, { kind: "pause", date: "2025-10-10", reason: "fee-notice" }], /already paused/],
    ["after-stop", [start, { kind: "stop", date: "2025-10-09", reason: "replied" }, { kind: "pause", date: "2025-10-10", reason: "third-party" }], /nothing may follow a stop/],
    ["date-order", [start, { kind: "pause", date: "2025-10-09", reason: "third-party" }, { kind: "resume", date: "2025-10-08" }], /date order/],
    ["not-in-future", [start, { kind: "stop", date: "2026-01-05", reason: "replied" }], /after 2025-12-31/],
    [
      "supplement-once",
      [start, { kind: "pause", date: "2025-09-29", reason: "supplement" }, { kind: "restart", date: "2025-10-09" }, { kind: "pause", date: "2025-10-10", reason: "supplement" }],
      /一次性告知.*第三十条/,
    ],
    ["deemed-withdrawn-needs-supplement", [start, { kind: "stop", date: "2025-10-09", reason: "deemed-withdrawn" }], /第三十条/],
    ["fee-unpaid-needs-fee-notice", [start, { kind: "stop", date: "2025-10-09", reason: "fee-unpaid" }], /\[2020\] No\. 109/],
    ["fee-unpaid-after-due", [start, { kind: "pause", date: "2025-10-09", reason: "fee-notice" }, { kind: "stop", date: "2025-11-05", reason: "fee-unpaid" }], /answer may come until 2025-11-05/],
  ];
  it.each(cases)("%s", (rule, events, message) => {
    const error = refusal(events);
    expect(error.rule).toBe(rule);
    expect(error.message).toMatch(message);
  });

  it("names the offending event by position and date", () => {
    expect(refusal([start, extend("2025-10-09"), extend("2025-10-10")]).message).toMatch(/^Deadline clock event 3: extend on 2025-10-10: /);
  });

  it("the extension after a pause is judged against the paused due date", () => {
    const events: ClockEvent[] = [start, { kind: "pause", date: "2025-10-09", reason: "third-party" }, { kind: "resume", date: "2025-10-15" }, extend("2025-11-05")];
    expect(clock(events).dueDate).toBe(calendar.addWorkdays("2025-11-06", 10).value);
  });
});
