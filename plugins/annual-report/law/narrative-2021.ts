/**
 * What the narrative sections of 国办公开办函〔2021〕30号 must cover (legal-spec §2.1), as data: the
 * five subjects of 一、总体情况, the follow-up and the present problems of 五, and the matters of 六 —
 * 信息处理费 under 国办函〔2020〕109号 first. The drafting (server/narrative) writes the sentences; the
 * headings and the fixed wording here are official Chinese, printed as they stand.
 */

/** 一、总体情况: the five subjects the format names, in its order. "不能遗漏": each gets a part. */
export const OVERVIEW_PARTS = {
  proactive: "（一）主动公开",
  requests: "（二）依申请公开",
  management: "（三）政府信息管理",
  platform: "（四）政府信息公开平台建设",
  oversight: "（五）监督保障",
} as const;

/** 五、存在的主要问题及改进情况: last year's problems followed up, then this year's. */
export const PROBLEMS_PARTS = {
  followUp: "（一）上年度问题改进情况",
  current: "（二）存在的主要问题及改进措施",
} as const;

/** A number the drafter has to supply (the plugin that knows it is not enabled). */
export const BLANK = "【　】";
/** Text the drafter has to supply. */
export const TO_COMPLETE = "【待补充】";
/** Any placeholder left in a paragraph. */
export const PLACEHOLDER = /【[^】]*】/;

/** The rules on 信息处理费 that 六 reports under. */
export const FEES_BASIS = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）";

/** The report's opening: what it follows and the period its figures cover. */
export const preamble = (office: string, year: number, instrument: string) =>
  `本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条和《中华人民共和国政府信息公开工作年度报告格式》（${instrument}）编制，报告${office}${year}年度政府信息公开工作情况。所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`;

/** The subjects the platform knows nothing of: a neutral sentence each, left for the drafter. */
export const TODO_SENTENCES = {
  management: `本机关公开属性认定、公开前保密审查和政策文件清理等政府信息管理工作情况：${TO_COMPLETE}。`,
  platform: `政府网站、政务新媒体等其他公开平台的建设和运维情况：${TO_COMPLETE}。`,
  oversight: (year: number) => `${year}年，本机关政府信息公开工作的考核、社会评议、责任追究及业务培训情况：${TO_COMPLETE}。`,
  followUpNone: `上年度报告所列问题的改进情况：${TO_COMPLETE}。`,
  problems: `本年度政府信息公开工作存在的主要问题：${TO_COMPLETE}。`,
  measures: `下一步改进措施：${TO_COMPLETE}。`,
  otherMatters: `本机关落实上级年度政务公开工作要点、人大代表建议和政协提案办理结果公开以及政务公开工作创新等情况：${TO_COMPLETE}。`,
} as const;
