import type { Localized } from "../../../app/plugin-api";

/**
 * Who applied, as the columns of annual report table 三 count them (国办公开办函〔2021〕30号): 自然人, then
 * 法人或其他组织 split five ways, then 总计. An application's applicant type is its column.
 */

export const APPLICANT_TYPES = ["natural", "business", "research", "public_interest", "legal_service", "other_org"] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export type ApplicantGroup = "natural" | "organisation";

export interface ApplicantTypeInfo {
  key: ApplicantType;
  group: ApplicantGroup;
  /** The column header in table 三. */
  label: Localized;
  /** Art 29(一) asks for 名称 where the applicant is not a person. */
  needsOrganisationName: boolean;
  /** The organisation's 身份证明; see ORGANISATION_IDENTITY. */
  needsCreditCode: boolean;
}

const organisation = (key: ApplicantType, label: Localized): ApplicantTypeInfo => ({
  key,
  group: "organisation",
  label,
  needsOrganisationName: true,
  needsCreditCode: true,
});

export const APPLICANT_TYPE_INFO: readonly ApplicantTypeInfo[] = [
  {
    key: "natural",
    group: "natural",
    label: { "zh-CN": "自然人", "zh-TW": "自然人", en: "Natural persons" },
    needsOrganisationName: false,
    needsCreditCode: false,
  },
  organisation("business", { "zh-CN": "商业企业", "zh-TW": "商業企業", en: "Businesses" }),
  organisation("research", { "zh-CN": "科研机构", "zh-TW": "科研機構", en: "Research institutions" }),
  organisation("public_interest", { "zh-CN": "社会公益组织", "zh-TW": "社會公益組織", en: "Public-interest organisations" }),
  organisation("legal_service", { "zh-CN": "法律服务机构", "zh-TW": "法律服務機構", en: "Legal service providers" }),
  organisation("other_org", { "zh-CN": "其他", "zh-TW": "其他", en: "Other" }),
];

/** Header cells above the columns. */
export const APPLICANT_HEADER: Localized = { "zh-CN": "申请人情况", "zh-TW": "申請人情況", en: "Applicants" };
export const ORGANISATION_GROUP_LABEL: Localized = {
  "zh-CN": "法人或其他组织",
  "zh-TW": "法人或其他組織",
  en: "Legal persons or other organisations",
};

/** 横向总计: the 总计 column is the sum of the six applicant columns, in every row. */
export const TOTAL_COLUMN = {
  key: "total",
  label: { "zh-CN": "总计", "zh-TW": "總計", en: "Total" } satisfies Localized,
  sumOf: APPLICANT_TYPES,
} as const;

export const TABLE_THREE_COLUMNS = [...APPLICANT_TYPES, TOTAL_COLUMN.key] as const;
export type TableThreeColumn = (typeof TABLE_THREE_COLUMNS)[number];

/**
 * Art 29(一) requires 姓名或者名称、身份证明; the spec does not say what proves an organisation's
 * identity. Taking its 统一社会信用代码 is our choice, hence not confirmed.
 */
export const ORGANISATION_IDENTITY = {
  basis: {
    "zh-CN": "《政府信息公开条例》第二十九条第（一）项",
    "zh-TW": "《政府信息公開條例》第二十九條第（一）項",
    en: "Regulation on Open Government Information, Art. 29(1)",
  } satisfies Localized,
  confirmed: false,
} as const;

export function applicantType(key: ApplicantType): ApplicantTypeInfo {
  const info = APPLICANT_TYPE_INFO.find((t) => t.key === key);
  if (!info) throw new Error(`Unknown applicant type: ${key}`);
  return info;
}

export function columnLabel(column: TableThreeColumn): Localized {
  return column === TOTAL_COLUMN.key ? TOTAL_COLUMN.label : applicantType(column).label;
}
