import type { AnnualReportModel, GridCell, ReportTable } from "../server/report/model";

/**
 * A realistic 2025 report of the donghu office for the .docx tests: the six sections of the 2021
 * format, tables 二, 三 and 四 with the real merged headers (legal-spec §2.2–2.4) and figures that
 * satisfy the identities; one manual cell left unfilled and one in 万元 with decimals.
 */
const h = (text: string, span: { colSpan?: number; rowSpan?: number } = {}): GridCell => ({ kind: "header", text, ...span });
const l = (text: string, span: { colSpan?: number; rowSpan?: number } = {}, level: 0 | 1 | 2 = 0): GridCell => ({ kind: "label", text, level, ...span });
const v = (key: string, value: number | null, extra: { manual?: boolean; note?: string; decimals?: number } = {}): GridCell => ({ kind: "value", key, value, manual: extra.manual ?? false, ...extra });

const table2: ReportTable = {
  key: "t2",
  title: "二、主动公开政府信息情况",
  columnWidths: [3, 2, 2, 2],
  head: [[h("第二十条第（一）项", { colSpan: 4 })], [h("信息内容"), h("本年制发件数"), h("本年废止件数"), h("现行有效件数")]],
  body: [
    [l("规章"), v("t2.rules.issued", 0), v("t2.rules.repealed", 0), v("t2.rules.current", 0)],
    [l("行政规范性文件"), v("t2.norms.issued", 3), v("t2.norms.repealed", 1), v("t2.norms.current", 17)],
    [h("第二十条第（五）项", { colSpan: 4 })],
    [h("信息内容"), h("本年处理决定数量", { colSpan: 3 })],
    [l("行政许可"), v("t2.permits", 126, { manual: true, note: "行政审批科台账" }), { kind: "blank", colSpan: 2 }],
    [h("第二十条第（六）项", { colSpan: 4 })],
    [h("信息内容"), h("本年处理决定数量", { colSpan: 3 })],
    [l("行政处罚"), v("t2.penalties", 48, { manual: true, note: "执法支队台账" }), { kind: "blank", colSpan: 2 }],
    [l("行政强制"), v("t2.coercion", null, { manual: true }), { kind: "blank", colSpan: 2 }],
    [h("第二十条第（八）项", { colSpan: 4 })],
    [h("信息内容"), h("本年收费金额（单位：万元）", { colSpan: 3 })],
    [l("行政事业性收费"), v("t2.fees", 0, { manual: true, note: "财务科", decimals: 2 }), { kind: "blank", colSpan: 2 }],
  ],
};

/** Columns of table 三: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他. */
const COLUMNS = ["natural", "business", "research", "charity", "legal", "other"] as const;
const OUTCOMES: [string, number[]][] = [
  ["（一）予以公开", [21, 6, 1, 0, 2, 1]],
  ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [3, 1, 0, 0, 0, 0]],
  ["1.属于国家秘密", [0, 0, 0, 0, 0, 0]],
  ["2.其他法律行政法规禁止公开", [0, 0, 0, 0, 0, 0]],
  ['3.危及"三安全一稳定"', [0, 0, 0, 0, 0, 0]],
  ["4.保护第三方合法权益", [1, 1, 0, 0, 0, 0]],
  ["5.属于三类内部事务信息", [0, 0, 0, 0, 0, 0]],
  ["6.属于四类过程性信息", [1, 0, 0, 0, 0, 0]],
  ["7.属于行政执法案卷", [0, 0, 0, 0, 0, 0]],
  ["8.属于行政查询事项", [0, 0, 0, 0, 0, 0]],
  ["1.本机关不掌握相关政府信息", [7, 2, 0, 0, 1, 0]],
  ["2.没有现成信息需要另行制作", [2, 0, 0, 0, 0, 0]],
  ["3.补正后申请内容仍不明确", [1, 0, 0, 0, 0, 0]],
  ["1.信访举报投诉类申请", [2, 0, 0, 0, 0, 0]],
  ["2.重复申请", [1, 0, 0, 0, 0, 0]],
  ["3.要求提供公开出版物", [0, 0, 0, 0, 0, 0]],
  ["4.无正当理由大量反复申请", [0, 0, 0, 0, 0, 0]],
  ["5.要求行政机关确认或重新出具已获取信息", [0, 0, 0, 0, 0, 0]],
  ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [2, 0, 0, 0, 0, 0]],
  ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [0, 0, 0, 0, 0, 0]],
  ["3.其他", [1, 0, 0, 0, 0, 0]],
];
const sum = (rows: number[][]) => COLUMNS.map((_, c) => rows.reduce((a, r) => a + r[c]!, 0));
const CARRIED_IN = [2, 1, 0, 0, 0, 0];
const CARRIED_OUT = [3, 0, 0, 0, 1, 0];
const TOTAL = sum(OUTCOMES.map(([, n]) => n));
const RECEIVED = TOTAL.map((t, c) => t + CARRIED_OUT[c]! - CARRIED_IN[c]!);

const figures = (key: string, numbers: number[]): GridCell[] => [...numbers.map((n, c) => v(`requests.t3.${key}.${COLUMNS[c]}`, n)), v(`requests.t3.${key}.total`, numbers.reduce((a, b) => a + b, 0))];
const outcome = (i: number, lead: GridCell[], colSpan = 1): GridCell[] => [...lead, l(OUTCOMES[i]![0], colSpan > 1 ? { colSpan } : {}, 1), ...figures(`o${i}`, OUTCOMES[i]![1])];

const table3: ReportTable = {
  key: "t3",
  title: "三、收到和处理政府信息公开申请情况",
  columnWidths: [4, 7, 25, 7, 7, 7, 7, 7, 7, 7],
  head: [
    [h("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", { colSpan: 3, rowSpan: 3 }), h("申请人情况", { colSpan: 7 })],
    [h("自然人", { rowSpan: 2 }), h("法人或其他组织", { colSpan: 5 }), h("总计", { rowSpan: 2 })],
    [h("商业企业"), h("科研机构"), h("社会公益组织"), h("法律服务机构"), h("其他")],
  ],
  body: [
    [l("一、本年新收政府信息公开申请数量", { colSpan: 3 }), ...figures("received", RECEIVED)],
    [l("二、上年结转政府信息公开申请数量", { colSpan: 3 }), ...figures("carriedIn", CARRIED_IN)],
    outcome(0, [l("三、本年度办理结果", { rowSpan: 22 })], 2),
    outcome(1, [], 2),
    outcome(2, [l("（三）不予公开", { rowSpan: 8 })]),
    ...[3, 4, 5, 6, 7, 8, 9].map((i) => outcome(i, [])),
    outcome(10, [l("（四）无法提供", { rowSpan: 3 })]),
    ...[11, 12].map((i) => outcome(i, [])),
    outcome(13, [l("（五）不予处理", { rowSpan: 5 })]),
    ...[14, 15, 16, 17].map((i) => outcome(i, [])),
    outcome(18, [l("（六）其他处理", { rowSpan: 3 })]),
    ...[19, 20].map((i) => outcome(i, [])),
    [l("（七）总计", { colSpan: 2 }), ...figures("total", TOTAL)],
    [l("四、结转下年度继续办理", { colSpan: 3 }), ...figures("carriedOut", CARRIED_OUT)],
  ],
};

const GROUP = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
const group = (key: string, n: number[]) => [...n.map((x, i) => v(`requests.t4.${key}.${i}`, x)), v(`requests.t4.${key}.total`, n.reduce((a, b) => a + b, 0))];
const table4: ReportTable = {
  key: "t4",
  title: "四、政府信息公开行政复议、行政诉讼情况",
  columnWidths: new Array(15).fill(1),
  head: [
    [h("行政复议", { colSpan: 5, rowSpan: 2 }), h("行政诉讼", { colSpan: 10 })],
    [h("未经复议直接起诉", { colSpan: 5 }), h("复议后起诉", { colSpan: 5 })],
    [...GROUP, ...GROUP, ...GROUP].map((t) => h(t)),
  ],
  body: [[...group("review", [2, 1, 0, 0]), ...group("direct", [1, 0, 0, 1]), ...group("after", [0, 0, 0, 0])]],
};

const p = (text: string, quotes?: string[]) => ({ text, quotes });

export const REPORT_TOTALS = { received: RECEIVED.reduce((a, b) => a + b, 0), handled: TOTAL.reduce((a, b) => a + b, 0) };

export const fixtureReport: AnnualReportModel = {
  title: "示范市生态环境局东湖分局2025年政府信息公开工作年度报告",
  officeName: "示范市生态环境局东湖分局",
  year: 2025,
  meta: [{ label: "索引号", value: "DH-2026-000012" }],
  issuedOn: "2026-01-20",
  sections: [
    {
      key: "overview",
      kind: "narrative",
      heading: "一、总体情况",
      parts: [
        {
          paragraphs: [
            p("\u3000\u3000本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条和国务院办公厅政府信息公开办公室《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）编制，所列数据的统计期限自2025年1月1日起至2025年12月31日止。"),
          ],
        },
        {
          heading: "（一）主动公开",
          paragraphs: [
            p("2025年，本机关通过政府门户网站政府信息公开专栏主动公开政府信息412条，其中环境影响评价审批信息96条、排污许可信息73条、行政处罚信息48条、环境质量信息52条，通过政务新媒体发布信息230条，召开新闻发布会2次。", ["t2.penalties"]),
            p("围绕重点排污单位名录、“双随机、一公开”抽查结果和突发环境事件应急信息，本机关坚持“应公开尽公开”，按照法定时限及时准确发布。"),
          ],
        },
        {
          heading: "（二）依申请公开",
          paragraphs: [p(`2025年，本机关共收到政府信息公开申请${RECEIVED.reduce((a, b) => a + b, 0)}件，上年结转3件，已办结${TOTAL.reduce((a, b) => a + b, 0)}件，结转下年度继续办理4件，均在法定期限内答复。`, ["requests.t3.received.total", "requests.t3.total.total"])],
        },
        { heading: "（三）政府信息管理", paragraphs: [p("严格执行公开前保密审查制度，坚持“先审查、后公开”和“一事一审”，全年审查拟公开信息412条，未发生泄密事件；对现行有效的行政规范性文件进行清理，及时公开清理结果。")] },
        { heading: "（四）政府信息公开平台建设", paragraphs: [p("持续优化政府信息公开专栏的栏目设置，完善政府信息公开目录和索引号编制，提升检索和下载功能，确保平台安全稳定运行。")] },
        { heading: "（五）监督保障", paragraphs: [p("将政府信息公开工作纳入年度绩效考核，组织业务培训2次，全年未发生因政府信息公开工作引发的责任追究情况。")] },
      ],
    },
    { key: "t2", kind: "table", heading: table2.title, table: table2 },
    { key: "t3", kind: "table", heading: table3.title, table: table3 },
    { key: "t4", kind: "table", heading: table4.title, table: table4 },
    {
      key: "problems",
      kind: "narrative",
      heading: "五、存在的主要问题及改进情况",
      parts: [
        { heading: "（一）存在的主要问题", paragraphs: [p("一是部分公开信息的解读材料不够通俗易懂；二是依申请公开答复的说理还需进一步加强。")] },
        { heading: "（二）改进情况", paragraphs: [p("针对上年度报告提出的栏目更新不及时问题，本机关建立了栏目内容更新责任清单，按月检查、按季通报，已完成整改。")] },
      ],
    },
    {
      key: "other",
      kind: "narrative",
      heading: "六、其他需要报告的事项",
      parts: [{ paragraphs: [p("依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本机关2025年未收取信息处理费。"), p("本机关无其他需要报告的事项。")] }],
    },
  ],
};
