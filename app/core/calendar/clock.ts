import { EXTENSION, FEE_NOTICE, PAUSE_LAPSES_AT_ANSWER_DUE, PAUSE_RULES, REPLY, SUPPLEMENT, type PauseReason } from "./clock-rules";
import { fromDayNumber, toDayNumber, yearOf } from "./dates";
import type { WorkCalendar } from "./work-calendar";

export type StopReason = "replied" | "withdrawn" | "deemed-withdrawn" | "fee-unpaid";

/** One entry of a reply clock's ledger. Ledgers are append-only and in date order. */
export type ClockEvent =
  | { kind: "start"; date: string; note?: string }
  | { kind: "pause"; date: string; reason: PauseReason; note?: string }
  | { kind: "resume"; date: string; note?: string }
  /** The supplemented application arrived: the period runs anew from this date (Art 30). */
  | { kind: "restart"; date: string; note?: string }
  | { kind: "extend"; date: string; days: number; approver: string; note?: string }
  | { kind: "stop"; date: string; reason: StopReason; note?: string };

export type ClockState = "running" | "paused" | "stopped" | "overdue";

export type ClockWarning =
  | { kind: "unknown-years"; years: number[] }
  | { kind: "answer-overdue"; reason: PauseReason; answerDue: string }
  | { kind: "late-supplement-notice"; noticeDue: string };

export interface ClockStatus {
  state: ClockState;
  periodStart: string;
  restarted: boolean;
  allowedDays: number;
  extension: { days: number; approver: string; date: string } | null;
  /** Closed pauses of the current period, summed per reason, in order of first occurrence. */
  pauses: { reason: PauseReason; days: number }[];
  /** A pause still waiting for its answer; `lapsed` once its answer date has passed and the days count again. */
  openPause: { reason: PauseReason; since: string; answerDue: string | null; lapsed: boolean } | null;
  /** Null while paused: the due date moves until the clock resumes. */
  dueDate: string | null;
  usedDays: number;
  leftDays: number;
  overdueDays: number;
  stop: { date: string; reason: StopReason } | null;
  warnings: ClockWarning[];
}

export class ClockLedgerError extends Error {
  constructor(
    readonly rule: string,
    readonly index: number,
    message: string,
  ) {
    super(`Deadline clock event ${index + 1}: ${message}`);
    this.name = "ClockLedgerError";
  }
}

interface Pause {
  reason: PauseReason;
  from: string;
  /** The resume, or null while waiting. */
  to: string | null;
  answerDue: string | null;
}

interface Period {
  start: string;
  restarted: boolean;
  pauses: Pause[];
  extension: ClockStatus["extension"];
}

/** Derives the state of a 依申请公开 reply clock as of `asOf`; refuses a ledger the law does not allow. */
export function evaluateClock(events: readonly ClockEvent[], asOf: string, calendar: WorkCalendar): ClockStatus {
  const unknownYears = new Set<number>();
  const track = <T>(r: { value: T; unknownYears: number[] }): T => {
    r.unknownYears.forEach((y) => unknownYears.add(y));
    return r.value;
  };
  const { period: ledger, stop, lateSupplementNotice } = replay(events, asOf, calendar, track);

  const end = stop?.date ?? asOf;
  const period = suspensionsAsOf(ledger, end);
  const allowedDays = REPLY.days + (period.extension?.days ?? 0);
  const usedDays = countActiveDays(period, end, calendar, unknownYears);
  const dueDate = findDueDate(period, allowedDays, calendar, unknownYears);
  const waiting = ledger.pauses.find((p) => p.to === null) ?? null;
  const open = period.pauses.find((p) => p.to === null) ?? null;
  const answerDue = waiting?.answerDue ?? null;

  const overdueDays = dueDate && end > dueDate ? track(calendar.workdaysBetween(dueDate, end)) : 0;
  const state: ClockState = stop ? "stopped" : dueDate && asOf > dueDate ? "overdue" : open ? "paused" : "running";

  const warnings: ClockWarning[] = [];
  if (unknownYears.size) warnings.push({ kind: "unknown-years", years: [...unknownYears].sort((a, b) => a - b) });
  if (waiting && answerDue && !stop && asOf > answerDue) warnings.push({ kind: "answer-overdue", reason: waiting.reason, answerDue });
  if (lateSupplementNotice) warnings.push({ kind: "late-supplement-notice", noticeDue: lateSupplementNotice });

  return {
    state,
    periodStart: period.start,
    restarted: period.restarted,
    allowedDays,
    extension: period.extension,
    pauses: sumClosedPauses(period, waiting, calendar),
    openPause: waiting ? { reason: waiting.reason, since: waiting.from, answerDue, lapsed: !open } : null,
    dueDate,
    usedDays,
    leftDays: Math.max(0, allowedDays - usedDays),
    overdueDays,
    stop,
    warnings,
  };
}

function replay(
  events: readonly ClockEvent[],
  asOf: string,
  calendar: WorkCalendar,
  track: <T>(r: { value: T; unknownYears: number[] }) => T,
) {
  toDayNumber(asOf);
  const first = events[0];
  if (first?.kind !== "start") throw new ClockLedgerError("starts-with-start", 0, "a ledger begins with exactly one start event (the receipt date, Art 31)");
  let period: Period = { start: first.date, restarted: false, pauses: [], extension: null };
  let stop: ClockStatus["stop"] = null;
  let lateSupplementNotice: string | null = null;
  let supplementRequested = false;
  let previous = first.date;

  events.forEach((event, i) => {
    const fail = (rule: string, message: string) => {
      throw new ClockLedgerError(rule, i, `${event.kind} on ${event.date}: ${message}`);
    };
    toDayNumber(event.date);
    if (event.date < previous) fail("date-order", `dated before the previous event (${previous}); events are recorded in date order`);
    if (event.date > asOf) fail("not-in-future", `dated after ${asOf}, the day the clock is read`);
    if (stop) fail("after-stop", `the clock stopped on ${stop.date}; nothing may follow a stop`);
    previous = event.date;
    const open = period.pauses.find((p) => p.to === null);

    switch (event.kind) {
      case "start":
        if (i > 0) fail("single-start", "a ledger has one start; 补正 uses restart (Art 30)");
        break;
      case "pause": {
        if (open) fail("pause-while-paused", `already paused since ${open.from} for ${open.reason}`);
        if (event.reason === "supplement") {
          if (supplementRequested) fail("supplement-once", "补正 is requested once (一次性告知, 《政府信息公开条例》第三十条)");
          supplementRequested = true;
          const noticeDue = track(calendar.addWorkdays(period.start, SUPPLEMENT.days));
          if (event.date > noticeDue) lateSupplementNotice = noticeDue;
        }
        const rule = PAUSE_RULES[event.reason];
        const answerDue = rule ? track(calendar.addWorkdays(event.date, rule.days)) : null;
        period.pauses.push({ reason: event.reason, from: event.date, to: null, answerDue });
        break;
      }
      case "resume":
        if (!open) fail("resume-while-running", "the clock is not paused");
        else if (open.reason === "supplement") fail("supplement-restarts", "a pause for 补正 ends with restart, not resume (《政府信息公开条例》第三十条)");
        else open.to = event.date;
        break;
      case "restart":
        if (open?.reason !== "supplement") fail("restart-needs-supplement", "restart follows a pause for 补正 (《政府信息公开条例》第三十条)");
        period = { start: event.date, restarted: true, pauses: [], extension: null };
        break;
      case "extend": {
        if (period.extension) fail("extend-once", `already extended on ${period.extension.date}; only one extension is allowed (《政府信息公开条例》第三十三条)`);
        if (!Number.isInteger(event.days) || event.days < 1 || event.days > EXTENSION.days)
          fail("extension-cap", `an extension is 1 to ${EXTENSION.days} working days, got ${event.days} (《政府信息公开条例》第三十三条)`);
        if (!event.approver?.trim()) fail("extension-approver", "an extension needs the approval of the head of the disclosure office (《政府信息公开条例》第三十三条)");
        const due = findDueDate(suspensionsAsOf(period, event.date), REPLY.days, calendar, new Set());
        if (due && event.date > due) fail("extend-before-due", `the reply was due on ${due}; an extension must be decided within the period (《政府信息公开条例》第三十三条)`);
        period.extension = { days: event.days, approver: event.approver, date: event.date };
        break;
      }
      case "stop":
        if (event.reason === "deemed-withdrawn" && open?.reason !== "supplement")
          fail("deemed-withdrawn-needs-supplement", "视为放弃 closes an application whose 补正 never came (《政府信息公开条例》第三十条)");
        if (event.reason === "fee-unpaid") {
          if (open?.reason !== "fee-notice") fail("fee-unpaid-needs-fee-notice", `closing for an unpaid fee needs an open fee notice (${FEE_NOTICE.basis.en})`);
          else if (open.answerDue && event.date <= open.answerDue) fail("fee-unpaid-after-due", `the fee may be paid until ${open.answerDue}`);
        }
        stop = { date: event.date, reason: event.reason };
        break;
    }
  });
  return { period, stop: stop as ClockStatus["stop"], lateSupplementNotice };
}

/**
 * The ledger's pauses as they suspend the period up to `end`: a pause that lapses at its answer
 * date (PAUSE_LAPSES_AT_ANSWER_DUE) suspends no day after it, answered or not.
 */
function suspensionsAsOf(period: Period, end: string): Period {
  const pauses = period.pauses.map((p) => {
    const lapses = PAUSE_LAPSES_AT_ANSWER_DUE[p.reason] && p.answerDue !== null && (p.to ?? end) > p.answerDue;
    return lapses ? { ...p, to: p.answerDue } : p;
  });
  return { ...period, pauses };
}

/** Whether a working day counts: pauses exclude (from, to] — the day a pause begins still counts, like a receipt day does not. */
function isPausedOn(period: Period, date: string): boolean {
  return period.pauses.some((p) => date > p.from && (p.to === null || date <= p.to));
}

function countActiveDays(period: Period, end: string, calendar: WorkCalendar, unknown: Set<number>): number {
  let used = 0;
  for (let day = toDayNumber(period.start) + 1; day <= toDayNumber(end); day++) {
    const date = fromDayNumber(day);
    if (!calendar.isKnownYear(yearOf(date))) unknown.add(yearOf(date));
    if (calendar.isWorkday(date) && !isPausedOn(period, date)) used += 1;
  }
  return used;
}

function findDueDate(period: Period, allowedDays: number, calendar: WorkCalendar, unknown: Set<number>): string | null {
  const open = period.pauses.find((p) => p.to === null);
  let day = toDayNumber(period.start);
  for (let counted = 0; counted < allowedDays; ) {
    day += 1;
    const date = fromDayNumber(day);
    if (open && date > open.from) return null;
    if (!calendar.isKnownYear(yearOf(date))) unknown.add(yearOf(date));
    if (calendar.isWorkday(date) && !isPausedOn(period, date)) counted += 1;
  }
  return fromDayNumber(day);
}

/** Days suspended per reason, leaving out the pause still waiting (always the last one; reported as openPause). */
function sumClosedPauses(period: Period, waiting: Pause | null, calendar: WorkCalendar): ClockStatus["pauses"] {
  const sums = new Map<PauseReason, number>();
  for (const p of waiting ? period.pauses.slice(0, -1) : period.pauses) {
    if (p.to === null) continue;
    sums.set(p.reason, (sums.get(p.reason) ?? 0) + calendar.workdaysBetween(p.from, p.to).value);
  }
  return [...sums].map(([reason, days]) => ({ reason, days }));
}
