import type { FormatCell, FormatTable } from "./format";

/**
 * Table 二 of 国办公开办函〔2021〕30号 (legal-spec §2.2): four blocks, each under its 第二十条第（X）项
 * heading with a 信息内容 sub-header row. （一） is computed by the disclosure plugin
 * (`disclosure.rules.*`, `disclosure.normative.*`). No plugin provides （五）（六）（八） yet, so the
 * drafter enters them; their keys are chosen here for the plugins that will (a key is prefixed with
 * the id of the plugin expected to declare it):
 * - `pollution-sources.t2.permits` — （五）行政许可, decisions this year (the pollution-source register);
 * - `pollution-sources.t2.penalties`, `pollution-sources.t2.enforcement` — （六）行政处罚, 行政强制;
 * - `fees.t2.charges` — （八）行政事业性收费 in 万元. Two decimals, to the 百元, as statistical tables
 *   print 万元: a total with more precision is rounded by the drafter, who says so in the note.
 */

export const T2_KEYS = {
  rulesIssued: "disclosure.rules.issued",
  rulesRepealed: "disclosure.rules.repealed",
  rulesValid: "disclosure.rules.valid",
  normativeIssued: "disclosure.normative.issued",
  normativeRepealed: "disclosure.normative.repealed",
  normativeValid: "disclosure.normative.valid",
  permits: "pollution-sources.t2.permits",
  penalties: "pollution-sources.t2.penalties",
  enforcement: "pollution-sources.t2.enforcement",
  charges: "fees.t2.charges",
} as const;

/** 万元 to two decimals. */
export const T2_CHARGES_DECIMALS = 2;

const heading = (text: string, gloss: string): FormatCell[] => [{ kind: "header", text, gloss, colSpan: 4 }];
const content = (columns: [string, string][]): FormatCell[] => [
  { kind: "header", text: "信息内容", gloss: "Information" },
  ...columns.map(([text, gloss]): FormatCell => ({ kind: "header", text, gloss, ...(columns.length === 1 ? { colSpan: 3 } : {}) })),
];
const label = (text: string, gloss: string): FormatCell => ({ kind: "label", text, gloss });
const wideValue = (key: string, decimals?: number): FormatCell => ({ kind: "value", key, colSpan: 3, ...(decimals ? { decimals } : {}) });

const DECISIONS: [string, string] = ["本年处理决定数量", "Decisions this year"];

export const TABLE_TWO_2021: FormatTable = {
  key: "t2",
  title: "二、主动公开政府信息情况",
  gloss: "II. Government information disclosed proactively",
  head: [],
  body: [
    heading("第二十条第（一）项", "Article 20(1)"),
    content([
      ["本年制发件数", "Issued this year"],
      ["本年废止件数", "Repealed this year"],
      ["现行有效件数", "In force"],
    ]),
    [label("规章", "Rules"), ...[T2_KEYS.rulesIssued, T2_KEYS.rulesRepealed, T2_KEYS.rulesValid].map((key): FormatCell => ({ kind: "value", key }))],
    [
      label("行政规范性文件", "Administrative normative documents"),
      ...[T2_KEYS.normativeIssued, T2_KEYS.normativeRepealed, T2_KEYS.normativeValid].map((key): FormatCell => ({ kind: "value", key })),
    ],
    heading("第二十条第（五）项", "Article 20(5)"),
    content([DECISIONS]),
    [label("行政许可", "Administrative licensing"), wideValue(T2_KEYS.permits)],
    heading("第二十条第（六）项", "Article 20(6)"),
    content([DECISIONS]),
    [label("行政处罚", "Administrative penalties"), wideValue(T2_KEYS.penalties)],
    [label("行政强制", "Administrative compulsory measures"), wideValue(T2_KEYS.enforcement)],
    heading("第二十条第（八）项", "Article 20(8)"),
    content([["本年收费金额（单位：万元）", "Fees collected this year (10,000 yuan)"]]),
    [label("行政事业性收费", "Administrative fees"), wideValue(T2_KEYS.charges, T2_CHARGES_DECIMALS)],
  ],
  columnWidths: [6, 4, 4, 4],
};
