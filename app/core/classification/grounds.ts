/**
 * 公开属性 and the grounds for not disclosing proactively, as the law states them. Wording is
 * copied from 《政府信息公开条例》 Art 13–16 (checked against the full text of the Regulation); `reportLabel` is the row label the annual report (表三 （三）) counts them under.
 */
export const REGULATION = {
  title: "《中华人民共和国政府信息公开条例》",
  instrument: "国务院令第711号",
  revised: "2019-04-03",
  inForce: "2019-05-15",
} as const;

export const DISCLOSURE_ATTRIBUTES = ["proactive", "on_request", "withheld"] as const;
/** 公开属性 (条例 Art 13): the labels are the core locales' `classification.attributes.<key>`. */
export type DisclosureAttribute = (typeof DISCLOSURE_ATTRIBUTES)[number];


export interface NonDisclosureGround {
  key: string;
  article: 14 | 15 | 16;
  articleZh: string;
  /** The Regulation's wording. */
  zh: string;
  en: string;
  /** What the ground covers, where the Regulation spells it out. */
  scopeZh?: string;
  reportLabel: string;
  /** When the ground stops applying even though it fits (the spec gives this in English). */
  exceptionEn?: string;
  /** Art 14 information must never be disclosed, so it cannot be 依申请公开. */
  allowedFor: readonly Exclude<DisclosureAttribute, "proactive">[];
}

const BOTH = ["on_request", "withheld"] as const;
const ART16_EXCEPTION = "Public where a 法律、法规、规章 requires such information to be public";

export const NON_DISCLOSURE_GROUNDS: readonly NonDisclosureGround[] = [
  {
    key: "art14.state_secret",
    article: 14,
    articleZh: "第十四条",
    zh: "依法确定为国家秘密",
    en: "Lawfully classified as a state secret",
    reportLabel: "属于国家秘密",
    allowedFor: ["withheld"],
  },
  {
    key: "art14.prohibited_by_law",
    article: 14,
    articleZh: "第十四条",
    zh: "法律、行政法规禁止公开",
    en: "Disclosure prohibited by a law or administrative regulation",
    reportLabel: "其他法律行政法规禁止公开",
    allowedFor: ["withheld"],
  },
  {
    key: "art14.security_stability",
    article: 14,
    articleZh: "第十四条",
    zh: "公开后可能危及国家安全、公共安全、经济安全、社会稳定",
    en: "Disclosure could endanger national, public or economic security or social stability",
    reportLabel: "危及\"三安全一稳定\"",
    allowedFor: ["withheld"],
  },
  {
    key: "art15.third_party",
    article: 15,
    articleZh: "第十五条",
    zh: "商业秘密、个人隐私等",
    en: "Trade secrets, personal privacy and similar information whose disclosure would harm a third party's lawful rights and interests",
    reportLabel: "保护第三方合法权益",
    exceptionEn: "Disclosed anyway if the third party consents (第三方同意) or if non-disclosure would seriously affect the public interest (对公共利益造成重大影响)",
    allowedFor: BOTH,
  },
  {
    key: "art16.internal_affairs",
    article: 16,
    articleZh: "第十六条",
    zh: "内部事务信息",
    en: "Internal affairs information",
    scopeZh: "人事管理、后勤管理、内部工作流程",
    reportLabel: "属于三类内部事务信息",
    exceptionEn: ART16_EXCEPTION,
    allowedFor: BOTH,
  },
  {
    key: "art16.process_information",
    article: 16,
    articleZh: "第十六条",
    zh: "过程性信息",
    en: "Process information",
    scopeZh: "讨论记录、过程稿、磋商信函、请示报告",
    reportLabel: "属于四类过程性信息",
    exceptionEn: ART16_EXCEPTION,
    allowedFor: BOTH,
  },
  {
    key: "art16.enforcement_case_file",
    article: 16,
    articleZh: "第十六条",
    zh: "行政执法案卷信息",
    en: "Administrative enforcement case files",
    reportLabel: "属于行政执法案卷",
    exceptionEn: ART16_EXCEPTION,
    allowedFor: BOTH,
  },
];

export function groundByKey(key: string): NonDisclosureGround | undefined {
  return NON_DISCLOSURE_GROUNDS.find((g) => g.key === key);
}

/** Anything short of 主动公开 must name its legal ground. */
export function requiresGround(attribute: DisclosureAttribute): boolean {
  return attribute !== "proactive";
}

export function groundsFor(attribute: DisclosureAttribute): NonDisclosureGround[] {
  return NON_DISCLOSURE_GROUNDS.filter((g) => (g.allowedFor as readonly string[]).includes(attribute));
}

export function isGroundAllowed(attribute: DisclosureAttribute, groundKey: string): boolean {
  return groundsFor(attribute).some((g) => g.key === groundKey);
}
