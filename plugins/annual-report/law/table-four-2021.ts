import type { FormatCell, FormatTable } from "./format";

/**
 * Table 四 of 国办公开办函〔2021〕30号 (legal-spec §2.4): 行政复议 over five columns, 行政诉讼 over ten
 * (未经复议直接起诉 and 复议后起诉, five each), one data row. Figure keys are the requests plugin's,
 * `requests.t4.<group>.<outcome>`.
 */

export const T4_GROUPS = ["review", "direct_suit", "suit_after_review"] as const;
export type T4Group = (typeof T4_GROUPS)[number];
export const T4_OUTCOMES = ["upheld", "corrected", "other", "pending", "total"] as const;
export type T4Outcome = (typeof T4_OUTCOMES)[number];

export const t4Key = (group: T4Group, outcome: T4Outcome) => `requests.t4.${group}.${outcome}`;

const OUTCOME_LABELS: Record<T4Outcome, [string, string]> = {
  upheld: ["结果维持", "Upheld"],
  corrected: ["结果纠正", "Corrected"],
  other: ["其他结果", "Other outcome"],
  pending: ["尚未审结", "Pending"],
  total: ["总计", "Total"],
};

const outcomes = (rowSpan?: number): FormatCell[] =>
  T4_OUTCOMES.map((o) => ({ kind: "header", text: OUTCOME_LABELS[o][0], gloss: OUTCOME_LABELS[o][1], ...(rowSpan ? { rowSpan } : {}) }));

export const TABLE_FOUR_2021: FormatTable = {
  key: "t4",
  title: "四、政府信息公开行政复议、行政诉讼情况",
  gloss: "IV. Administrative reviews and lawsuits about government information disclosure",
  head: [
    [
      { kind: "header", text: "行政复议", gloss: "Administrative review", colSpan: 5 },
      { kind: "header", text: "行政诉讼", gloss: "Administrative litigation", colSpan: 10 },
    ],
    [
      ...outcomes(2),
      { kind: "header", text: "未经复议直接起诉", gloss: "Sued directly, without prior review", colSpan: 5 },
      { kind: "header", text: "复议后起诉", gloss: "Sued after review", colSpan: 5 },
    ],
    [...outcomes(), ...outcomes()],
  ],
  body: [T4_GROUPS.flatMap((g) => T4_OUTCOMES.map((o): FormatCell => ({ kind: "value", key: t4Key(g, o) })))],
  columnWidths: Array.from({ length: 15 }, () => 1),
};
