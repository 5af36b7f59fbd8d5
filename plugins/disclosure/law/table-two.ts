import type { Locale, Localized } from "../../../app/plugin-api";

/**
 * Annual report table 二, 第二十条第（一）项 (国办公开办函〔2021〕30号): 规章 and 行政规范性文件, each with
 * 本年制发件数, 本年废止件数 and 现行有效件数. The format (国办公开办函〔2021〕30号) names the columns
 * and says no more; how the platform counts them is ours, written here and shown beside the figures.
 *
 * Every item is counted by its state on 31 December of the report year, and so that the three
 * columns agree across years: last year's 现行有效 + 本年制发 − 本年废止 = this year's 现行有效.
 * - An item enters on the later of its 成文日期 and its 施行日期: that is when it has been both made
 *   and put in force. One made in December and in force from January is 制发 in the year it takes
 *   effect, the year it first counts as 现行有效.
 * - It leaves on its 失效或废止日期 (never before it entered). 失效 (有效期届满) leaves 现行有效 as
 *   废止 does, and the format has no column of its own for it, so 本年废止件数 counts both.
 * - A withdrawn record (撤回) counts nowhere: the catalogue took it back, and a corrected one
 *   published again in its place is the one counted.
 */

export const TABLE_TWO_KINDS = ["rule", "normative"] as const;
export type TableTwoKind = (typeof TABLE_TWO_KINDS)[number];

export const TABLE_TWO_COLUMNS = ["issued", "repealed", "valid"] as const;
export type TableTwoColumn = (typeof TABLE_TWO_COLUMNS)[number];

/** The 有效性 values that take an item out of 现行有效 on its 失效或废止日期. */
export const ENDING_VALIDITY = ["expired", "repealed"] as const;

/** The table's heading as the format prints it (国办公开办函〔2021〕30号, 二). */
export const TABLE_TWO_TITLE: Localized = {
  "zh-CN": "二、主动公开政府信息情况",
  "zh-TW": "二、主動公開政府信息情況",
  en: "II. Government information disclosed proactively",
};

export const TABLE_TWO_SOURCE: Localized = {
  "zh-CN": "《中华人民共和国政府信息公开条例》第二十条第（一）项；国办公开办函〔2021〕30号 年度报告格式表二",
  "zh-TW": "《中華人民共和國政府信息公開條例》第二十條第（一）項；國辦公開辦函〔2021〕30號 年度報告格式表二",
  en: "Regulations on Open Government Information, Art. 20(1); annual report format of 国办公开办函〔2021〕30号, table II",
};

/** What each column counts, as staff read it beside the figures. */
export const TABLE_TWO_RULES: Record<TableTwoColumn, Localized> = {
  issued: {
    "zh-CN": "本年制发件数：成文日期和施行日期（未填写施行日期的按成文日期）中较晚的一日在本年内的件数。本年成文、次年施行的，计入施行当年。",
    "zh-TW": "本年制發件數：成文日期和施行日期（未填寫施行日期的按成文日期）中較晚的一日在本年內的件數。本年成文、次年施行的，計入施行當年。",
    en: "Issued this year: items whose later of the date written and the date in force (the date written if none is given) falls in the year. One written this year and in force next year counts next year.",
  },
  repealed: {
    "zh-CN": "本年废止件数：有效性为“废止”或“失效”、失效或废止日期在本年内的件数。失效（有效期届满）与废止一样退出现行有效，表中没有单列，一并计入本列。",
    "zh-TW": "本年廢止件數：有效性為「廢止」或「失效」、失效或廢止日期在本年內的件數。失效（有效期屆滿）與廢止一樣退出現行有效，表中沒有單列，一併計入本欄。",
    en: "Repealed this year: items marked repealed or expired whose end date falls in the year. An expired item leaves the in-force count as a repealed one does; the table has no column of its own for it, so it is counted here.",
  },
  valid: {
    "zh-CN": "现行有效件数：截至本年12月31日已施行、未失效也未废止的件数（失效或废止日期为12月31日的不计入）。上年现行有效件数 + 本年制发件数 − 本年废止件数 = 本年现行有效件数。",
    "zh-TW": "現行有效件數：截至本年12月31日已施行、未失效也未廢止的件數（失效或廢止日期為12月31日的不計入）。上年現行有效件數 + 本年制發件數 − 本年廢止件數 = 本年現行有效件數。",
    en: "In force: items in force on 31 December, neither expired nor repealed by then (one ending on 31 December is not counted). Last year's in force + issued this year − repealed this year = in force this year.",
  },
};

/** Withdrawn records count in no column. */
export const TABLE_TWO_WITHDRAWN: Localized = {
  "zh-CN": "已撤回的信息不计入表二。",
  "zh-TW": "已撤回的信息不計入表二。",
  en: "Withdrawn items are not counted in table II.",
};

export interface TableTwoDates {
  writtenOn: string;
  validFrom: string | null;
  validity: string | null;
  endedOn: string | null;
}

/** The day an item enters 现行有效: the later of its 成文日期 and its 施行日期. */
export function entersOn(item: TableTwoDates): string {
  return item.validFrom && item.validFrom > item.writtenOn ? item.validFrom : item.writtenOn;
}

/** The day it leaves, or null while in force: its 失效或废止日期, never before it entered. */
export function leavesOn(item: TableTwoDates): string | null {
  if (!item.endedOn || !(ENDING_VALIDITY as readonly string[]).includes(item.validity ?? "")) return null;
  const entered = entersOn(item);
  return item.endedOn > entered ? item.endedOn : entered;
}

/** One item's contribution to each column of the year (0 or 1), by its state on 31 December. */
export function countedIn(item: TableTwoDates, year: number): Record<TableTwoColumn, 0 | 1> {
  const [start, end] = [`${year}-01-01`, `${year}-12-31`];
  const enters = entersOn(item);
  const leaves = leavesOn(item);
  const inYear = (d: string | null) => (d !== null && d >= start && d <= end ? 1 : 0);
  return { issued: inYear(enters), repealed: inYear(leaves), valid: enters <= end && (leaves === null || leaves > end) ? 1 : 0 };
}

/**
 * The rules as the `disclosure` namespace carries them (locales/index.ts), so that each report
 * figure's description (`disclosure:tableTwo.<column>`) is this text and nothing else: the column's
 * rule, then that withdrawn records count nowhere.
 */
export function tableTwoLocale(locale: Locale): { tableTwo: Record<TableTwoColumn | "source", string> } {
  const space = locale === "en" ? " " : "";
  const described = (c: TableTwoColumn) => `${TABLE_TWO_RULES[c][locale]}${space}${TABLE_TWO_WITHDRAWN[locale]}`;
  return { tableTwo: { issued: described("issued"), repealed: described("repealed"), valid: described("valid"), source: TABLE_TWO_SOURCE[locale] } };
}
