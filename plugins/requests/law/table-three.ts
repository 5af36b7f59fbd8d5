import type { Localized } from "../../../app/plugin-api";
import { APPLICANT_TYPES, TABLE_THREE_COLUMNS, columnLabel, type TableThreeColumn } from "./applicants";
import { TABLE_THREE_ROWS, replyTypes, tableThreeRow, type ReportFormat, type TableThreeRowKey } from "./reply-types";

/** Annual report table 三 and the identities its cells must satisfy (国办公开办函〔2021〕30号). */

export const TABLE_THREE_TITLE: Localized = {
  "zh-CN": "三、收到和处理政府信息公开申请情况",
  "zh-TW": "三、收到和處理政府信息公開申請情況",
  en: "III. Applications for government information received and handled",
};

/** The merged top-left cell, printed on the form. */
export const TABLE_THREE_CORNER: Localized = {
  "zh-CN": "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
  "zh-TW": "（本列數據的勾稽關係為：第一項加第二項之和，等於第三項加第四項之和）",
  en: "(In each column: item I plus item II equals item III plus item IV)",
};

/** Cells by row and column; a missing cell is 0, as a blank in a published report. */
export type TableThreeCells = Partial<Record<TableThreeRowKey, Partial<Record<TableThreeColumn, number>>>>;

export type IdentityKey = "balance" | "results_total" | "row_total" | "cell_value" | "carried_over";

export interface Identity {
  key: IdentityKey;
  label: Localized;
  /** printed: on the form [V]; derived: follows from it, used by validation tools. */
  source: "printed" | "derived";
  /** A soft check warns; the others are errors. */
  soft: boolean;
}

export const TABLE_THREE_IDENTITIES: Record<IdentityKey, Identity> = {
  balance: {
    key: "balance",
    label: { "zh-CN": "一 + 二 = 三（七）总计 + 四", "zh-TW": "一 + 二 = 三（七）總計 + 四", en: "I + II = III (7) Total + IV" },
    source: "printed",
    soft: false,
  },
  results_total: {
    key: "results_total",
    label: {
      "zh-CN": "（七）总计 = 各办理结果之和",
      "zh-TW": "（七）總計 = 各辦理結果之和",
      en: "(7) Total = sum of the results",
    },
    source: "derived",
    soft: false,
  },
  row_total: {
    key: "row_total",
    label: {
      "zh-CN": "总计 = 自然人 + 法人或其他组织各列之和",
      "zh-TW": "總計 = 自然人 + 法人或其他組織各列之和",
      en: "Total = natural persons + every organisation column",
    },
    source: "derived",
    soft: false,
  },
  cell_value: {
    key: "cell_value",
    label: { "zh-CN": "各项数据为非负整数", "zh-TW": "各項數據為非負整數", en: "Every cell is a whole number ≥ 0" },
    source: "derived",
    soft: false,
  },
  carried_over: {
    key: "carried_over",
    label: { "zh-CN": "本年二 = 上年四", "zh-TW": "本年二 = 上年四", en: "This year's II = last year's IV" },
    source: "derived",
    soft: true,
  },
};

/** Rows that hold numbers, in the form's order. */
export function dataRows(format: ReportFormat = "2021"): TableThreeRowKey[] {
  const counted = new Set<TableThreeRowKey>(replyTypes(format).map((r) => r.key));
  return TABLE_THREE_ROWS.filter((r) => r.kind === "count" || r.kind === "total" || counted.has(r.key)).map((r) => r.key);
}

interface Located {
  soft: boolean;
  /** The rows involved and their printed labels. */
  rows: TableThreeRowKey[];
  rowLabels: string[];
  column: TableThreeColumn;
  columnLabel: string;
}

/** left should equal right; for row_total, left is the 总计 cell and right the applicant columns' sum. */
export type BrokenIdentity =
  | (Located & { identity: Exclude<IdentityKey, "cell_value">; left: number; right: number })
  | (Located & { identity: "cell_value"; value: number });

export interface CheckOptions {
  format?: ReportFormat;
  /** Last year's table, for the soft 二 = last year's 四 check. */
  lastYear?: TableThreeCells;
}

const at = (t: TableThreeCells, row: TableThreeRowKey, col: TableThreeColumn) => t[row]?.[col] ?? 0;

function located(identity: IdentityKey, rows: TableThreeRowKey[], column: TableThreeColumn): Located {
  return {
    soft: TABLE_THREE_IDENTITIES[identity].soft,
    rows,
    rowLabels: rows.map((r) => tableThreeRow(r).label["zh-CN"]),
    column,
    columnLabel: columnLabel(column)["zh-CN"],
  };
}

export function checkTableThree(cells: TableThreeCells, options: CheckOptions = {}): BrokenIdentity[] {
  const format = options.format ?? "2021";
  const rows = dataRows(format);
  const outcomes = replyTypes(format).map((r) => r.key);
  const broken: BrokenIdentity[] = [];
  const sum = (rs: TableThreeRowKey[], cols: readonly TableThreeColumn[]) =>
    rs.reduce((s, r) => s + cols.reduce((c, col) => c + at(cells, r, col), 0), 0);
  const compare = (
    identity: Exclude<IdentityKey, "cell_value">,
    rs: TableThreeRowKey[],
    column: TableThreeColumn,
    left: number,
    right: number,
  ) => {
    if (left !== right) broken.push({ ...located(identity, rs, column), identity, left, right });
  };

  for (const row of rows) {
    for (const column of TABLE_THREE_COLUMNS) {
      const value = cells[row]?.[column];
      if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
        broken.push({ ...located("cell_value", [row], column), identity: "cell_value", value });
      }
    }
  }
  for (const column of TABLE_THREE_COLUMNS) {
    const balance: TableThreeRowKey[] = ["received", "carried_over", "handled_total", "carried_forward"];
    compare(
      "balance",
      balance,
      column,
      sum(["received", "carried_over"], [column]),
      sum(["handled_total", "carried_forward"], [column]),
    );
    compare("results_total", ["handled_total", ...outcomes], column, sum(["handled_total"], [column]), sum(outcomes, [column]));
  }
  for (const row of rows) compare("row_total", [row], "total", at(cells, row, "total"), sum([row], APPLICANT_TYPES));
  const lastYear = options.lastYear;
  if (lastYear) {
    for (const column of TABLE_THREE_COLUMNS) {
      compare(
        "carried_over",
        ["carried_over", "carried_forward"],
        column,
        at(cells, "carried_over", column),
        at(lastYear, "carried_forward", column),
      );
    }
  }
  return broken;
}
