import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClockLedgerError, type ClockEvent, type ClockStatus, type Locale } from "../../../app/plugin-api";
import type { PluginTenantContext } from "../../../app/plugin-api";
import { uniq } from "../../../app/plugin-api/testing";
import { clockId } from "../db/schema";
import { openRequests, type RequestsEnv } from "./setup";

/**
 * The reply clock of 条例第三十条、第三十二至三十四条 on the core ledger, with the State Council
 * calendars of 2025 and 2026 (chinese-days 1.5.7). Every event is appended through the plugin
 * context in its own transaction, as the staff pages do, and read back from the stored ledger, so
 * the suite runs on whichever engine the test database is (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL). Due dates are counted by hand in the comments: the receipt day never counts;
 * a pause excludes the working days after the day it began up to and including the day it ended.
 *
 * Holidays used: 国庆/中秋 2025-10-01..08 with 调休 workdays Sun 2025-09-28 and Sat 2025-10-11;
 * 元旦 2026-01-01..03 with Sun 2026-01-04 worked; 春节 2026-02-15..23 with Sat 2026-02-14 and
 * Sat 2026-02-28 worked; 清明 2026-04-04..06; 劳动节 2026-05-01..05 with Sat 2026-05-09 worked;
 * 端午 2026-06-19..21.
 */

let env: RequestsEnv;
let ctx: PluginTenantContext;

beforeAll(async () => {
  env = await openRequests();
  ctx = env.systemContext(env.office.id);
});
afterAll(() => env.handle.close());

/** A fresh clock with `events` appended one by one; returns its id and the state the last append reported. */
async function ledger(events: ClockEvent[]): Promise<{ id: string; last: ClockStatus }> {
  const id = clockId(`clock-test-${uniq()}`);
  let last: ClockStatus | null = null;
  for (const e of events) last = await ctx.withTenant((trx) => ctx.clocks.append(trx, id, e));
  return { id, last: last! };
}

async function status(id: string, asOf: string): Promise<ClockStatus> {
  const s = await ctx.withTenant((trx) => ctx.clocks.status(trx, id, asOf));
  if (!s) throw new Error(`no events on ${id}`);
  return s;
}

const explain = (s: ClockStatus, locale: Locale = "zh-CN") => ctx.clocks.explain(s, locale);
const storedEvents = (id: string) => ctx.withTenant((trx) => ctx.clocks.events(trx, id));

/** The ClockLedgerError an append is refused with (and the ledger it left behind). */
async function refused(id: string, event: ClockEvent): Promise<ClockLedgerError> {
  const error = await ctx.withTenant((trx) => ctx.clocks.append(trx, id, event)).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ClockLedgerError)) throw new Error(`expected a ClockLedgerError, got ${String(error)}`);
  return error;
}

const start = (date: string): ClockEvent => ({ kind: "start", date });
const pause = (date: string, reason: Extract<ClockEvent, { kind: "pause" }>["reason"]): ClockEvent => ({ kind: "pause", date, reason });
const resume = (date: string): ClockEvent => ({ kind: "resume", date });
const restart = (date: string): ClockEvent => ({ kind: "restart", date });
const extend = (date: string, days: number, approver = "王主任"): ClockEvent => ({ kind: "extend", date, days, approver });
const stop = (date: string, reason: Extract<ClockEvent, { kind: "stop" }>["reason"]): ClockEvent => ({ kind: "stop", date, reason });

describe(`reply clock on the stored ledger (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  describe("plain: 20 working days from receipt (Art 33)", () => {
    it("across 国庆/中秋 2025: the 调休 Sunday and Saturday count, the eight holidays do not", async () => {
      // Received Fri 2025-09-26: 9/28(1, Sun 调休) 9/29(2) 9/30(3) — 10/1..10/8 holiday — 10/9(4) 10/10(5)
      // 10/11(6, Sat 调休) 10/13(7) 10/14(8) 10/15(9) 10/16(10) 10/17(11) 10/20(12) 10/21(13) 10/22(14)
      // 10/23(15) 10/24(16) 10/27(17) 10/28(18) 10/29(19) 10/30(20).
      const { id } = await ledger([start("2025-09-26")]);
      const s = await status(id, "2025-10-09");
      expect(s).toMatchObject({ state: "running", dueDate: "2025-10-30", allowedDays: 20, usedDays: 4, leftDays: 16, warnings: [] });
      expect(explain(s)).toBe("自2025-09-26起20个工作日；截止2025-10-30");
      expect(explain(s, "zh-TW")).toBe("自2025-09-26起20個工作日；截止2025-10-30");
      expect(explain(s, "en")).toBe("20 working days from 2025-09-26; due 2025-10-30");
      expect((await status(id, "2025-10-30")).state).toBe("running");
      expect(await status(id, "2025-10-31")).toMatchObject({ state: "overdue", overdueDays: 1, leftDays: 0 });
    });

    it("across 春节 2026: both 调休 Saturdays count", async () => {
      // Received Fri 2026-02-06: 2/9(1) 2/10(2) 2/11(3) 2/12(4) 2/13(5) 2/14(6, Sat 调休) — 2/15..2/23 holiday —
      // 2/24(7) 2/25(8) 2/26(9) 2/27(10) 2/28(11, Sat 调休) 3/2(12) 3/3(13) 3/4(14) 3/5(15) 3/6(16) 3/9(17)
      // 3/10(18) 3/11(19) 3/12(20).
      const { id } = await ledger([start("2026-02-06"), stop("2026-03-12", "replied")]);
      const s = await status(id, "2026-03-20");
      expect(s).toMatchObject({ state: "stopped", dueDate: "2026-03-12", usedDays: 20, leftDays: 0, overdueDays: 0 });
      expect(explain(s)).toBe("自2026-02-06起20个工作日；截止2026-03-12；2026-03-12已按期答复");
      expect(explain(s, "en")).toBe("20 working days from 2026-02-06; due 2026-03-12; replied 2026-03-12, on time");
    });

    it("a reply after the due date reports the working days it was late", async () => {
      // Due 2025-10-30 (above); replied Wed 11/5: 10/31(1) 11/3(2) 11/4(3) 11/5(4) late.
      const { id } = await ledger([start("2025-09-26")]);
      const before = await status(id, "2025-11-05");
      expect(before).toMatchObject({ state: "overdue", overdueDays: 4 });
      expect(explain(before)).toBe("自2025-09-26起20个工作日；截止2025-10-30，已逾期4个工作日");
      await ctx.withTenant((trx) => ctx.clocks.append(trx, id, stop("2025-11-05", "replied")));
      const s = await status(id, "2025-12-01");
      expect(s).toMatchObject({ state: "stopped", dueDate: "2025-10-30", usedDays: 24, overdueDays: 4, stop: { date: "2025-11-05", reason: "replied" } });
      expect(explain(s)).toBe("自2025-09-26起20个工作日；截止2025-10-30；2025-11-05答复，逾期4个工作日");
      expect(explain(s, "zh-TW")).toBe("自2025-09-26起20個工作日；截止2025-10-30；2025-11-05答覆，逾期4個工作日");
      expect(explain(s, "en")).toBe("20 working days from 2025-09-26; due 2025-10-30; replied 2025-11-05, 4 working days late");
    });
  });

  describe("补正 (Art 30)", () => {
    it("a notice within 7 working days pauses the clock; the supplement restarts it and the period runs anew", async () => {
      // Received 2025-09-26; the 7th working day is 10/13 (9/28, 9/29, 9/30, 10/9, 10/10, 10/11, 10/13).
      // 补正 asked Fri 10/10 (used: 9/28 9/29 9/30 10/9 10/10 = 5); supplemented Mon 10/20, from which:
      // 10/21(1) 10/22(2) 10/23(3) 10/24(4) 10/27(5) 10/28(6) 10/29(7) 10/30(8) 10/31(9) 11/3(10) 11/4(11)
      // 11/5(12) 11/6(13) 11/7(14) 11/10(15) 11/11(16) 11/12(17) 11/13(18) 11/14(19) 11/17(20).
      const { id, last } = await ledger([start("2025-09-26"), pause("2025-10-10", "supplement")]);
      expect(last.warnings).toEqual([]);
      const waiting = await status(id, "2025-10-15");
      expect(waiting).toMatchObject({ state: "paused", dueDate: null, usedDays: 5, leftDays: 15, openPause: { reason: "supplement", since: "2025-10-10", answerDue: null } });
      expect(explain(waiting)).toBe("自2025-09-26起20个工作日；自2025-10-10起因申请人补正暂停；剩余15个工作日");
      expect(explain(waiting, "en")).toBe("20 working days from 2025-09-26; paused since 2025-10-10 for the applicant to supplement the application; 15 working days left");

      await ctx.withTenant((trx) => ctx.clocks.append(trx, id, restart("2025-10-20")));
      const s = await status(id, "2025-10-22");
      expect(s).toMatchObject({ state: "running", periodStart: "2025-10-20", restarted: true, dueDate: "2025-11-17", usedDays: 2, leftDays: 18, pauses: [], openPause: null });
      expect(explain(s)).toBe("自2025-10-20收到补正后的申请起重新计算20个工作日；截止2025-11-17");
      expect(explain(s, "zh-TW")).toBe("自2025-10-20收到補正後的申請起重新計算20個工作日；截止2025-11-17");
      expect(explain(s, "en")).toBe("20 working days from 2025-10-20, restarted on receipt of the supplemented application; due 2025-11-17");
    });

    it("a notice later than 7 working days after receipt is recorded but flagged", async () => {
      // The 7th working day after 2025-09-26 is 10/13; 补正 asked Tue 10/14.
      const { id, last } = await ledger([start("2025-09-26"), pause("2025-10-14", "supplement")]);
      expect(last.warnings).toEqual([{ kind: "late-supplement-notice", noticeDue: "2025-10-13" }]);
      expect((await status(id, "2025-10-20")).warnings).toEqual([{ kind: "late-supplement-notice", noticeDue: "2025-10-13" }]);
      expect(await storedEvents(id)).toHaveLength(2);
    });

    it("no supplement by the stated date: deemed withdrawn, row (六)1", async () => {
      const { id } = await ledger([start("2025-09-26"), pause("2025-10-10", "supplement"), stop("2025-11-04", "deemed-withdrawn")]);
      const s = await status(id, "2025-11-10");
      expect(s).toMatchObject({ state: "stopped", dueDate: null, overdueDays: 0, stop: { date: "2025-11-04", reason: "deemed-withdrawn" } });
      expect(explain(s)).toBe("自2025-09-26起20个工作日；自2025-10-10起因申请人补正暂停；2025-11-04视为放弃申请");
      expect(explain(s, "en")).toBe("20 working days from 2025-09-26; paused since 2025-10-10 for the applicant to supplement the application; deemed withdrawn on 2025-11-04");
    });

    it("a 补正 pause ends only with the supplement (restart), and only a 补正 pause can restart; nothing is written", async () => {
      const { id } = await ledger([start("2025-09-26"), pause("2025-10-10", "supplement")]);
      expect(await refused(id, resume("2025-10-20"))).toMatchObject({ rule: "supplement-restarts" });
      const other = await ledger([start("2025-09-26"), pause("2025-10-10", "third-party")]);
      expect(await refused(other.id, restart("2025-10-20"))).toMatchObject({ rule: "restart-needs-supplement" });
      expect(await storedEvents(id)).toHaveLength(2);
      expect(await storedEvents(other.id)).toHaveLength(2);
    });
  });

  describe("consultation (Art 32–34)", () => {
    it("pause and resume across 劳动节 2026: the days of the consultation do not count", async () => {
      // Received Mon 2026-04-20: plain due 4/21(1) 4/22(2) 4/23(3) 4/24(4) 4/27(5) 4/28(6) 4/29(7) 4/30(8)
      // — 5/1..5/5 holiday — 5/6(9) 5/7(10) 5/8(11) 5/9(12, Sat 调休) 5/11(13) … 5/20(20).
      // Another agency consulted Tue 4/28, answered Fri 5/8: 4/29 4/30 5/6 5/7 5/8 = 5 paused; due 5/20 +
      // 5/21(1) 5/22(2) 5/25(3) 5/26(4) 5/27(5) = 2026-05-27.
      const { id } = await ledger([start("2026-04-20"), pause("2026-04-28", "other-agency"), resume("2026-05-08")]);
      const s = await status(id, "2026-05-11");
      // Used: 4/21..4/28 = 6, then 5/9 and 5/11 = 8.
      expect(s).toMatchObject({ state: "running", dueDate: "2026-05-27", usedDays: 8, leftDays: 12, pauses: [{ reason: "other-agency", days: 5 }] });
      expect(explain(s)).toBe("自2026-04-20起20个工作日；因征求其他机关意见暂停5个工作日；截止2026-05-27");
      expect(explain(s, "en")).toBe("20 working days from 2026-04-20; paused 5 working days for consulting other agencies; due 2026-05-27");
    });

    it("still open: no due date yet, the third party's 15 working days shown, and a warning once they pass", async () => {
      // Received 2026-02-06; third party consulted Wed 2/11 (used 2/9 2/10 2/11 = 3). Its 15 working days:
      // 2/12(1) 2/13(2) 2/14(3) 2/24(4) 2/25(5) 2/26(6) 2/27(7) 2/28(8) 3/2(9) 3/3(10) 3/4(11) 3/5(12)
      // 3/6(13) 3/9(14) 3/10(15).
      const { id } = await ledger([start("2026-02-06"), pause("2026-02-11", "third-party")]);
      const s = await status(id, "2026-03-02");
      expect(s).toMatchObject({ state: "paused", dueDate: null, usedDays: 3, leftDays: 17, openPause: { reason: "third-party", since: "2026-02-11", answerDue: "2026-03-10" }, warnings: [] });
      expect(explain(s)).toBe("自2026-02-06起20个工作日；自2026-02-11起因征求第三方意见暂停（对方应于2026-03-10前答复）；剩余17个工作日");
      expect(explain(s, "zh-TW")).toBe("自2026-02-06起20個工作日；自2026-02-11起因徵求第三方意見暫停（對方應於2026-03-10前答覆）；剩餘17個工作日");
      expect(explain(s, "en")).toBe("20 working days from 2026-02-06; paused since 2026-02-11 for third-party consultation (answer due 2026-03-10); 17 working days left");
      expect((await status(id, "2026-03-10")).warnings).toEqual([]);
      expect((await status(id, "2026-03-11")).warnings).toEqual([{ kind: "answer-overdue", reason: "third-party", answerDue: "2026-03-10" }]);
    });
  });

  describe("extension (Art 33)", () => {
    it("once, up to 20 working days, approved; across 元旦 2026", async () => {
      // Received Mon 2025-12-15: 12/16(1) … 12/31(12) — 1/1..1/3 holiday — 1/4(13, Sun 调休) 1/5(14) 1/6(15)
      // 1/7(16) 1/8(17) 1/9(18) 1/12(19) 1/13(20). Extended Mon 1/12 by 20: 1/14(1) … 1/30(13) 2/2(14) … 2/10(20).
      const { id } = await ledger([start("2025-12-15"), extend("2026-01-12", 20)]);
      const s = await status(id, "2026-01-14");
      expect(s).toMatchObject({ state: "running", allowedDays: 40, dueDate: "2026-02-10", usedDays: 21, leftDays: 19, extension: { days: 20, approver: "王主任", date: "2026-01-12" } });
      expect(explain(s)).toBe("自2025-12-15起20个工作日；经王主任批准延长20个工作日；截止2026-02-10");
      expect(explain(s, "zh-TW")).toBe("自2025-12-15起20個工作日；經王主任批准延長20個工作日；截止2026-02-10");
      expect(explain(s, "en")).toBe("20 working days from 2025-12-15; extended by 20 working days, approved by 王主任; due 2026-02-10");
    });

    it("refuses a second extension, one decided after the due date, one over 20 days or without approver, and writes nothing", async () => {
      const { id } = await ledger([start("2025-12-15"), extend("2026-01-12", 10)]);
      expect(await refused(id, extend("2026-01-20", 5))).toMatchObject({ rule: "extend-once" });
      expect(await storedEvents(id)).toHaveLength(2);

      // Due 2026-01-13: deciding on 1/14 is too late.
      const late = await ledger([start("2025-12-15")]);
      expect(await refused(late.id, extend("2026-01-14", 10))).toMatchObject({ rule: "extend-before-due" });
      expect(await refused(late.id, extend("2026-01-12", 21))).toMatchObject({ rule: "extension-cap" });
      expect(await refused(late.id, extend("2026-01-12", 10, " "))).toMatchObject({ rule: "extension-approver" });
      expect(await storedEvents(late.id)).toEqual([start("2025-12-15")]);
      expect((await status(late.id, "2026-01-13")).dueDate).toBe("2026-01-13");
    });
  });

  describe("fee notice (国办函〔2020〕109号)", () => {
    it("pauses the clock until paid", async () => {
      // Received 2025-09-26 (plain due 10/30). Fee notice Thu 10/9, paid Tue 10/28: 10/10 10/11 10/13 10/14
      // 10/15 10/16 10/17 10/20 10/21 10/22 10/23 10/24 10/27 10/28 = 14 paused. Due 10/30 + 10/31(1) 11/3(2)
      // 11/4(3) 11/5(4) 11/6(5) 11/7(6) 11/10(7) 11/11(8) 11/12(9) 11/13(10) 11/14(11) 11/17(12) 11/18(13) 11/19(14).
      const { id } = await ledger([start("2025-09-26"), pause("2025-10-09", "fee-notice"), resume("2025-10-28")]);
      const s = await status(id, "2025-10-29");
      expect(s).toMatchObject({ state: "running", dueDate: "2025-11-19", usedDays: 5, leftDays: 15, pauses: [{ reason: "fee-notice", days: 14 }] });
      expect(explain(s)).toBe("自2025-09-26起20个工作日；因缴纳信息处理费暂停14个工作日；截止2025-11-19");
      expect(explain(s, "zh-TW")).toBe("自2025-09-26起20個工作日；因繳納信息處理費暫停14個工作日；截止2025-11-19");
    });

    it("unpaid after 20 working days: stopped, row (六)2", async () => {
      // Fee notice 2025-10-09; 20 working days to pay: 10/10(1) … 10/31(17) 11/3(18) 11/4(19) 11/5(20).
      const { id } = await ledger([start("2025-09-26"), pause("2025-10-09", "fee-notice")]);
      const waiting = await status(id, "2025-11-06");
      expect(waiting).toMatchObject({ state: "paused", openPause: { reason: "fee-notice", answerDue: "2025-11-05" }, warnings: [{ kind: "answer-overdue", reason: "fee-notice", answerDue: "2025-11-05" }] });
      await ctx.withTenant((trx) => ctx.clocks.append(trx, id, stop("2025-11-06", "fee-unpaid")));
      const s = await status(id, "2025-11-20");
      expect(s).toMatchObject({ state: "stopped", dueDate: null, usedDays: 4, overdueDays: 0, stop: { date: "2025-11-06", reason: "fee-unpaid" }, warnings: [] });
      expect(explain(s)).toBe("自2025-09-26起20个工作日；自2025-10-09起因缴纳信息处理费暂停（申请人应于2025-11-05前缴费）；逾期未缴费，2025-11-06终止办理");
      expect(explain(s, "en")).toBe("20 working days from 2025-09-26; paused since 2025-10-09 for the fee notice (payment due 2025-11-05); closed on 2025-11-06: fee not paid");
    });
  });

  describe("combinations", () => {
    it("补正 restart + consultation: only the new period's pause counts", async () => {
      // Received 2025-09-26; 补正 asked 9/30, supplemented Mon 10/13: 10/14(1) … 11/10(20).
      // Third party consulted Mon 10/20, answered Mon 11/3: 10/21 10/22 10/23 10/24 10/27 10/28 10/29 10/30
      // 10/31 11/3 = 10 paused; due 11/10 + 11/11(1) 11/12(2) 11/13(3) 11/14(4) 11/17(5) 11/18(6) 11/19(7)
      // 11/20(8) 11/21(9) 11/24(10).
      const { id } = await ledger([start("2025-09-26"), pause("2025-09-30", "supplement"), restart("2025-10-13"), pause("2025-10-20", "third-party"), resume("2025-11-03")]);
      const s = await status(id, "2025-11-03");
      expect(s).toMatchObject({ state: "running", periodStart: "2025-10-13", restarted: true, dueDate: "2025-11-24", usedDays: 5, leftDays: 15, pauses: [{ reason: "third-party", days: 10 }] });
      expect(explain(s)).toBe("自2025-10-13收到补正后的申请起重新计算20个工作日；因征求第三方意见暂停10个工作日；截止2025-11-24");
      expect(explain(s, "en")).toBe("20 working days from 2025-10-13, restarted on receipt of the supplemented application; paused 10 working days for third-party consultation; due 2025-11-24");
    });

    it("补正 restart + extension across 劳动节 and 端午 2026", async () => {
      // Received 2026-04-20; 补正 asked Thu 4/23; supplemented Thu 4/30: 5/6(1) 5/7(2) 5/8(3) 5/9(4, Sat 调休)
      // 5/11(5) … 5/15(9) 5/18(10) … 5/22(14) 5/25(15) … 5/29(19) 6/1(20). Extended Fri 5/29 by 20: 6/2(1) …
      // 6/5(4) 6/8(5) … 6/12(9) 6/15(10) … 6/18(13) — 6/19..6/21 端午 — 6/22(14) … 6/26(18) 6/29(19) 6/30(20).
      const { id } = await ledger([start("2026-04-20"), pause("2026-04-23", "supplement"), restart("2026-04-30"), extend("2026-05-29", 20)]);
      const s = await status(id, "2026-06-01");
      expect(s).toMatchObject({ state: "running", periodStart: "2026-04-30", allowedDays: 40, dueDate: "2026-06-30", usedDays: 20, leftDays: 20 });
      expect(explain(s)).toBe("自2026-04-30收到补正后的申请起重新计算20个工作日；经王主任批准延长20个工作日；截止2026-06-30");
    });

    it("补正 restart + fee pause", async () => {
      // Restarted 2025-10-13 (due 11/10); fee notice Wed 10/15, paid Fri 10/17: 10/16 10/17 = 2 paused; due 11/12.
      const { id } = await ledger([start("2025-09-26"), pause("2025-09-30", "supplement"), restart("2025-10-13"), pause("2025-10-15", "fee-notice"), resume("2025-10-17")]);
      const s = await status(id, "2025-10-20");
      expect(s).toMatchObject({ dueDate: "2025-11-12", usedDays: 3, pauses: [{ reason: "fee-notice", days: 2 }] });
      expect(explain(s)).toBe("自2025-10-13收到补正后的申请起重新计算20个工作日；因缴纳信息处理费暂停2个工作日；截止2025-11-12");
    });

    it("consultation + extension: the extension may be decided after the plain due date while the pause has moved it", async () => {
      // Received 2026-04-20, other agency 4/28–5/8 (5 paused): due 2026-05-27 (plain would be 5/20). Extended on
      // Tue 5/26 by 10: 5/28(1) 5/29(2) 6/1(3) 6/2(4) 6/3(5) 6/4(6) 6/5(7) 6/8(8) 6/9(9) 6/10(10).
      const { id } = await ledger([start("2026-04-20"), pause("2026-04-28", "other-agency"), resume("2026-05-08"), extend("2026-05-26", 10, "张科长")]);
      const s = await status(id, "2026-05-27");
      expect(s).toMatchObject({ state: "running", allowedDays: 30, dueDate: "2026-06-10", usedDays: 20, leftDays: 10 });
      expect(explain(s)).toBe("自2026-04-20起20个工作日；经张科长批准延长10个工作日；因征求其他机关意见暂停5个工作日；截止2026-06-10");
      // The approver's name is shown as recorded.
      expect(explain(s, "zh-TW")).toBe("自2026-04-20起20個工作日；經张科长批准延長10個工作日；因徵求其他機關意見暫停5個工作日；截止2026-06-10");
    });

    it("consultation + fee pause: both sums shown, both excluded", async () => {
      // Received 2026-02-06 (plain due 3/12). Third party 2/11–2/27: 2/12 2/13 2/14 2/24 2/25 2/26 2/27 = 7;
      // fee notice 3/4, paid 3/6: 3/5 3/6 = 2. Due 3/12 + 9: 3/13(1) 3/16(2) … 3/20(6) 3/23(7) 3/24(8) 3/25(9).
      const { id } = await ledger([start("2026-02-06"), pause("2026-02-11", "third-party"), resume("2026-02-27"), pause("2026-03-04", "fee-notice"), resume("2026-03-06")]);
      const s = await status(id, "2026-03-06");
      expect(s).toMatchObject({ dueDate: "2026-03-25", pauses: [{ reason: "third-party", days: 7 }, { reason: "fee-notice", days: 2 }] });
      expect(explain(s)).toBe("自2026-02-06起20个工作日；因征求第三方意见暂停7个工作日；因缴纳信息处理费暂停2个工作日；截止2026-03-25");
    });

    it("extension + fee pause", async () => {
      // Received 2025-09-26 (due 10/30); extended Mon 10/27 by 20: due 11/27. Fee notice Mon 11/3, paid Mon
      // 11/10: 11/4 11/5 11/6 11/7 11/10 = 5 paused; due 11/27 + 11/28(1) 12/1(2) 12/2(3) 12/3(4) 12/4(5).
      const { id } = await ledger([start("2025-09-26"), extend("2025-10-27", 20), pause("2025-11-03", "fee-notice"), resume("2025-11-10")]);
      const s = await status(id, "2025-11-20");
      // Used: 20 to 10/30, 10/31 and 11/3 (the notice day counts), 11/11..11/14 and 11/17..11/20 = 30.
      expect(s).toMatchObject({ state: "running", allowedDays: 40, dueDate: "2025-12-04", usedDays: 30, leftDays: 10, pauses: [{ reason: "fee-notice", days: 5 }] });
      expect(explain(s)).toBe("自2025-09-26起20个工作日；经王主任批准延长20个工作日；因缴纳信息处理费暂停5个工作日；截止2025-12-04");
      expect(explain(s, "en")).toBe("20 working days from 2025-09-26; extended by 20 working days, approved by 王主任; paused 5 working days for the fee notice; due 2025-12-04");
    });

    it("补正 + consultation + extension + fee, across 春节 and 清明 2026, replied on the last day", async () => {
      // Received Mon 2026-01-26; 补正 asked Thu 1/29 (the 7th working day is 2/4); supplemented Thu 2/5:
      // 2/6(1) 2/9(2) 2/10(3) 2/11(4) 2/12(5) 2/13(6) 2/14(7, Sat 调休) — 春节 — 2/24(8) 2/25(9) 2/26(10) 2/27(11)
      // 2/28(12, Sat 调休) 3/2(13) … 3/6(17) 3/9(18) 3/10(19) 3/11(20).
      // Third party 2/10–2/26: 2/11 2/12 2/13 2/14 2/24 2/25 2/26 = 7 paused → 3/12(1) 3/13(2) 3/16(3) … 3/20(7).
      // Extended Wed 3/18 by 15 → 3/23(1) … 3/27(5) 3/30(6) 3/31(7) 4/1(8) 4/2(9) 4/3(10) — 清明 4/4..4/6 —
      // 4/7(11) 4/8(12) 4/9(13) 4/10(14) 4/13(15).
      // Fee notice Wed 3/25, paid Wed 4/8: 3/26 3/27 3/30 3/31 4/1 4/2 4/3 4/7 4/8 = 9 paused → 4/14(1) … 4/17(4)
      // 4/20(5) … 4/24(9).
      const { id } = await ledger([
        start("2026-01-26"),
        pause("2026-01-29", "supplement"),
        restart("2026-02-05"),
        pause("2026-02-10", "third-party"),
        resume("2026-02-26"),
        extend("2026-03-18", 15),
        pause("2026-03-25", "fee-notice"),
        resume("2026-04-08"),
        stop("2026-04-24", "replied"),
      ]);
      const s = await status(id, "2026-05-06");
      expect(s).toMatchObject({
        state: "stopped",
        periodStart: "2026-02-05",
        restarted: true,
        allowedDays: 35,
        dueDate: "2026-04-24",
        usedDays: 35,
        leftDays: 0,
        overdueDays: 0,
        pauses: [
          { reason: "third-party", days: 7 },
          { reason: "fee-notice", days: 9 },
        ],
        warnings: [],
      });
      expect(explain(s)).toBe(
        "自2026-02-05收到补正后的申请起重新计算20个工作日；经王主任批准延长15个工作日；因征求第三方意见暂停7个工作日；因缴纳信息处理费暂停9个工作日；截止2026-04-24；2026-04-24已按期答复",
      );
      expect(explain(s, "zh-TW")).toBe(
        "自2026-02-05收到補正後的申請起重新計算20個工作日；經王主任批准延長15個工作日；因徵求第三方意見暫停7個工作日；因繳納信息處理費暫停9個工作日；截止2026-04-24；2026-04-24已按期答覆",
      );
      expect(explain(s, "en")).toBe(
        "20 working days from 2026-02-05, restarted on receipt of the supplemented application; extended by 15 working days, approved by 王主任; paused 7 working days for third-party consultation; paused 9 working days for the fee notice; due 2026-04-24; replied 2026-04-24, on time",
      );
    });

    it("all four, replied late: the late days count from the moved due date", async () => {
      // The same ledger replied Tue 4/28 instead: 4/27(1) 4/28(2) late.
      const { id } = await ledger([
        start("2026-01-26"),
        pause("2026-01-29", "supplement"),
        restart("2026-02-05"),
        pause("2026-02-10", "third-party"),
        resume("2026-02-26"),
        extend("2026-03-18", 15),
        pause("2026-03-25", "fee-notice"),
        resume("2026-04-08"),
        stop("2026-04-28", "replied"),
      ]);
      const s = await status(id, "2026-05-06");
      expect(s).toMatchObject({ state: "stopped", dueDate: "2026-04-24", overdueDays: 2 });
      expect(explain(s)).toBe(
        "自2026-02-05收到补正后的申请起重新计算20个工作日；经王主任批准延长15个工作日；因征求第三方意见暂停7个工作日；因缴纳信息处理费暂停9个工作日；截止2026-04-24；2026-04-28答复，逾期2个工作日",
      );
    });
  });

  it("the list page's batch read gives each clock the state its own read gives", async () => {
    const plain = await ledger([start("2025-09-26")]);
    const paused = await ledger([start("2026-02-06"), pause("2026-02-11", "third-party")]);
    const many = await ctx.withTenant((trx) => ctx.clocks.statusMany(trx, [plain.id, paused.id, clockId("never-started")], "2026-03-02"));
    expect([...many.keys()].sort()).toEqual([plain.id, paused.id].sort());
    expect(many.get(plain.id)).toEqual(await status(plain.id, "2026-03-02"));
    expect(many.get(paused.id)).toEqual(await status(paused.id, "2026-03-02"));
  });
});
