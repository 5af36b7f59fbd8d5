import type { ClockKind, Localized } from "../../../app/plugin-api";

/**
 * The 依申请公开 reply clock as data (条例 Art 30–34 and the fee rules): every number the clock
 * uses, with its source. `confirmed: false` marks a rule to check against the official text
 * before relying on it.
 */

export interface ClockRule {
  days: number;
  basis: Localized;
  confirmed: boolean;
}

const regulation = (zhCN: string, zhTW: string, en: string): Localized => ({
  "zh-CN": `《政府信息公开条例》${zhCN}`,
  "zh-TW": `《政府信息公開條例》${zhTW}`,
  en: `Regulation on Open Government Information, ${en}`,
});

const art30 = regulation("第三十条", "第三十條", "Art. 30");
const art33 = regulation("第三十三条", "第三十三條", "Art. 33");

/** Reply within 20 working days of receipt (Art 33). */
export const REPLY: ClockRule = { days: 20, basis: art33, confirmed: true };

/** One extension of at most 20 working days, approved by the head of the disclosure office (Art 33). */
export const EXTENSION: ClockRule & { maxCount: number } = { days: 20, maxCount: 1, basis: art33, confirmed: true };

/** 补正 is requested once within 7 working days of receipt; the period runs anew from the supplemented application (Art 30). */
export const SUPPLEMENT: ClockRule = { days: 7, basis: art30, confirmed: true };

/** Consultation time does not count (Art 33); the third party answers within 15 working days (Art 32). */
export const THIRD_PARTY: ClockRule = { days: 15, basis: regulation("第三十二条", "第三十二條", "Art. 32"), confirmed: true };

/** Other agencies answer within 15 working days (Art 34). */
export const OTHER_AGENCY: ClockRule = { days: 15, basis: regulation("第三十四条", "第三十四條", "Art. 34"), confirmed: true };

/** The applicant pays within 20 working days; the period is suspended meanwhile (spec tags the procedure [M]). */
export const FEE_NOTICE: ClockRule = {
  days: 20,
  basis: {
    "zh-CN": "国办函〔2020〕109号《政府信息公开信息处理费管理办法》",
    "zh-TW": "國辦函〔2020〕109號《政府信息公開信息處理費管理辦法》",
    en: "State Council General Office Letter [2020] No. 109 (information-processing fees)",
  },
  confirmed: false,
};

export type PauseReason = "supplement" | "third-party" | "other-agency" | "fee-notice";
export type StopReason = "replied" | "withdrawn" | "deemed-withdrawn" | "fee-unpaid";

/** How long the other side has to answer while the clock is paused; null: the office sets it (Art 30). */
export const PAUSE_RULES: Record<PauseReason, ClockRule | null> = {
  supplement: null,
  "third-party": THIRD_PARTY,
  "other-agency": OTHER_AGENCY,
  "fee-notice": FEE_NOTICE,
};

/** The reply clock's kind key; its clock ids are `requests.reply:<application id>`. */
export const REPLY_CLOCK_KIND = "requests.reply";

/**
 * Consultation time does not count only as far as it is needed (Art 33): after the 15 working
 * days of Art 32/34 the office decides without the answer (Art 32) or takes silence as consent
 * (Art 34), so later days count again (`lapses`). A 补正 pause lasts until the supplement or
 * (六)1, a fee pause until payment or (六)2.
 */
export const REPLY_CLOCK: ClockKind = {
  key: REPLY_CLOCK_KIND,
  period: { days: REPLY.days, unit: "working" },
  source: REPLY.basis,
  pauses: {
    supplement: {
      label: { "zh-CN": "申请人补正", "zh-TW": "申請人補正", en: "the applicant to supplement the application" },
      source: SUPPLEMENT.basis,
      endsWith: "restart",
      restartWording: {
        "zh-CN": "自{date}收到补正后的申请起重新计算{period}",
        "zh-TW": "自{date}收到補正後的申請起重新計算{period}",
        en: "{period} from {date}, restarted on receipt of the supplemented application",
      },
      once: {
        "zh-CN": "一次性告知，《政府信息公开条例》第三十条",
        "zh-TW": "一次性告知，《政府信息公開條例》第三十條",
        en: "requested once (一次性告知), Regulation on Open Government Information, Art. 30",
      },
      noticeWithin: { days: SUPPLEMENT.days, source: SUPPLEMENT.basis },
    },
    "third-party": {
      label: { "zh-CN": "征求第三方意见", "zh-TW": "徵求第三方意見", en: "third-party consultation" },
      source: art33,
      endsWith: "resume",
      answer: { days: THIRD_PARTY.days, source: THIRD_PARTY.basis, lapses: true },
    },
    "other-agency": {
      label: { "zh-CN": "征求其他机关意见", "zh-TW": "徵求其他機關意見", en: "consulting other agencies" },
      source: art33,
      endsWith: "resume",
      answer: { days: OTHER_AGENCY.days, source: OTHER_AGENCY.basis, lapses: true },
    },
    "fee-notice": {
      label: { "zh-CN": "缴纳信息处理费", "zh-TW": "繳納信息處理費", en: "the fee notice" },
      source: FEE_NOTICE.basis,
      endsWith: "resume",
      answer: {
        days: FEE_NOTICE.days,
        source: FEE_NOTICE.basis,
        lapses: false,
        dueWording: { "zh-CN": "（申请人应于{date}前缴费）", "zh-TW": "（申請人應於{date}前繳費）", en: " (payment due {date})" },
      },
      confirmed: FEE_NOTICE.confirmed,
    },
  },
  extension: {
    maxCount: EXTENSION.maxCount,
    maxDays: EXTENSION.days,
    approver: { "zh-CN": "政府信息公开工作机构负责人", "zh-TW": "政府信息公開工作機構負責人", en: "the head of the disclosure office" },
    source: EXTENSION.basis,
  },
  stops: {
    replied: {
      wording: { "zh-CN": "{date}已按期答复", "zh-TW": "{date}已按期答覆", en: "replied {date}, on time" },
      lateWording: { "zh-CN": "{date}答复，逾期{late}", "zh-TW": "{date}答覆，逾期{late}", en: "replied {date}, {late} late" },
      source: art33,
    },
    withdrawn: {
      wording: { "zh-CN": "申请人于{date}撤回申请", "zh-TW": "申請人於{date}撤回申請", en: "withdrawn by the applicant on {date}" },
    },
    "deemed-withdrawn": {
      wording: { "zh-CN": "{date}视为放弃申请", "zh-TW": "{date}視為放棄申請", en: "deemed withdrawn on {date}" },
      requires: { pause: "supplement" },
      source: art30,
    },
    "fee-unpaid": {
      wording: { "zh-CN": "逾期未缴费，{date}终止办理", "zh-TW": "逾期未繳費，{date}終止辦理", en: "closed on {date}: fee not paid" },
      requires: { pause: "fee-notice", afterAnswer: true },
      source: FEE_NOTICE.basis,
    },
  },
  confirmed: true,
};
