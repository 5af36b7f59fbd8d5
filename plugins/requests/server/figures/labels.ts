import type { Locale, Localized } from "../../../../app/plugin-api";
import { APPLICANT_TYPES, ORGANISATION_GROUP_LABEL, TABLE_THREE_COLUMNS, columnLabel, type TableThreeColumn } from "../../law/applicants";
import { tableThreeRow, type TableThreeRowKey } from "../../law/reply-types";
import {
  REMEDY_LABELS,
  TABLE_FOUR_COLUMNS,
  TABLE_FOUR_COUNTING,
  TABLE_FOUR_GROUP_INFO,
  TABLE_FOUR_OUTCOME_LABELS,
  TABLE_FOUR_TITLE,
  type TableFourGroup,
  type TableFourOutcome,
} from "../../law/table-four";
import { dataRows, TABLE_THREE_TITLE } from "../../law/table-three";

/**
 * One report figure per data cell of tables 三 and 四, each labelled with the printed wording of its
 * row and column (law/), joined by " / ": a figure's label names its cell without the table around it.
 * report.json is generated from here (write-locales.ts) and checked in; a test keeps the two equal.
 */

const LOCALES: readonly Locale[] = ["zh-CN", "zh-TW", "en"];
const SEPARATOR = " / ";

export interface TableThreeCell {
  row: TableThreeRowKey;
  column: TableThreeColumn;
  key: string;
  /** The i18n key in the `requests` namespace, without the namespace. */
  labelKey: string;
}
export interface TableFourCell {
  group: TableFourGroup;
  outcome: TableFourOutcome;
  key: string;
  labelKey: string;
  /** How a case is counted across years (law/table-four.ts, TABLE_FOUR_COUNTING). */
  descriptionKey: string;
}

const TABLE_FOUR_COUNTING_KEY = "figures.t4.counting";

export const TABLE_THREE_CELLS: readonly TableThreeCell[] = dataRows("2021").flatMap((row) =>
  TABLE_THREE_COLUMNS.map((column) => ({ row, column, key: `requests.t3.${row}.${column}`, labelKey: `figures.t3.${row}.${column}` })),
);

export const TABLE_FOUR_CELLS: readonly TableFourCell[] = TABLE_FOUR_COLUMNS.map(({ group, outcome }) => ({
  group,
  outcome,
  key: `requests.t4.${group}.${outcome}`,
  labelKey: `figures.t4.${group}.${outcome}`,
  descriptionKey: TABLE_FOUR_COUNTING_KEY,
}));

/** The row's label under its heading and group: "三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密". */
function rowPath(key: TableThreeRowKey): Localized[] {
  const row = tableThreeRow(key);
  return row.parent ? [...rowPath(row.parent), row.label] : [row.label];
}

function columnPath(column: TableThreeColumn): Localized[] {
  const organisation = (APPLICANT_TYPES as readonly string[]).includes(column) && column !== "natural";
  return organisation ? [ORGANISATION_GROUP_LABEL, columnLabel(column)] : [columnLabel(column)];
}

function tableFourPath(group: TableFourGroup, outcome: TableFourOutcome): Localized[] {
  const info = TABLE_FOUR_GROUP_INFO.find((g) => g.key === group)!;
  return [REMEDY_LABELS[info.remedy], ...(info.label ? [info.label] : []), TABLE_FOUR_OUTCOME_LABELS[outcome]];
}

const joined = (parts: Localized[], locale: Locale) => parts.map((p) => p[locale]).join(SEPARATOR);

export const WIDGET_LABELS = {
  received: { "zh-CN": "本年收到政府信息公开申请", "zh-TW": "本年收到政府信息公開申請", en: "Applications received this year" },
  onTime: { "zh-CN": "本年按期答复率", "zh-TW": "本年按期答覆率", en: "Replies on time this year" },
  overdue: { "zh-CN": "当前超期未答复申请", "zh-TW": "當前超期未答覆申請", en: "Applications overdue now" },
  medianDays: { "zh-CN": "本年答复用时中位数（工作日）", "zh-TW": "本年答覆用時中位數（工作日）", en: "Median reply time this year (working days)" },
} satisfies Record<string, Localized>;

type Tree = { [key: string]: string | Tree };

function setPath(tree: Tree, path: string, value: string) {
  const parts = path.split(".");
  let node = tree;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Tree;
  node[parts.at(-1)!] = value;
}

/** The headings of the report sections (tables 三 and 四), as the format prints them. */
export const SECTION_TITLES = { t3: TABLE_THREE_TITLE, t4: TABLE_FOUR_TITLE } satisfies Record<string, Localized>;

/** What report.json holds for one language: { sections, figures: { t3, t4 (with the counting rule) }, widgets }. */
export function reportLocale(locale: Locale): Tree {
  const tree: Tree = {};
  for (const [key, title] of Object.entries(SECTION_TITLES)) setPath(tree, `sections.${key}`, title[locale]);
  for (const c of TABLE_THREE_CELLS) setPath(tree, c.labelKey, joined([...rowPath(c.row), ...columnPath(c.column)], locale));
  for (const c of TABLE_FOUR_CELLS) setPath(tree, c.labelKey, joined(tableFourPath(c.group, c.outcome), locale));
  setPath(tree, TABLE_FOUR_COUNTING_KEY, TABLE_FOUR_COUNTING[locale]);
  for (const [key, label] of Object.entries(WIDGET_LABELS)) setPath(tree, `widgets.${key}`, label[locale]);
  return tree;
}

/** Hand-formatted JSON: an object of strings on one line, anything deeper indented. */
export function formatLocale(tree: Tree, indent = ""): string {
  const entries = Object.entries(tree);
  if (entries.every(([, v]) => typeof v === "string")) {
    return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(", ")} }`;
  }
  const inner = indent + "  ";
  const lines = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${typeof v === "string" ? JSON.stringify(v) : formatLocale(v, inner)}`);
  return `{\n${lines.join(",\n")}\n${indent}}`;
}

export const reportLocaleText = (locale: Locale) => formatLocale(reportLocale(locale)) + "\n";
export { LOCALES as REPORT_LOCALES };
