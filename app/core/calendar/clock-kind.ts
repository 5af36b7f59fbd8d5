import type { Locale } from "../i18n/config";

export type Localized = Record<Locale, string>;

/** Working days follow the State Council calendar (调休 included); calendar days are every day. */
export type DayUnit = "working" | "calendar";

/**
 * N working or calendar days from the start, or until a fixed day of the year (`byDay` "MM-DD",
 * e.g. a 名录 by "03-31"): the first such day after the start, counted in calendar days.
 * `endsOnWorkday`: a period in calendar days whose last day is a rest day (a weekend or holiday
 * with 调休 as the calendar has them) ends on the next working day, as 《民法典》第二百零三条 and
 * the procedural laws count periods unless a rule says otherwise.
 */
export type ClockPeriod =
  | { days: number; unit: "working" }
  | { days: number; unit: "calendar"; endsOnWorkday?: boolean }
  | { byDay: string; endsOnWorkday?: boolean };

/**
 * A reason a clock of this kind may stand still. Its days (after the day it begins, up to and
 * including the day it ends) do not count. Every number is in the kind's unit.
 */
export interface ClockPauseRule {
  /** What the clock waits for, as read after "paused … for" and "因…暂停", e.g. "third-party consultation". */
  label: Localized;
  /** Why the paused days do not count. */
  source: Localized;
  /** How the pause ends: `resume` continues the period, `restart` begins it anew from that day. */
  endsWith: "resume" | "restart";
  /** The period as the explanation reads once restarted by this pause, with {date} and {period}. */
  restartWording?: Localized;
  /** The other side's answer period; absent when the office sets the date itself. */
  answer?: {
    days: number;
    source: Localized;
    /** Whether the pause stops suspending the period at its answer date, answered or not. */
    lapses: boolean;
    /** The answer date as the explanation reads it while waiting, with {date}; "（对方应于{date}前答复）" by default. */
    dueWording?: Localized;
  };
  /** Present when the pause may happen once per clock: the rule in words with its source. */
  once?: Localized;
  /** The notice opening this pause is due within `days` of the period start; a later one is kept with a warning. */
  noticeWithin?: { days: number; source: Localized };
  /** False for a rule still to be checked against the official text. */
  confirmed?: boolean;
}

/** How a clock of this kind may end, and what the explanation says of it. */
export interface ClockStopRule {
  /** With {date}, e.g. "申请人于{date}撤回申请". */
  wording: Localized;
  /** Said instead when the stop came after the due date, with {date} and {late} ("3个工作日"). */
  lateWording?: Localized;
  /** Only while a pause for this reason is open; `afterAnswer`: only after that pause's answer date. */
  requires?: { pause: string; afterAnswer?: boolean };
  source?: Localized;
}

export interface ClockExtensionRule {
  maxCount: number;
  /** Most days one extension may add, in the kind's unit. */
  maxDays: number;
  /** Who must approve, when someone must (the event then names them). */
  approver?: Localized;
  source: Localized;
}

/**
 * A kind of deadline clock a plugin declares: the period, what may pause or extend it, how it
 * stops, each with its legal source. Clock ids are `<key>:<anything>`.
 */
export interface ClockKind {
  /** `<pluginId>.<name>`, e.g. "requests.reply". */
  key: string;
  period: ClockPeriod;
  source: Localized;
  pauses: Record<string, ClockPauseRule>;
  extension: ClockExtensionRule | null;
  stops: Record<string, ClockStopRule>;
  confirmed?: boolean;
}

/** The declared kinds as the store finds them: by the prefix of a clock id. */
export interface ClockKinds {
  /** The kind of `clockId`; throws `UndeclaredClockKindError` when none is declared. */
  of(clockId: string): ClockKind;
  /** The kind with this key, e.g. a status's `kind`. */
  get(key: string): ClockKind | undefined;
}

export class UndeclaredClockKindError extends Error {
  constructor(readonly clockId: string) {
    super(`Clock "${clockId}" is not "<kind>:<id>" of a declared clock kind`);
    this.name = "UndeclaredClockKindError";
  }
}

/** The kind key of a clock id: what comes before its first ":". */
export function clockKindKey(clockId: string): string | null {
  const colon = clockId.indexOf(":");
  return colon > 0 && colon < clockId.length - 1 ? clockId.slice(0, colon) : null;
}

export function clockKindLookup(kinds: readonly ClockKind[]): ClockKinds {
  const byKey = new Map(kinds.map((k) => [k.key, k]));
  return {
    of(clockId) {
      const kind = byKey.get(clockKindKey(clockId) ?? "");
      if (!kind) throw new UndeclaredClockKindError(clockId);
      return kind;
    },
    get: (key) => byKey.get(key),
  };
}

/** A rule's source for a developer's message: both the Chinese citation and the English one. */
export function cite(source: Localized): string {
  return source["zh-CN"] === source.en ? source.en : `${source["zh-CN"]}; ${source.en}`;
}
