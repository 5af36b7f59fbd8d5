import type { Localized } from "../../../app/plugin-api";
import type { TemplateDef } from "./common";

/**
 * The remedy clause every reply ends with. Article numbers are those of the laws in force: the
 * 行政复议法 as revised in 2023 (in force 2024-01-01; 60 days, Art 20) and the 行政诉讼法 as
 * revised in 2017 (6 months when suing without review first, Art 46). Checked against secondary
 * sources only, like the spec's [S].
 */
export const ADMINISTRATIVE_REVIEW = {
  days: 60,
  cite: {
    "zh-CN": "《中华人民共和国行政复议法》第二十条",
    "zh-TW": "《中華人民共和國行政復議法》第二十條",
    en: "Administrative Reconsideration Law of the People's Republic of China, Art. 20",
  } satisfies Localized,
};

export const ADMINISTRATIVE_SUIT = {
  months: 6,
  cite: {
    "zh-CN": "《中华人民共和国行政诉讼法》第四十六条",
    "zh-TW": "《中華人民共和國行政訴訟法》第四十六條",
    en: "Administrative Litigation Law of the People's Republic of China, Art. 46",
  } satisfies Localized,
};

/** Rendered into a reply's {remedy}; a tenant may override it to name its review body and court. */
export const REMEDY_TEMPLATE: TemplateDef = {
  title: { "zh-CN": "救济途径", "zh-TW": "救濟途徑", en: "Remedies" },
  placeholders: ["office", "reviewBasis", "reviewDays", "suitBasis", "suitMonths"],
  required: ["reviewBasis", "reviewDays", "suitBasis", "suitMonths"],
  body: {
    "zh-CN":
      "\u3000\u3000如对本答复不服，可以依照{reviewBasis}的规定，自收到本答复之日起{reviewDays}日内依法申请行政复议；或者依照{suitBasis}的规定，自收到本答复之日起{suitMonths}个月内依法向人民法院提起行政诉讼。",
    "zh-TW":
      "\u3000\u3000如對本答覆不服，可以依照{reviewBasis}的規定，自收到本答覆之日起{reviewDays}日內依法申請行政復議；或者依照{suitBasis}的規定，自收到本答覆之日起{suitMonths}個月內依法向人民法院提起行政訴訟。",
    en: "If you disagree with this reply, you may apply for administrative reconsideration within {reviewDays} days of receiving it under the {reviewBasis}, or bring an administrative lawsuit before a people's court within {suitMonths} months of receiving it under the {suitBasis}.",
  },
};
