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
  receivedAbout: { "zh-CN": "本年1月1日至今收到的申请件数，按收到申请之日统计（网上申请自确认收到起算）；多少不分好坏。", "zh-TW": "本年1月1日至今收到的申請件數，按收到申請之日統計（網上申請自確認收到起算）；多少不分好壞。", en: "Applications received since 1 January, by date of receipt (an online one once confirmed as received); neither more nor fewer is better." },
  open: { "zh-CN": "当前办理中的申请", "zh-TW": "當前辦理中的申請", en: "Applications open now" },
  openAbout: { "zh-CN": "截至今日已收到、尚未办结的申请件数。", "zh-TW": "截至今日已收到、尚未辦結的申請件數。", en: "Applications received and not yet closed, as of today." },
  openByAge: { "zh-CN": "办理中的申请，按已用工作日分组（不含补正、征求意见等暂停期间）", "zh-TW": "辦理中的申請，按已用工作日分組（不含補正、徵求意見等暫停期間）", en: "Open applications by working days used (pauses for corrections and third-party consultation excluded)" },
  onTime: { "zh-CN": "本年按期答复率", "zh-TW": "本年按期答覆率", en: "Replies on time this year" },
  onTimeAbout: { "zh-CN": "本年办结的申请中，在答复期限（含依法延长）内办结的比例（条例第三十三条）。", "zh-TW": "本年辦結的申請中，在答覆期限（含依法延長）內辦結的比例（條例第三十三條）。", en: "Of the applications closed this year, the share closed within the reply period, extension included (Regulations, Article 33)." },
  onTimeByMonth: { "zh-CN": "近12个月每月按期答复率", "zh-TW": "近12個月每月按期答覆率", en: "Replies on time per month, last 12 months" },
  overdue: { "zh-CN": "当前超期未答复申请", "zh-TW": "當前超期未答覆申請", en: "Applications overdue now" },
  overdueAbout: { "zh-CN": "截至今日已超过答复期限仍未办结的申请件数。", "zh-TW": "截至今日已超過答覆期限仍未辦結的申請件數。", en: "Applications past their reply date and not yet closed, as of today." },
  medianDays: { "zh-CN": "本年答复用时中位数（工作日）", "zh-TW": "本年答覆用時中位數（工作日）", en: "Median reply time this year (working days)" },
  medianDaysAbout: { "zh-CN": "本年办结的申请所用工作日的中位数，不含暂停期间。", "zh-TW": "本年辦結的申請所用工作日的中位數，不含暫停期間。", en: "The median of working days used by the applications closed this year, pauses excluded." },
} satisfies Record<string, Localized>;

/** The age groups of the open applications chart (working days used). */
export const WIDGET_AGE_LABELS = {
  upTo5: { "zh-CN": "0–5日", "zh-TW": "0–5日", en: "0–5 days" },
  upTo10: { "zh-CN": "6–10日", "zh-TW": "6–10日", en: "6–10 days" },
  upTo15: { "zh-CN": "11–15日", "zh-TW": "11–15日", en: "11–15 days" },
  upTo20: { "zh-CN": "16–20日", "zh-TW": "16–20日", en: "16–20 days" },
  over20: { "zh-CN": "20日以上", "zh-TW": "20日以上", en: "over 20 days" },
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
  for (const [key, label] of Object.entries(WIDGET_AGE_LABELS)) setPath(tree, `widgets.age.${key}`, label[locale]);
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
