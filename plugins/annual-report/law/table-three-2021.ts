import type { FormatCell, FormatTable } from "./format";

/**
 * Table 三 of 国办公开办函〔2021〕30号 (legal-spec §2.3): a 3×3 corner, 申请人情况 over seven columns,
 * and 25 data rows — 一, 二, the 22 rows of 三、本年度办理结果, 四. Figure keys are those the requests
 * plugin declares, `requests.t3.<row>.<column>` (copied here: a plugin imports no other plugin).
 */

export const T3_COLUMNS = ["natural", "business", "research", "public_interest", "legal_service", "other_org", "total"] as const;
export type T3Column = (typeof T3_COLUMNS)[number];
export const T3_APPLICANT_COLUMNS = T3_COLUMNS.filter((c) => c !== "total");

export const t3Key = (row: string, column: T3Column) => `requests.t3.${row}.${column}`;

interface Row {
  row: string;
  text: string;
  gloss: string;
}

const row = (key: string, text: string, gloss: string): Row => ({ row: key, text, gloss });

/** The numbered items under a group: （三）1–8, （四）1–3, （五）1–5, （六）1–3. */
export const T3_GROUPS: { row: string; text: string; gloss: string; items: Row[] }[] = [
  {
    row: "withheld",
    text: "（三）不予公开",
    gloss: "(3) Not disclosed",
    items: [
      row("withheld.state_secret", "1.属于国家秘密", "1. State secret"),
      row("withheld.prohibited_by_law", "2.其他法律行政法规禁止公开", "2. Disclosure prohibited by other laws or administrative regulations"),
      row("withheld.security_stability", '3.危及"三安全一稳定"', "3. Would endanger national, public, economic security or social stability"),
      row("withheld.third_party", "4.保护第三方合法权益", "4. Protecting a third party's lawful rights"),
      row("withheld.internal_affairs", "5.属于三类内部事务信息", "5. Internal affairs information (three kinds)"),
      row("withheld.process_information", "6.属于四类过程性信息", "6. Process information (four kinds)"),
      row("withheld.enforcement_case_file", "7.属于行政执法案卷", "7. Administrative enforcement case file"),
      row("withheld.administrative_query", "8.属于行政查询事项", "8. Administrative query"),
    ],
  },
  {
    row: "unavailable",
    text: "（四）无法提供",
    gloss: "(4) Cannot be provided",
    items: [
      row("unavailable.not_held", "1.本机关不掌握相关政府信息", "1. This office does not hold the information"),
      row("unavailable.needs_creation", "2.没有现成信息需要另行制作", "2. No existing information; it would have to be created"),
      row("unavailable.still_unclear", "3.补正后申请内容仍不明确", "3. Still unclear after supplementing"),
    ],
  },
  {
    row: "not_processed",
    text: "（五）不予处理",
    gloss: "(5) Not processed",
    items: [
      row("not_processed.petition", "1.信访举报投诉类申请", "1. Petitions, reports or complaints"),
      row("not_processed.repeated", "2.重复申请", "2. Repeated application"),
      row("not_processed.publication", "3.要求提供公开出版物", "3. Request for published materials"),
      row("not_processed.excessive", "4.无正当理由大量反复申请", "4. Large numbers of repeated applications without good reason"),
      row("not_processed.reissue", "5.要求行政机关确认或重新出具已获取信息", "5. Request to confirm or reissue information already obtained"),
    ],
  },
  {
    row: "other",
    text: "（六）其他处理",
    gloss: "(6) Other handling",
    items: [
      row(
        "other.no_supplement",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "1. Not supplemented in time without good reason; no longer processed",
      ),
      row(
        "other.fee_unpaid",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "2. Fee not paid as the notice required in time; no longer processed",
      ),
      row("other.other", "3.其他", "3. Other"),
    ],
  },
];

export const T3_RECEIVED = row("received", "一、本年新收政府信息公开申请数量", "I. Applications received this year");
export const T3_CARRIED_OVER = row("carried_over", "二、上年结转政府信息公开申请数量", "II. Applications carried over from last year");
export const T3_RESULTS = { text: "三、本年度办理结果", gloss: "III. Results this year" };
export const T3_DISCLOSED = row("disclosed", "（一）予以公开", "(1) Disclosed");
export const T3_PARTLY = row("partly_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "(2) Partly disclosed (counted here only)");
export const T3_TOTAL = row("handled_total", "（七）总计", "(7) Total");
export const T3_CARRIED_FORWARD = row("carried_forward", "四、结转下年度继续办理", "IV. Carried over to next year");

/** The 21 outcome rows whose sum is （七）总计. */
export const T3_OUTCOME_ROWS: string[] = [T3_DISCLOSED.row, T3_PARTLY.row, ...T3_GROUPS.flatMap((g) => g.items.map((i) => i.row))];

const values = (rowKey: string): FormatCell[] => T3_COLUMNS.map((c) => ({ kind: "value", key: t3Key(rowKey, c) }));

/** A row whose label takes the three label columns (一, 二, 四), or two beside 三's block ((一), (二), (七)). */
const wide = (r: Row, colSpan: 2 | 3, level: 0 | 1): FormatCell[] => [{ kind: "label", text: r.text, gloss: r.gloss, colSpan, level }, ...values(r.row)];

function resultRows(): FormatCell[][] {
  const rows: FormatCell[][] = [wide(T3_DISCLOSED, 2, 1), wide(T3_PARTLY, 2, 1)];
  for (const g of T3_GROUPS) {
    g.items.forEach((item, i) => {
      const group: FormatCell[] = i === 0 ? [{ kind: "label", text: g.text, gloss: g.gloss, rowSpan: g.items.length, level: 1 }] : [];
      rows.push([...group, { kind: "label", text: item.text, gloss: item.gloss, level: 2 }, ...values(item.row)]);
    });
  }
  rows.push(wide(T3_TOTAL, 2, 1));
  const first = rows[0]!;
  rows[0] = [{ kind: "label", text: T3_RESULTS.text, gloss: T3_RESULTS.gloss, rowSpan: rows.length, level: 0 }, ...first];
  return rows;
}

const header = (text: string, gloss: string, spans: { colSpan?: number; rowSpan?: number } = {}): FormatCell => ({ kind: "header", text, gloss, ...spans });

export const TABLE_THREE_2021: FormatTable = {
  key: "t3",
  title: "三、收到和处理政府信息公开申请情况",
  gloss: "III. Applications for government information received and handled",
  head: [
    [
      header("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "(In each column: item I plus item II equals item III plus item IV)", {
        colSpan: 3,
        rowSpan: 3,
      }),
      header("申请人情况", "Applicants", { colSpan: 7 }),
    ],
    [header("自然人", "Natural persons", { rowSpan: 2 }), header("法人或其他组织", "Legal persons or other organisations", { colSpan: 5 }), header("总计", "Total", { rowSpan: 2 })],
    [
      header("商业企业", "Businesses"),
      header("科研机构", "Research institutions"),
      header("社会公益组织", "Public-interest organisations"),
      header("法律服务机构", "Legal service providers"),
      header("其他", "Other"),
    ],
  ],
  body: [wide(T3_RECEIVED, 3, 0), wide(T3_CARRIED_OVER, 3, 0), ...resultRows(), wide(T3_CARRIED_FORWARD, 3, 0)],
  columnWidths: [3, 4, 12, 3, 3, 3, 3, 3, 3, 3],
};

/** Every row that holds figures, in the form's order. */
export const T3_DATA_ROWS: string[] = [T3_RECEIVED.row, T3_CARRIED_OVER.row, ...T3_OUTCOME_ROWS, T3_TOTAL.row, T3_CARRIED_FORWARD.row];
