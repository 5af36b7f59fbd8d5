import type { ClockStatus, StopReason } from "./clock";
import { PAUSE_BASIS, REPLY, type Locale, type PauseReason } from "./clock-rules";

interface Messages {
  separator: string;
  period(days: number, start: string, restarted: boolean): string;
  extension(days: number, approver: string): string;
  paused(days: number, reason: string): string;
  pausedSince(date: string, reason: string, answerDue: string | null, fee: boolean): string;
  lapsed(date: string, reason: string, answerDue: string): string;
  due(date: string): string;
  overdue(date: string, days: number): string;
  left(days: number): string;
  stopped(reason: StopReason, date: string, lateDays: number): string;
  unknownYears(years: string): string;
  reasons: Record<PauseReason, string>;
}

const MESSAGES: Record<Locale, Messages> = {
  "zh-CN": {
    separator: "；",
    period: (n, s, r) => (r ? `自${s}收到补正后的申请起重新计算${n}个工作日` : `自${s}起${n}个工作日`),
    extension: (n, a) => `经${a}批准延长${n}个工作日`,
    paused: (n, r) => `因${r}暂停${n}个工作日`,
    pausedSince: (d, r, due, fee) => `自${d}起因${r}暂停${due ? (fee ? `（申请人应于${due}前缴费）` : `（对方应于${due}前答复）`) : ""}`,
    lapsed: (d, r, due) => `自${d}起因${r}暂停，对方未于${due}前答复，此后恢复计算`,
    due: (d) => `截止${d}`,
    overdue: (d, n) => `截止${d}，已逾期${n}个工作日`,
    left: (n) => `剩余${n}个工作日`,
    stopped: (reason, d, late) =>
      ({
        replied: late ? `${d}答复，逾期${late}个工作日` : `${d}已按期答复`,
        withdrawn: `申请人于${d}撤回申请`,
        "deemed-withdrawn": `${d}视为放弃申请`,
        "fee-unpaid": `逾期未缴费，${d}终止办理`,
      })[reason],
    unknownYears: (y) => `${y}年放假安排尚未公布，已按《全国年节及纪念日放假办法》计入法定节假日，调休可能使日期变动`,
    reasons: { supplement: "申请人补正", "third-party": "征求第三方意见", "other-agency": "征求其他机关意见", "fee-notice": "缴纳信息处理费" },
  },
  "zh-TW": {
    separator: "；",
    period: (n, s, r) => (r ? `自${s}收到補正後的申請起重新計算${n}個工作日` : `自${s}起${n}個工作日`),
    extension: (n, a) => `經${a}批准延長${n}個工作日`,
    paused: (n, r) => `因${r}暫停${n}個工作日`,
    pausedSince: (d, r, due, fee) => `自${d}起因${r}暫停${due ? (fee ? `（申請人應於${due}前繳費）` : `（對方應於${due}前答覆）`) : ""}`,
    lapsed: (d, r, due) => `自${d}起因${r}暫停，對方未於${due}前答覆，此後恢復計算`,
    due: (d) => `截止${d}`,
    overdue: (d, n) => `截止${d}，已逾期${n}個工作日`,
    left: (n) => `剩餘${n}個工作日`,
    stopped: (reason, d, late) =>
      ({
        replied: late ? `${d}答覆，逾期${late}個工作日` : `${d}已按期答覆`,
        withdrawn: `申請人於${d}撤回申請`,
        "deemed-withdrawn": `${d}視為放棄申請`,
        "fee-unpaid": `逾期未繳費，${d}終止辦理`,
      })[reason],
    unknownYears: (y) => `${y}年放假安排尚未公布，已依《全國年節及紀念日放假辦法》計入法定節假日，調休可能使日期變動`,
    reasons: { supplement: "申請人補正", "third-party": "徵求第三方意見", "other-agency": "徵求其他機關意見", "fee-notice": "繳納信息處理費" },
  },
  en: {
    separator: "; ",
    period: (n, s, r) => (r ? `${n} working days from ${s}, restarted on receipt of the supplemented application` : `${n} working days from ${s}`),
    extension: (n, a) => `extended by ${n} working days, approved by ${a}`,
    paused: (n, r) => `paused ${n} working day${n === 1 ? "" : "s"} for ${r}`,
    pausedSince: (d, r, due, fee) => `paused since ${d} for ${r}${due ? (fee ? ` (payment due ${due})` : ` (answer due ${due})`) : ""}`,
    lapsed: (d, r, due) => `paused from ${d} for ${r}; no answer by ${due}, counting again since`,
    due: (d) => `due ${d}`,
    overdue: (d, n) => `was due ${d}, overdue by ${n} working day${n === 1 ? "" : "s"}`,
    left: (n) => `${n} working day${n === 1 ? "" : "s"} left`,
    stopped: (reason, d, late) =>
      ({
        replied: late ? `replied ${d}, ${late} working day${late === 1 ? "" : "s"} late` : `replied ${d}, on time`,
        withdrawn: `withdrawn by the applicant on ${d}`,
        "deemed-withdrawn": `deemed withdrawn on ${d}`,
        "fee-unpaid": `closed on ${d}: fee not paid`,
      })[reason],
    unknownYears: (y) => `the State Council holiday notice for ${y} is not out yet: statutory holidays are counted, make-up working days may still move the date`,
    reasons: {
      supplement: "the applicant to supplement the application",
      "third-party": "third-party consultation",
      "other-agency": "consulting other agencies",
      "fee-notice": "the fee notice",
    },
  },
};

export interface ExplainOptions {
  /**
   * Who reads the line. The applicant gets the dates only: the caveat that a year's 调休 may still
   * move them is for staff, who watch the notice; a letter or tracking page must not hedge the date.
   */
  audience?: "staff" | "applicant";
}

/** One line for staff and applicant, e.g. "20 working days from 2025-09-26; paused 5 working days for third-party consultation; due 2025-11-06". */
export function explainClock(status: ClockStatus, locale: Locale, { audience = "staff" }: ExplainOptions = {}): string {
  const m = MESSAGES[locale];
  const parts = [m.period(REPLY.days, status.periodStart, status.restarted)];
  if (status.extension) parts.push(m.extension(status.extension.days, status.extension.approver));
  for (const p of status.pauses) parts.push(m.paused(p.days, m.reasons[p.reason]));
  const open = status.openPause;
  if (open?.lapsed && open.answerDue) parts.push(m.lapsed(open.since, m.reasons[open.reason], open.answerDue));
  else if (open) parts.push(m.pausedSince(open.since, m.reasons[open.reason], open.answerDue, open.reason === "fee-notice"));
  if (status.stop) {
    if (status.dueDate) parts.push(m.due(status.dueDate));
    parts.push(m.stopped(status.stop.reason, status.stop.date, status.overdueDays));
  } else if (status.state === "overdue" && status.dueDate) parts.push(m.overdue(status.dueDate, status.overdueDays));
  else if (status.dueDate) parts.push(m.due(status.dueDate));
  else parts.push(m.left(status.leftDays));
  const unknown = status.warnings.find((w) => w.kind === "unknown-years");
  if (unknown && audience === "staff") parts.push(m.unknownYears(unknown.years.join(locale === "en" ? ", " : "、")));
  return parts.join(m.separator);
}

/** The legal source of a pause, for showing next to it. */
export function pauseBasis(reason: PauseReason, locale: Locale): string {
  return PAUSE_BASIS[reason][locale];
}
