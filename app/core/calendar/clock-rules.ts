/**
 * The law behind the 依申请公开 reply clock, as data: every number the clock uses comes from here
 * with its source (legal-spec §1.3). `confirmed: false` marks a rule the spec tags [M] — to check
 * against the official text before relying on it.
 */

export type Locale = "zh-CN" | "zh-TW" | "en";
export type Localized = Record<Locale, string>;

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

const art33 = regulation("第三十三条", "第三十三條", "Art. 33");

/** Reply within 20 working days of receipt (Art 33). */
export const REPLY: ClockRule = { days: 20, basis: art33, confirmed: true };

/** One extension of at most 20 working days, approved by the head of the disclosure office (Art 33). */
export const EXTENSION: ClockRule & { maxCount: number } = { days: 20, maxCount: 1, basis: art33, confirmed: true };

/** 补正 is requested once within 7 working days of receipt; the period runs anew from the supplemented application (Art 30). */
export const SUPPLEMENT: ClockRule = { days: 7, basis: regulation("第三十条", "第三十條", "Art. 30"), confirmed: true };

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

/** How long the other side has to answer while the clock is paused; null: the office sets it (Art 30). */
export const PAUSE_RULES: Record<PauseReason, ClockRule | null> = {
  supplement: null,
  "third-party": THIRD_PARTY,
  "other-agency": OTHER_AGENCY,
  "fee-notice": FEE_NOTICE,
};

/**
 * Whether a pause stops suspending the period once its answer is due. Consultation time does not
 * count only as far as it is needed (Art 33): after the 15 working days of Art 32/34 the office
 * decides without the answer (Art 32) or takes silence as consent (Art 34), so later days count
 * again. A 补正 pause lasts until the supplement or (六)1, a fee pause until payment or (六)2.
 */
export const PAUSE_LAPSES_AT_ANSWER_DUE: Record<PauseReason, boolean> = {
  supplement: false,
  "third-party": true,
  "other-agency": true,
  "fee-notice": false,
};

/** Where each pause reason's suspension comes from. */
export const PAUSE_BASIS: Record<PauseReason, Localized> = {
  supplement: SUPPLEMENT.basis,
  "third-party": art33,
  "other-agency": art33,
  "fee-notice": FEE_NOTICE.basis,
};
