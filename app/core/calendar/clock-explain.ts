import type { Locale } from "../i18n/config";
import { restartedBy, type ClockStatus } from "./clock";
import { periodDays, periodUnit } from "./clock-days";
import type { ClockKind, DayUnit, Localized } from "./clock-kind";

/** The sentences every clock kind shares; the kind supplies its pause labels and stop wordings. */
interface Messages {
  separator: string;
  days(n: number, unit: DayUnit): string;
  period(period: string, start: string): string;
  /** A period to a fixed day of the year, e.g. "自2026-01-01起至3月31日". */
  byDay(month: number, day: number, start: string): string;
  restarted: string;
  extension(days: string, approver: string | null): string;
  paused(days: string, reason: string): string;
  pausedSince(date: string, reason: string, answer: string): string;
  answerDue: string;
  lapsed(date: string, reason: string, answerDue: string): string;
  due(date: string): string;
  overdue(date: string, days: string): string;
  left(days: string): string;
  unknownYears(years: string): string;
  list: string;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

const MESSAGES: Record<Locale, Messages> = {
  "zh-CN": {
    separator: "；",
    days: (n, unit) => (unit === "working" ? `${n}个工作日` : `${n}日`),
    period: (p, s) => `自${s}起${p}`,
    byDay: (mo, d, s) => `自${s}起至${mo}月${d}日`,
    restarted: "自{date}起重新计算{period}",
    extension: (n, a) => (a ? `经${a}批准延长${n}` : `延长${n}`),
    paused: (n, r) => `因${r}暂停${n}`,
    pausedSince: (d, r, answer) => `自${d}起因${r}暂停${answer}`,
    answerDue: "（对方应于{date}前答复）",
    lapsed: (d, r, due) => `自${d}起因${r}暂停，对方未于${due}前答复，此后恢复计算`,
    due: (d) => `截止${d}`,
    overdue: (d, n) => `截止${d}，已逾期${n}`,
    left: (n) => `剩余${n}`,
    unknownYears: (y) => `${y}年放假安排尚未公布，已按《全国年节及纪念日放假办法》计入法定节假日，调休可能使日期变动`,
    list: "、",
  },
  "zh-TW": {
    separator: "；",
    days: (n, unit) => (unit === "working" ? `${n}個工作日` : `${n}日`),
    period: (p, s) => `自${s}起${p}`,
    byDay: (mo, d, s) => `自${s}起至${mo}月${d}日`,
    restarted: "自{date}起重新計算{period}",
    extension: (n, a) => (a ? `經${a}批准延長${n}` : `延長${n}`),
    paused: (n, r) => `因${r}暫停${n}`,
    pausedSince: (d, r, answer) => `自${d}起因${r}暫停${answer}`,
    answerDue: "（對方應於{date}前答覆）",
    lapsed: (d, r, due) => `自${d}起因${r}暫停，對方未於${due}前答覆，此後恢復計算`,
    due: (d) => `截止${d}`,
    overdue: (d, n) => `截止${d}，已逾期${n}`,
    left: (n) => `剩餘${n}`,
    unknownYears: (y) => `${y}年放假安排尚未公布，已依《全國年節及紀念日放假辦法》計入法定節假日，調休可能使日期變動`,
    list: "、",
  },
  en: {
    separator: "; ",
    days: (n, unit) => plural(n, unit === "working" ? "working day" : "day"),
    period: (p, s) => `${p} from ${s}`,
    byDay: (mo, d, s) => `from ${s} to ${d} ${MONTHS[mo - 1]}`,
    restarted: "{period} from {date}, restarted",
    extension: (n, a) => (a ? `extended by ${n}, approved by ${a}` : `extended by ${n}`),
    paused: (n, r) => `paused ${n} for ${r}`,
    pausedSince: (d, r, answer) => `paused since ${d} for ${r}${answer}`,
    answerDue: " (answer due {date})",
    lapsed: (d, r, due) => `paused from ${d} for ${r}; no answer by ${due}, counting again since`,
    due: (d) => `due ${d}`,
    overdue: (d, n) => `was due ${d}, overdue by ${n}`,
    left: (n) => `${n} left`,
    unknownYears: (y) => `the State Council holiday notice for ${y} is not out yet: statutory holidays are counted, make-up working days may still move the date`,
    list: ", ",
  },
};

/** Fills `{name}` placeholders of a kind's wording. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export interface ExplainOptions {
  /**
   * Who reads the line. The applicant gets the dates only: the caveat that a year's 调休 may still
   * move them is for staff, who watch the notice; a letter or tracking page must not hedge the date.
   */
  audience?: "staff" | "applicant";
}

/** One line for staff and applicant, e.g. "20 working days from 2025-09-26; paused 5 working days for third-party consultation; due 2025-11-06". */
export function explainClock(kind: ClockKind, status: ClockStatus, locale: Locale, { audience = "staff" }: ExplainOptions = {}): string {
  const m = MESSAGES[locale];
  const days = (n: number) => m.days(n, periodUnit(kind.period));
  const reason = (key: string) => kind.pauses[key]?.label[locale] ?? key;
  const period = days(periodDays(kind.period, status.periodStart));
  const restart = restartedBy(kind, status);
  const restartWording = restart ? (kind.pauses[restart]?.restartWording?.[locale] ?? m.restarted) : null;
  const byDay = "byDay" in kind.period ? kind.period.byDay.split("-").map(Number) : null;
  const opening = byDay ? m.byDay(byDay[0]!, byDay[1]!, status.periodStart) : m.period(period, status.periodStart);
  const parts = [restartWording ? fill(restartWording, { date: status.periodStart, period }) : opening];
  if (status.extension) parts.push(m.extension(days(status.extension.days), kind.extension?.approver ? status.extension.approver : null));
  for (const p of status.pauses) parts.push(m.paused(days(p.days), reason(p.reason)));
  const open = status.openPause;
  if (open?.lapsed && open.answerDue) parts.push(m.lapsed(open.since, reason(open.reason), open.answerDue));
  else if (open) {
    const wording = kind.pauses[open.reason]?.answer?.dueWording?.[locale] ?? m.answerDue;
    parts.push(m.pausedSince(open.since, reason(open.reason), open.answerDue ? fill(wording, { date: open.answerDue }) : ""));
  }
  if (status.stop) {
    if (status.dueDate) parts.push(m.due(status.dueDate));
    parts.push(stopped(kind, status.stop, status.overdueDays, locale, days));
  } else if (status.state === "overdue" && status.dueDate) parts.push(m.overdue(status.dueDate, days(status.overdueDays)));
  else if (status.dueDate) parts.push(m.due(status.dueDate));
  else parts.push(m.left(days(status.leftDays)));
  const unknown = status.warnings.find((w) => w.kind === "unknown-years");
  if (unknown && "years" in unknown && audience === "staff") parts.push(m.unknownYears(unknown.years.join(m.list)));
  return parts.join(m.separator);
}

function stopped(kind: ClockKind, stop: NonNullable<ClockStatus["stop"]>, lateDays: number, locale: Locale, days: (n: number) => string): string {
  const rule = kind.stops[stop.reason];
  if (!rule) return stop.reason;
  const wording: Localized = lateDays > 0 && rule.lateWording ? rule.lateWording : rule.wording;
  return fill(wording[locale], { date: stop.date, late: days(lateDays) });
}

/** The legal source of a kind's pause, for showing next to it. */
export function pauseSource(kind: ClockKind, reason: string, locale: Locale): string | null {
  return kind.pauses[reason]?.source[locale] ?? null;
}
