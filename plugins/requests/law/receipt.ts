import { toDayNumber, type Localized } from "../../../app/plugin-api";

/**
 * 收到申请之日 — the day the reply clock starts — by how the application came in (条例 Art 31). The Regulation lists no separate e-mail channel.
 */

export const RECEIPT_CHANNELS = ["in_person", "post", "ordinary_letter", "internet", "email", "fax"] as const;
export type ReceiptChannel = (typeof RECEIPT_CHANNELS)[number];

/** Dates (`YYYY-MM-DD`) the office records about an application's arrival. */
export interface ReceiptFacts {
  /** The applicant handed it in. */
  submittedOn?: string;
  /** The agency signed for the post. */
  signedForOn?: string;
  /** An ordinary letter reached the office. */
  arrivedOn?: string;
  /** The office confirmed with the applicant (letter), or both sides confirmed (internet, fax). */
  confirmedOn?: string;
}
export type ReceiptFact = keyof ReceiptFacts;

export interface ReceiptRule {
  channel: ReceiptChannel;
  label: Localized;
  /** Which day counts as received. */
  receivedOn: Localized;
  fact: ReceiptFact;
  /** Ordinary letters: the office must confirm on the day the letter arrives. */
  confirmSameDayAs?: ReceiptFact;
  basis: Localized;
  confirmed: boolean;
}

const ART31: Localized = {
  "zh-CN": "《政府信息公开条例》第三十一条",
  "zh-TW": "《政府信息公開條例》第三十一條",
  en: "Regulation on Open Government Information, Art. 31",
};

export const RECEIPT_RULES: Record<ReceiptChannel, ReceiptRule> = {
  in_person: {
    channel: "in_person",
    label: { "zh-CN": "当面提交", "zh-TW": "當面提交", en: "In person" },
    receivedOn: { "zh-CN": "提交之日", "zh-TW": "提交之日", en: "The day it is submitted" },
    fact: "submittedOn",
    basis: ART31,
    confirmed: true,
  },
  post: {
    channel: "post",
    label: { "zh-CN": "邮寄", "zh-TW": "郵寄", en: "By post" },
    receivedOn: { "zh-CN": "行政机关签收之日", "zh-TW": "行政機關簽收之日", en: "The day the agency signs for it" },
    fact: "signedForOn",
    basis: ART31,
    confirmed: true,
  },
  ordinary_letter: {
    channel: "ordinary_letter",
    label: { "zh-CN": "平常信函", "zh-TW": "平常信函", en: "Ordinary letter (no signature)" },
    receivedOn: { "zh-CN": "确认之日", "zh-TW": "確認之日", en: "The day the office confirms with the applicant" },
    fact: "confirmedOn",
    confirmSameDayAs: "arrivedOn",
    basis: ART31,
    confirmed: true,
  },
  internet: {
    channel: "internet",
    label: { "zh-CN": "互联网渠道", "zh-TW": "互聯網渠道", en: "Internet" },
    receivedOn: { "zh-CN": "双方确认之日", "zh-TW": "雙方確認之日", en: "The day both sides confirm" },
    fact: "confirmedOn",
    basis: ART31,
    confirmed: true,
  },
  // An e-mail is a 数据电文 sent over the internet (Art 29), so the internet rule applies.
  email: {
    channel: "email",
    label: { "zh-CN": "电子邮件", "zh-TW": "電子郵件", en: "E-mail" },
    receivedOn: { "zh-CN": "双方确认之日", "zh-TW": "雙方確認之日", en: "The day both sides confirm" },
    fact: "confirmedOn",
    basis: ART31,
    confirmed: true,
  },
  fax: {
    channel: "fax",
    label: { "zh-CN": "传真", "zh-TW": "傳真", en: "Fax" },
    receivedOn: { "zh-CN": "双方确认之日", "zh-TW": "雙方確認之日", en: "The day both sides confirm" },
    fact: "confirmedOn",
    basis: ART31,
    confirmed: true,
  },
};

export const RECEIPT_FACT_LABELS: Record<ReceiptFact, Localized> = {
  submittedOn: { "zh-CN": "提交日期", "zh-TW": "提交日期", en: "date submitted" },
  signedForOn: { "zh-CN": "签收日期", "zh-TW": "簽收日期", en: "date signed for" },
  arrivedOn: { "zh-CN": "来信收到日期", "zh-TW": "來信收到日期", en: "date the letter arrived" },
  confirmedOn: { "zh-CN": "确认日期", "zh-TW": "確認日期", en: "date of confirmation" },
};

export type ReceiptResult =
  | {
      ok: true;
      /** 收到申请之日. */
      date: string;
      rule: ReceiptRule;
      /** An ordinary letter confirmed after the day it arrived: still received on confirmation, but late. */
      confirmedLate: boolean;
    }
  | { ok: false; error: "missing"; fact: ReceiptFact; rule: ReceiptRule }
  | { ok: false; error: "invalid"; fact: ReceiptFact; value: string; rule: ReceiptRule }
  | { ok: false; error: "before_arrival"; fact: ReceiptFact; rule: ReceiptRule };

function valid(date: string): boolean {
  try {
    toDayNumber(date);
    return true;
  } catch {
    return false;
  }
}

export function receiptDate(channel: ReceiptChannel, facts: ReceiptFacts): ReceiptResult {
  const rule = RECEIPT_RULES[channel];
  const date = facts[rule.fact];
  if (date === undefined || date === "") return { ok: false, error: "missing", fact: rule.fact, rule };
  if (!valid(date)) return { ok: false, error: "invalid", fact: rule.fact, value: date, rule };
  let confirmedLate = false;
  const arrival = rule.confirmSameDayAs && facts[rule.confirmSameDayAs];
  if (rule.confirmSameDayAs && arrival) {
    if (!valid(arrival)) return { ok: false, error: "invalid", fact: rule.confirmSameDayAs, value: arrival, rule };
    if (date < arrival) return { ok: false, error: "before_arrival", fact: rule.fact, rule };
    confirmedLate = date > arrival;
  }
  return { ok: true, date, rule, confirmedLate };
}
