import { groundByKey, type Localized, type NonDisclosureGround } from "../../../app/plugin-api";
import { FEE_NOTICE } from "./reply-clock";

/**
 * The rows of annual report table 三 (国办公开办函〔2021〕30号), in the form's order. Every reply to an
 * application is counted in exactly one outcome row, so the outcome rows are the reply types.
 * Labels are the form's wording, numbering included; `basis` is where the spec says the reply
 * comes from, `confirmed: false` where the spec tags it [M] or names no article.
 */

export interface LegalBasis {
  cite: Localized;
  /** 条例 article and 项, where the basis is the Regulation. */
  article?: number;
  item?: number;
  confirmed: boolean;
}

/** count: a data row outside 三; heading and group: label cells without data; outcome: a reply type. */
export type RowKind = "count" | "heading" | "group" | "outcome" | "total";

export const TABLE_THREE_ROW_KEYS = [
  "received",
  "carried_over",
  "results",
  "disclosed",
  "partly_disclosed",
  "withheld",
  "withheld.state_secret",
  "withheld.prohibited_by_law",
  "withheld.security_stability",
  "withheld.third_party",
  "withheld.internal_affairs",
  "withheld.process_information",
  "withheld.enforcement_case_file",
  "withheld.administrative_query",
  "unavailable",
  "unavailable.not_held",
  "unavailable.needs_creation",
  "unavailable.still_unclear",
  "not_processed",
  "not_processed.petition",
  "not_processed.repeated",
  "not_processed.publication",
  "not_processed.excessive",
  "not_processed.reissue",
  "other",
  "other.no_supplement",
  "other.fee_unpaid",
  "other.other",
  "handled_total",
  "carried_forward",
] as const;
export type TableThreeRowKey = (typeof TABLE_THREE_ROW_KEYS)[number];

export interface TableThreeRow {
  key: TableThreeRowKey;
  kind: RowKind;
  /** How the spec refers to the row: "一", "（三）", "（六）1". */
  ref: string;
  /** The printed numbering that starts the label: "一、", "（三）", "1.". */
  number: string;
  /** The row label as printed, numbering included. */
  label: Localized;
  /** The label as a reply type, where the printed one carries a counting rule for the report. */
  replyLabel?: Localized;
  parent?: TableThreeRowKey;
  basis: readonly LegalBasis[];
  /** The 条例 Art 14–16 ground (classification/grounds.ts) a 不予公开 row counts. */
  groundKey?: string;
  note?: string;
}

export type ReportFormat = "2021" | "2019";

export const REPORT_FORMATS: Record<ReportFormat, Localized> = {
  "2021": {
    "zh-CN": "国办公开办函〔2021〕30号",
    "zh-TW": "國辦公開辦函〔2021〕30號",
    en: "State Council General Office disclosure office letter [2021] No. 30 (annual report format)",
  },
  "2019": {
    "zh-CN": "国办公开办函〔2019〕60号",
    "zh-TW": "國辦公開辦函〔2019〕60號",
    en: "State Council General Office disclosure office letter [2019] No. 60 (trial annual report format)",
  },
};

const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const digit = (n: number): string => DIGITS[n] ?? "";

/** 1–99 as written in article numbers: 14 → 十四, 36 → 三十六. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`Not an article number: ${n}`);
  if (n < 10) return digit(n);
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? "" : digit(tens)}十${digit(n % 10)}`;
}

export function article(n: number, item?: number, confirmed = true): LegalBasis {
  const zhItem = item === undefined ? "" : `第（${chineseNumeral(item)}）`;
  return {
    cite: {
      "zh-CN": `《政府信息公开条例》第${chineseNumeral(n)}条${zhItem && `${zhItem}项`}`,
      "zh-TW": `《政府信息公開條例》第${chineseNumeral(n)}條${zhItem && `${zhItem}項`}`,
      en: `Regulation on Open Government Information, Art. ${n}${item === undefined ? "" : `(${item})`}`,
    },
    article: n,
    ...(item === undefined ? {} : { item }),
    confirmed,
  };
}

/** The row exists because the report format has it; used where the spec names no article. */
const formatRow = (confirmed: boolean): LegalBasis => ({ cite: REPORT_FORMATS["2021"], confirmed });
/** Art 50(二): the report states applications received and handled. */
const REPORTED = [article(50, 2), formatRow(true)] as const;

function ground(key: string): NonDisclosureGround {
  const g = groundByKey(key);
  if (!g) throw new Error(`grounds.ts has no ground ${key}`);
  return g;
}

/** The printed numbering follows from the ref: "一" → "一、", "（三）" stays, "（三）8" → "8.". */
function numbering(ref: string): string {
  const sub = /(\d+)$/.exec(ref);
  if (sub) return `${sub[1]}.`;
  return ref.startsWith("（") ? ref : `${ref}、`;
}

type Extra = Pick<TableThreeRow, "parent" | "groundKey" | "note" | "replyLabel">;

/** `text` is the label after its numbering; English carries its own. */
function row(
  key: TableThreeRowKey,
  kind: RowKind,
  ref: string,
  text: Localized,
  basis: readonly LegalBasis[],
  extra: Extra = {},
): TableThreeRow {
  const number = numbering(ref);
  const label = { "zh-CN": number + text["zh-CN"], "zh-TW": number + text["zh-TW"], en: text.en };
  return { key, kind, ref, number, label, basis, ...extra };
}

const labels = (zhCN: string, zhTW: string, en: string): Localized => ({ "zh-CN": zhCN, "zh-TW": zhTW, en });

/** Rows counted under an Art 14–16 ground take their wording from grounds.ts. */
function withheldRow(key: TableThreeRowKey, n: number, groundKey: string, zhTW: string): TableThreeRow {
  const g = ground(groundKey);
  const text = labels(g.reportLabel, zhTW, `${n}. ${g.en}`);
  return row(key, "outcome", `（三）${n}`, text, [article(g.article), article(36, 3)], { parent: "withheld", groundKey });
}

const OF_RESULTS = { parent: "results" } as const;

export const TABLE_THREE_ROWS: readonly TableThreeRow[] = [
  row(
    "received",
    "count",
    "一",
    labels("本年新收政府信息公开申请数量", "本年新收政府信息公開申請數量", "I. Applications received this year"),
    REPORTED,
  ),
  row(
    "carried_over",
    "count",
    "二",
    labels("上年结转政府信息公开申请数量", "上年結轉政府信息公開申請數量", "II. Applications carried over from last year"),
    REPORTED,
  ),
  row("results", "heading", "三", labels("本年度办理结果", "本年度辦理結果", "III. Results this year"), REPORTED),
  row(
    "disclosed",
    "outcome",
    "（一）",
    labels("予以公开", "予以公開", "(1) Disclosed"),
    [article(36, 2), article(36, 1, false)],
    {
      ...OF_RESULTS,
      note: "Counting Art 36(一) 已经主动公开 here is common practice, not text (spec [M]).",
    },
  ),
  row(
    "partly_disclosed",
    "outcome",
    "（二）",
    labels(
      "部分公开（区分处理的，只计这一情形，不计其他情形）",
      "部分公開（區分處理的，只計這一情形，不計其他情形）",
      "(2) Partly disclosed (an application handled by redaction counts here only, under no other result)",
    ),
    [article(37)],
    { ...OF_RESULTS, replyLabel: labels("（二）部分公开", "（二）部分公開", "(2) Partly disclosed") },
  ),

  row("withheld", "group", "（三）", labels("不予公开", "不予公開", "(3) Not disclosed"), [article(36, 3)], OF_RESULTS),
  withheldRow("withheld.state_secret", 1, "art14.state_secret", "屬於國家秘密"),
  withheldRow("withheld.prohibited_by_law", 2, "art14.prohibited_by_law", "其他法律行政法規禁止公開"),
  withheldRow("withheld.security_stability", 3, "art14.security_stability", '危及"三安全一穩定"'),
  withheldRow("withheld.third_party", 4, "art15.third_party", "保護第三方合法權益"),
  withheldRow("withheld.internal_affairs", 5, "art16.internal_affairs", "屬於三類內部事務信息"),
  withheldRow("withheld.process_information", 6, "art16.process_information", "屬於四類過程性信息"),
  withheldRow("withheld.enforcement_case_file", 7, "art16.enforcement_case_file", "屬於行政執法案卷"),
  row(
    "withheld.administrative_query",
    "outcome",
    "（三）8",
    labels(
      "属于行政查询事项",
      "屬於行政查詢事項",
      "8. An administrative query (a request for a look-up or check, not for information)",
    ),
    [article(36, 3, false), formatRow(true)],
    { parent: "withheld", note: "The spec names no ground article; Art 36(三) is the reply a 不予公开 decision takes." },
  ),

  row(
    "unavailable",
    "group",
    "（四）",
    labels("无法提供", "無法提供", "(4) Cannot be provided"),
    [article(36, 4), article(36, 5), article(38)],
    OF_RESULTS,
  ),
  row(
    "unavailable.not_held",
    "outcome",
    "（四）1",
    labels("本机关不掌握相关政府信息", "本機關不掌握相關政府信息", "1. This agency does not hold the information"),
    [article(36, 4), article(36, 5)],
    { parent: "unavailable" },
  ),
  row(
    "unavailable.needs_creation",
    "outcome",
    "（四）2",
    labels("没有现成信息需要另行制作", "沒有現成信息需要另行製作", "2. No existing information; it would have to be created"),
    [article(38)],
    { parent: "unavailable" },
  ),
  row(
    "unavailable.still_unclear",
    "outcome",
    "（四）3",
    labels("补正后申请内容仍不明确", "補正後申請內容仍不明確", "3. Still unclear after supplementing"),
    [article(30, undefined, false), formatRow(true)],
    { parent: "unavailable", note: "The spec maps this row to no article; Art 30 is the 补正 procedure that precedes it." },
  ),

  row(
    "not_processed",
    "group",
    "（五）",
    labels("不予处理", "不予處理", "(5) Not processed"),
    [article(35), article(36, 6), article(39)],
    OF_RESULTS,
  ),
  row(
    "not_processed.petition",
    "outcome",
    "（五）1",
    labels("信访举报投诉类申请", "信訪舉報投訴類申請", "1. Petitions, reports or complaints made as applications"),
    [article(39)],
    { parent: "not_processed" },
  ),
  row(
    "not_processed.repeated",
    "outcome",
    "（五）2",
    labels("重复申请", "重複申請", "2. Repeated application"),
    [article(36, 6)],
    {
      parent: "not_processed",
    },
  ),
  row(
    "not_processed.publication",
    "outcome",
    "（五）3",
    labels("要求提供公开出版物", "要求提供公開出版物", "3. Request for published materials"),
    [article(39)],
    { parent: "not_processed" },
  ),
  row(
    "not_processed.excessive",
    "outcome",
    "（五）4",
    labels("无正当理由大量反复申请", "無正當理由大量反覆申請", "4. Large numbers of repeated applications without good reason"),
    [article(35)],
    { parent: "not_processed" },
  ),
  row(
    "not_processed.reissue",
    "outcome",
    "（五）5",
    labels(
      "要求行政机关确认或重新出具已获取信息",
      "要求行政機關確認或重新出具已獲取信息",
      "5. Request that the agency confirm or reissue information already obtained",
    ),
    [formatRow(false)],
    { parent: "not_processed", note: "The spec names no article of the Regulation for this reply; only the report row." },
  ),

  row("other", "group", "（六）", labels("其他处理", "其他處理", "(6) Other handling"), [formatRow(true)], {
    ...OF_RESULTS,
    note: "A single data row in the 2019 trial format.",
  }),
  row(
    "other.no_supplement",
    "outcome",
    "（六）1",
    labels(
      "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
      "申請人無正當理由逾期不補正、行政機關不再處理其政府信息公開申請",
      "1. The applicant missed the deadline to supplement without good reason; the application is no longer processed",
    ),
    [article(30)],
    { parent: "other" },
  ),
  row(
    "other.fee_unpaid",
    "outcome",
    "（六）2",
    labels(
      "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
      "申請人逾期未按收費通知要求繳納費用、行政機關不再處理其政府信息公開申請",
      "2. The applicant did not pay as the fee notice required in time; the application is no longer processed",
    ),
    [article(42), { cite: FEE_NOTICE.basis, confirmed: FEE_NOTICE.confirmed }],
    { parent: "other" },
  ),
  row("other.other", "outcome", "（六）3", labels("其他", "其他", "3. Other"), [formatRow(true)], {
    parent: "other",
    note: "The article applied is the one the case records.",
  }),

  row("handled_total", "total", "（七）", labels("总计", "總計", "(7) Total"), REPORTED, OF_RESULTS),
  row(
    "carried_forward",
    "count",
    "四",
    labels("结转下年度继续办理", "結轉下年度繼續辦理", "IV. Carried over to next year"),
    REPORTED,
  ),
];

const BY_KEY = new Map(TABLE_THREE_ROWS.map((r) => [r.key, r]));

export function tableThreeRow(key: TableThreeRowKey): TableThreeRow {
  const r = BY_KEY.get(key);
  if (!r) throw new Error(`Unknown table 三 row: ${key}`);
  return r;
}

export function childrenOf(key: TableThreeRowKey): TableThreeRow[] {
  return TABLE_THREE_ROWS.filter((r) => r.parent === key);
}

/** The rows an application's result is counted in. The 2019 trial format has (六) as one row. */
export function replyTypes(format: ReportFormat = "2021"): TableThreeRow[] {
  return TABLE_THREE_ROWS.filter((r) =>
    format === "2019" ? (r.kind === "outcome" && r.parent !== "other") || r.key === "other" : r.kind === "outcome",
  );
}

export type ReplyTypeKey = Extract<
  TableThreeRowKey,
  | `withheld.${string}`
  | `unavailable.${string}`
  | `not_processed.${string}`
  | `other.${string}`
  | "disclosed"
  | "partly_disclosed"
>;
