import type { CrossYearCheck, Identity } from "./format";
import { T3_APPLICANT_COLUMNS, T3_COLUMNS, T3_DATA_ROWS, T3_OUTCOME_ROWS, t3Key } from "./table-three-2021";
import { T4_GROUPS, t4Key } from "./table-four-2021";

/**
 * The identities of legal-spec §2.3 and §2.4 as sums of figure cells, so a check is data: one
 * evaluator, and a problem names exactly the cells of the identity it breaks.
 * - t3.balance (printed on the form): per column, 一 + 二 = （七）总计 + 四;
 * - t3.results_total (derived, 明细合计): per column, （七）总计 = the 21 outcome rows;
 * - t3.row_total (derived, 横向总计): per row, 总计 = the six applicant columns;
 * - t4.group_total (derived): per group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
 */
export const IDENTITIES_2021: Identity[] = [
  ...T3_COLUMNS.map((c): Identity => ({
    rule: "t3.balance",
    left: [t3Key("received", c), t3Key("carried_over", c)],
    right: [t3Key("handled_total", c), t3Key("carried_forward", c)],
  })),
  ...T3_COLUMNS.map((c): Identity => ({ rule: "t3.results_total", left: [t3Key("handled_total", c)], right: T3_OUTCOME_ROWS.map((r) => t3Key(r, c)) })),
  ...T3_DATA_ROWS.map((r): Identity => ({ rule: "t3.row_total", left: [t3Key(r, "total")], right: T3_APPLICANT_COLUMNS.map((c) => t3Key(r, c)) })),
  ...T4_GROUPS.map((g): Identity => ({
    rule: "t4.group_total",
    left: [t4Key(g, "total")],
    right: (["upheld", "corrected", "other", "pending"] as const).map((o) => t4Key(g, o)),
  })),
];

/** Soft (derived): this year's 二、上年结转 = last year's 四、结转下年度继续办理, per column. */
export const CROSS_YEAR_2021: CrossYearCheck[] = T3_COLUMNS.map((c) => ({
  rule: "t3.carried_over",
  thisYear: t3Key("carried_over", c),
  lastYear: t3Key("carried_forward", c),
}));
