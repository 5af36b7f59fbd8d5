import { describe, expect, it } from "vitest";
import { evaluateClock, explainClock } from "../../../app/plugin-api";
import { WorkCalendar } from "../../../app/plugin-api/testing";
import { DEADLINE_CLOCK, deadlineClockId, deadlineStart } from "../server/workflow/deadline-clock";

/* 条例第四十九条: last year's report by 31 January, as a clock kind core counts and explains. */

const calendar = new WorkCalendar();
const start = { kind: "start" as const, date: deadlineStart(2025) };

describe("the 31 January clock", () => {
  it("is due on 31 January after the report year and overdue the day after", () => {
    expect(deadlineClockId(2025)).toBe("annual-report.deadline:2025");
    expect(evaluateClock(DEADLINE_CLOCK, [start], "2026-01-31", calendar)).toMatchObject({ state: "running", dueDate: "2026-01-31", leftDays: 0 });
    expect(evaluateClock(DEADLINE_CLOCK, [start], "2026-02-02", calendar)).toMatchObject({ state: "overdue", overdueDays: 2 });
  });

  it("stops when the report is published, and says so with the source", () => {
    const status = evaluateClock(DEADLINE_CLOCK, [start, { kind: "stop", date: "2026-01-20", reason: "published" }], "2026-03-01", calendar);
    expect(status).toMatchObject({ state: "stopped", stop: { date: "2026-01-20", reason: "published" } });
    expect(explainClock(DEADLINE_CLOCK, status, "zh-CN")).toContain("2026-01-20已公开");
    const late = evaluateClock(DEADLINE_CLOCK, [start, { kind: "stop", date: "2026-02-03", reason: "published" }], "2026-03-01", calendar);
    expect(explainClock(DEADLINE_CLOCK, late, "zh-CN")).toContain("2026-02-03公开，逾期");
    expect(DEADLINE_CLOCK.source["zh-CN"]).toBe("《中华人民共和国政府信息公开条例》第四十九条");
  });
});
