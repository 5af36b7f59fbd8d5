import type { LocalizedLabel } from "./catalogue";

/**
 * 主题分类: the subject an item is filed under, as government portals classify documents (the
 * 国务院公文主题分类 headings an ecological-environment bureau uses). An item stores the zh-CN
 * heading itself (it is what the register, the open data and imports carry); pages show it in the
 * reader's language. zh-TW is the mainland wording in traditional script, as in the catalogue.
 */
export const TOPICS = {
  environment: "环境监测、保护与治理",
  general: "综合政务",
  finance: "财政、金融、审计",
  personnel: "劳动、人事、监察",
} as const;

export const TOPIC_LABELS: Record<string, LocalizedLabel> = {
  [TOPICS.environment]: { "zh-CN": TOPICS.environment, "zh-TW": "環境監測、保護與治理", en: "Environmental monitoring, protection and remediation" },
  [TOPICS.general]: { "zh-CN": TOPICS.general, "zh-TW": "綜合政務", en: "General government affairs" },
  [TOPICS.finance]: { "zh-CN": TOPICS.finance, "zh-TW": "財政、金融、審計", en: "Finance, banking and audit" },
  [TOPICS.personnel]: { "zh-CN": TOPICS.personnel, "zh-TW": "勞動、人事、監察", en: "Labour, personnel and supervision" },
};

/** The heading in the reader's language; a heading outside the list (an imported register's own) as stored. */
export function topicLabel(topic: string, locale: keyof LocalizedLabel): string {
  return TOPIC_LABELS[topic]?.[locale] ?? topic;
}
