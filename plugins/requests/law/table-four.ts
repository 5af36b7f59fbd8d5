import type { Localized } from "../../../app/plugin-api";

/**
 * Annual report table 四 (国办公开办函〔2021〕30号): the outcomes of 行政复议 and 行政诉讼 about disclosure,
 * three groups of the same five columns, unchanged since the 2019 format.
 */

export const TABLE_FOUR_TITLE: Localized = {
  "zh-CN": "四、政府信息公开行政复议、行政诉讼情况",
  "zh-TW": "四、政府信息公開行政複議、行政訴訟情況",
  en: "IV. Administrative reviews and lawsuits about government information disclosure",
};

export const REMEDY_KINDS = ["review", "litigation"] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];

export const REMEDY_LABELS: Record<RemedyKind, Localized> = {
  review: { "zh-CN": "行政复议", "zh-TW": "行政複議", en: "Administrative review" },
  litigation: { "zh-CN": "行政诉讼", "zh-TW": "行政訴訟", en: "Administrative litigation" },
};

export const TABLE_FOUR_GROUPS = ["review", "direct_suit", "suit_after_review"] as const;
export type TableFourGroup = (typeof TABLE_FOUR_GROUPS)[number];

export interface TableFourGroupInfo {
  key: TableFourGroup;
  remedy: RemedyKind;
  /** The sub-header under 行政诉讼; 行政复议 has none. */
  label: Localized | null;
}

export const TABLE_FOUR_GROUP_INFO: readonly TableFourGroupInfo[] = [
  { key: "review", remedy: "review", label: null },
  {
    key: "direct_suit",
    remedy: "litigation",
    label: { "zh-CN": "未经复议直接起诉", "zh-TW": "未經複議直接起訴", en: "Sued directly, without prior review" },
  },
  {
    key: "suit_after_review",
    remedy: "litigation",
    label: { "zh-CN": "复议后起诉", "zh-TW": "複議後起訴", en: "Sued after review" },
  },
];

export const TABLE_FOUR_OUTCOMES = ["upheld", "corrected", "other", "pending", "total"] as const;
export type TableFourOutcome = (typeof TABLE_FOUR_OUTCOMES)[number];

export const TABLE_FOUR_OUTCOME_LABELS: Record<TableFourOutcome, Localized> = {
  upheld: { "zh-CN": "结果维持", "zh-TW": "結果維持", en: "Upheld" },
  corrected: { "zh-CN": "结果纠正", "zh-TW": "結果糾正", en: "Corrected" },
  other: { "zh-CN": "其他结果", "zh-TW": "其他結果", en: "Other outcome" },
  pending: { "zh-CN": "尚未审结", "zh-TW": "尚未審結", en: "Pending" },
  total: { "zh-CN": "总计", "zh-TW": "總計", en: "Total" },
};

export interface TableFourColumn {
  group: TableFourGroup;
  outcome: TableFourOutcome;
}

/** The 15 numeric columns, left to right. */
export const TABLE_FOUR_COLUMNS: readonly TableFourColumn[] = TABLE_FOUR_GROUPS.flatMap((group) =>
  TABLE_FOUR_OUTCOMES.map((outcome) => ({ group, outcome })),
);

export type TableFourCells = Partial<Record<TableFourGroup, Partial<Record<TableFourOutcome, number>>>>;

export interface BrokenTableFour {
  group: TableFourGroup;
  /** 总计 as reported, and the sum of 结果维持, 结果纠正, 其他结果 and 尚未审结. */
  total: number;
  sum: number;
}

/** Per group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (derived). Blank cells are 0. */
export function checkTableFour(cells: TableFourCells): BrokenTableFour[] {
  return TABLE_FOUR_GROUPS.flatMap((group) => {
    const g = cells[group] ?? {};
    const total = g.total ?? 0;
    const sum = (g.upheld ?? 0) + (g.corrected ?? 0) + (g.other ?? 0) + (g.pending ?? 0);
    return total === sum ? [] : [{ group, total, sum }];
  });
}

/**
 * What a 行政复议 or 行政诉讼 about disclosure is brought against (条例第五十一条; 《行政复议法》
 * and 《行政诉讼法》 admit both): the reply (or the closing decision) once given, or the office's
 * failure to reply within the period of 条例第三十三条 (逾期不答复) — filed after the due date and
 * before any reply.
 */
export type AppealTarget = "reply" | "no_reply";

export function appealTarget(filedOn: string, app: { closedOn: string | null; dueDate: string | null }): AppealTarget | null {
  if (app.closedOn && filedOn >= app.closedOn) return "reply";
  if (app.dueDate && filedOn > app.dueDate) return "no_reply";
  return null;
}

/**
 * How table 四 counts a case across years. The format (国办公开办函〔2021〕30号) reports the year's
 * work and gives 尚未审结 a column, so a case is counted in the year it was filed — with its result
 * if decided by 31 December, else as 尚未审结 — and a case decided in a later year is counted again
 * in the year of its decision, with its result: that year's report is where its result is first
 * known. A case still undecided at the end of a later year is not repeated there as 尚未审结 (it
 * was reported pending in the year filed). The spec quotes no 填报说明 on this; the rule is ours,
 * stated beside the figures.
 */
export const TABLE_FOUR_COUNTING: Localized = {
  "zh-CN": "按立案年度统计：复议申请或起诉当年计入，当年12月31日前审结的计入相应结果，未审结的计入“尚未审结”；以前年度立案、本年度审结的案件计入本年度相应结果。",
  "zh-TW": "按立案年度統計：複議申請或起訴當年計入，當年12月31日前審結的計入相應結果，未審結的計入「尚未審結」；以前年度立案、本年度審結的案件計入本年度相應結果。",
  en: "Counted in the year filed: with its result if decided by 31 December, else as pending; a case filed in an earlier year and decided this year is counted this year with its result.",
};
