import { dayCounter, periodDays, periodUnit, type DayCounter } from "./clock-days";
import { cite, type ClockKind } from "./clock-kind";
import { fromDayNumber, toDayNumber } from "./dates";
import type { WorkCalendar } from "./work-calendar";

/**
 * One entry of a clock's ledger. Ledgers are append-only and in date order. Pause and stop
 * reasons are those the clock's kind declares.
 */
export type ClockEvent =
  | { kind: "start"; date: string; note?: string }
  | { kind: "pause"; date: string; reason: string; note?: string }
  | { kind: "resume"; date: string; note?: string }
  /** The period runs anew from this date, ending a pause that ends with restart (a 补正). */
  | { kind: "restart"; date: string; note?: string }
  | { kind: "extend"; date: string; days: number; approver: string; note?: string }
  | { kind: "stop"; date: string; reason: string; note?: string };

export type ClockState = "running" | "paused" | "stopped" | "overdue";

export type ClockWarning =
  | { kind: "unknown-years"; years: number[] }
  | { kind: "answer-overdue"; reason: string; answerDue: string }
  /** The notice of a pause with `noticeWithin` came late, e.g. "late-supplement-notice". */
  | { kind: `late-${string}-notice`; noticeDue: string };

/** Every number of days is in the kind's unit. */
export interface ClockStatus {
  /** The clock kind's key, e.g. "requests.reply". */
  kind: string;
  state: ClockState;
  periodStart: string;
  restarted: boolean;
  allowedDays: number;
  extension: { days: number; approver: string; date: string } | null;
  /** Closed pauses of the current period, summed per reason, in order of first occurrence. */
  pauses: { reason: string; days: number }[];
  /** A pause still waiting for its answer; `lapsed` once its answer date has passed and the days count again. */
  openPause: { reason: string; since: string; answerDue: string | null; lapsed: boolean } | null;
  /** Null while paused: the due date moves until the clock resumes. */
  dueDate: string | null;
  usedDays: number;
  leftDays: number;
  overdueDays: number;
  stop: { date: string; reason: string } | null;
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
  reason: string;
  from: string;
  /** The resume, or null while waiting. */
  to: string | null;
  answerDue: string | null;
}

interface Period {
  start: string;
  restarted: boolean;
  pauses: Pause[];
  extensions: { days: number; approver: string; date: string }[];
}

type Track = <T>(r: { value: T; unknownYears: number[] }) => T;

/** Derives the state of a clock of `kind` as of `asOf`; refuses a ledger the kind's rules do not allow. */
export function evaluateClock(kind: ClockKind, events: readonly ClockEvent[], asOf: string, calendar: WorkCalendar): ClockStatus {
  const unknownYears = new Set<number>();
  const track: Track = (r) => {
    r.unknownYears.forEach((y) => unknownYears.add(y));
    return r.value;
  };
  const days = dayCounter(kind.period, calendar);
  const { period: ledger, stop, lateNotices } = replay(kind, events, asOf, days, track);

  const end = stop?.date ?? asOf;
  const period = suspensionsAsOf(kind, ledger, end);
  const extension = totalExtension(period);
  const allowedDays = periodDays(kind.period, period.start) + (extension?.days ?? 0);
  const usedDays = countActiveDays(period, end, days, unknownYears);
  const dueDate = findDueDate(period, allowedDays, days, unknownYears);
  const waiting = ledger.pauses.find((p) => p.to === null) ?? null;
  const open = period.pauses.find((p) => p.to === null) ?? null;
  const answerDue = waiting?.answerDue ?? null;

  const overdueDays = dueDate && end > dueDate ? track(days.between(dueDate, end)) : 0;
  const state: ClockState = stop ? "stopped" : dueDate && asOf > dueDate ? "overdue" : open ? "paused" : "running";

  const warnings: ClockWarning[] = [];
  if (unknownYears.size) warnings.push({ kind: "unknown-years", years: [...unknownYears].sort((a, b) => a - b) });
  if (waiting && answerDue && !stop && asOf > answerDue) warnings.push({ kind: "answer-overdue", reason: waiting.reason, answerDue });
  for (const [reason, noticeDue] of lateNotices) warnings.push({ kind: `late-${reason}-notice`, noticeDue });

  return {
    kind: kind.key,
    state,
    periodStart: period.start,
    restarted: period.restarted,
    allowedDays,
    extension,
    pauses: sumClosedPauses(period, waiting, days),
    openPause: waiting ? { reason: waiting.reason, since: waiting.from, answerDue, lapsed: !open } : null,
    dueDate,
    usedDays,
    leftDays: Math.max(0, allowedDays - usedDays),
    overdueDays,
    stop,
    warnings,
  };
}

/** The pause reason whose pause a restart ends, when the kind has one. */
export function restartedBy(kind: ClockKind, status: Pick<ClockStatus, "restarted">): string | null {
  if (!status.restarted) return null;
  return Object.entries(kind.pauses).find(([, rule]) => rule.endsWith === "restart")?.[0] ?? null;
}

function replay(kind: ClockKind, events: readonly ClockEvent[], asOf: string, days: DayCounter, track: Track) {
  toDayNumber(asOf);
  const first = events[0];
  if (first?.kind !== "start") throw new ClockLedgerError("starts-with-start", 0, `a ledger begins with exactly one start event (${cite(kind.source)})`);
  let period: Period = { start: first.date, restarted: false, pauses: [], extensions: [] };
  let stop: ClockStatus["stop"] = null;
  const lateNotices = new Map<string, string>();
  const pausedOnce = new Set<string>();
  let previous = first.date;
  const unit = periodUnit(kind.period) === "working" ? "working days" : "days";

  events.forEach((event, i) => {
    const fail = (rule: string, message: string): never => {
      throw new ClockLedgerError(rule, i, `${event.kind} on ${event.date}: ${message}`);
    };
    toDayNumber(event.date);
    if (event.date < previous) fail("date-order", `dated before the previous event (${previous}); events are recorded in date order`);
    if (event.date > asOf) fail("not-in-future", `dated after ${asOf}, the day the clock is read`);
    if (stop) fail("after-stop", `the clock stopped on ${stop.date}; nothing may follow a stop`);
    previous = event.date;
    const open = period.pauses.find((p) => p.to === null);
    const openRule = open ? kind.pauses[open.reason] : undefined;

    switch (event.kind) {
      case "start":
        if (i > 0) fail("single-start", "a ledger has one start; a period that begins anew is a restart");
        break;
      case "pause": {
        if (open) fail("pause-while-paused", `already paused since ${open.from} for ${open.reason}`);
        const rule = Object.hasOwn(kind.pauses, event.reason) ? kind.pauses[event.reason] : undefined;
        if (!rule) return fail("pause-reason-undeclared", `${kind.key} clocks do not pause for "${event.reason}"`);
        if (rule.once) {
          if (pausedOnce.has(event.reason)) fail(`${event.reason}-once`, `a pause for ${event.reason} happens once (${cite(rule.once)})`);
          pausedOnce.add(event.reason);
        }
        if (rule.noticeWithin) {
          const noticeDue = track(days.add(period.start, rule.noticeWithin.days));
          if (event.date > noticeDue) lateNotices.set(event.reason, noticeDue);
        }
        const answerDue = rule.answer ? track(days.add(event.date, rule.answer.days)) : null;
        period.pauses.push({ reason: event.reason, from: event.date, to: null, answerDue });
        break;
      }
      case "resume":
        if (!open) fail("resume-while-running", "the clock is not paused");
        else if (openRule?.endsWith === "restart") fail(`${open.reason}-restarts`, `a pause for ${open.reason} ends with restart, not resume (${cite(openRule.source)})`);
        else open.to = event.date;
        break;
      case "restart": {
        if (!open || openRule?.endsWith !== "restart") {
          const [reason, rule] = Object.entries(kind.pauses).find(([, r]) => r.endsWith === "restart") ?? [];
          if (!reason || !rule) fail("restart-undeclared", `${kind.key} clocks never restart`);
          else fail(`restart-needs-${reason}`, `restart follows a pause for ${reason} (${cite(rule.source)})`);
        }
        period = { start: event.date, restarted: true, pauses: [], extensions: [] };
        break;
      }
      case "extend": {
        const rule = kind.extension;
        if (!rule) return fail("extend-undeclared", `${kind.key} clocks may not be extended`);
        const last = period.extensions.at(-1);
        if (last && period.extensions.length >= rule.maxCount)
          fail(rule.maxCount === 1 ? "extend-once" : "extend-count", `already extended on ${last.date}; ${rule.maxCount === 1 ? "only one extension is" : `${rule.maxCount} extensions are`} allowed (${cite(rule.source)})`);
        if (!Number.isInteger(event.days) || event.days < 1 || event.days > rule.maxDays)
          fail("extension-cap", `an extension is 1 to ${rule.maxDays} ${unit}, got ${event.days} (${cite(rule.source)})`);
        if (rule.approver && !event.approver?.trim()) fail("extension-approver", `an extension needs the approval of ${rule.approver.en} (${cite(rule.source)})`);
        const allowed = periodDays(kind.period, period.start) + (totalExtension(period)?.days ?? 0);
        const due = findDueDate(suspensionsAsOf(kind, period, event.date), allowed, days, new Set());
        if (due && event.date > due) fail("extend-before-due", `the clock was due on ${due}; an extension must be decided within the period (${cite(rule.source)})`);
        period.extensions.push({ days: event.days, approver: event.approver, date: event.date });
        break;
      }
      case "stop": {
        const rule = Object.hasOwn(kind.stops, event.reason) ? kind.stops[event.reason] : undefined;
        if (!rule) return fail("stop-reason-undeclared", `${kind.key} clocks do not stop for "${event.reason}"`);
        const needs = rule.requires;
        const source = rule.source ? ` (${cite(rule.source)})` : "";
        if (needs && open?.reason !== needs.pause) fail(`${event.reason}-needs-${needs.pause}`, `${event.reason} needs an open pause for ${needs.pause}${source}`);
        else if (needs?.afterAnswer && open?.answerDue && event.date <= open.answerDue)
          fail(`${event.reason}-after-due`, `${event.reason} comes after the pause for ${needs.pause} has run out: its answer may come until ${open.answerDue}${source}`);
        stop = { date: event.date, reason: event.reason };
        break;
      }
    }
  });
  return { period, stop: stop as ClockStatus["stop"], lateNotices };
}

/** The period's extensions as one: their days together, approved by and dated as the latest. */
function totalExtension(period: Period): ClockStatus["extension"] {
  const last = period.extensions.at(-1);
  return last ? { ...last, days: period.extensions.reduce((n, e) => n + e.days, 0) } : null;
}

/** The ledger's pauses as they suspend the period up to `end`: a pause that lapses at its answer date suspends no day after it, answered or not. */
function suspensionsAsOf(kind: ClockKind, period: Period, end: string): Period {
  const pauses = period.pauses.map((p) => {
    const lapses = kind.pauses[p.reason]?.answer?.lapses && p.answerDue !== null && (p.to ?? end) > p.answerDue;
    return lapses ? { ...p, to: p.answerDue } : p;
  });
  return { ...period, pauses };
}

/** Whether a day counts: pauses exclude (from, to] — the day a pause begins still counts, like a receipt day does not. */
function isPausedOn(period: Period, date: string): boolean {
  return period.pauses.some((p) => date > p.from && (p.to === null || date <= p.to));
}

function countActiveDays(period: Period, end: string, days: DayCounter, unknown: Set<number>): number {
  let used = 0;
  for (let day = toDayNumber(period.start) + 1; day <= toDayNumber(end); day++) {
    const date = fromDayNumber(day);
    days.visit(date, unknown);
    if (days.counts(date) && !isPausedOn(period, date)) used += 1;
  }
  return used;
}

function findDueDate(period: Period, allowedDays: number, days: DayCounter, unknown: Set<number>): string | null {
  const open = period.pauses.find((p) => p.to === null);
  let day = toDayNumber(period.start);
  for (let counted = 0; counted < allowedDays; ) {
    day += 1;
    const date = fromDayNumber(day);
    if (open && date > open.from) return null;
    days.visit(date, unknown);
    if (days.counts(date) && !isPausedOn(period, date)) counted += 1;
  }
  return days.settle(fromDayNumber(day), unknown);
}

/** Days suspended per reason, leaving out the pause still waiting (always the last one; reported as openPause). */
function sumClosedPauses(period: Period, waiting: Pause | null, days: DayCounter): ClockStatus["pauses"] {
  const sums = new Map<string, number>();
  for (const p of waiting ? period.pauses.slice(0, -1) : period.pauses) {
    if (p.to === null) continue;
    sums.set(p.reason, (sums.get(p.reason) ?? 0) + days.between(p.from, p.to).value);
  }
  return [...sums].map(([reason, n]) => ({ reason, days: n }));
}
