import { FORMAT_2021 } from "../law/format-2021";
import { T2_KEYS } from "../law/table-two-2021";
import { T3_APPLICANT_COLUMNS, T3_OUTCOME_ROWS, t3Key } from "../law/table-three-2021";
import { T4_GROUPS, T4_OUTCOMES, t4Key } from "../law/table-four-2021";
import { fillTables, type Figures, type ManualCells } from "../server/report/fill";
import type { AnnualReportModel, ReportSection } from "../server/report/model";

/**
 * A realistic 2025 report of the donghu office for the .docx tests: the 2021 format's six sections,
 * tables 二, 三 and 四 filled from figures that satisfy the identities (legal-spec §2.2–2.4), the
 * manual cells of table 二 entered (one left unfilled, one in 万元 with decimals).
 */

/** Table 三 by outcome row (the format's order), over 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他. */
const OUTCOMES: number[][] = [
  [21, 6, 1, 0, 2, 1], // （一）予以公开
  [3, 1, 0, 0, 0, 0], // （二）部分公开
  [0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [1, 1, 0, 0, 0, 0], // （三）4.保护第三方合法权益
  [0, 0, 0, 0, 0, 0],
  [1, 0, 0, 0, 0, 0], // （三）6.属于四类过程性信息
  [0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [7, 2, 0, 0, 1, 0], // （四）1.本机关不掌握相关政府信息
  [2, 0, 0, 0, 0, 0],
  [1, 0, 0, 0, 0, 0],
  [2, 0, 0, 0, 0, 0], // （五）1.信访举报投诉类申请
  [1, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [2, 0, 0, 0, 0, 0], // （六）1.逾期不补正
  [0, 0, 0, 0, 0, 0],
  [1, 0, 0, 0, 0, 0], // （六）3.其他
];
const CARRIED_OVER = [2, 1, 0, 0, 0, 0];
const CARRIED_FORWARD = [3, 0, 0, 0, 1, 0];

function figures(): Figures {
  const f: Figures = {
    [T2_KEYS.rulesIssued]: 0,
    [T2_KEYS.rulesRepealed]: 0,
    [T2_KEYS.rulesValid]: 0,
    [T2_KEYS.normativeIssued]: 3,
    [T2_KEYS.normativeRepealed]: 1,
    [T2_KEYS.normativeValid]: 17,
  };
  const row = (key: string, numbers: number[]) => {
    T3_APPLICANT_COLUMNS.forEach((c, i) => (f[t3Key(key, c)] = numbers[i]!));
    f[t3Key(key, "total")] = numbers.reduce((a, b) => a + b, 0);
  };
  T3_OUTCOME_ROWS.forEach((key, i) => row(key, OUTCOMES[i]!));
  const handled = T3_APPLICANT_COLUMNS.map((_, c) => OUTCOMES.reduce((a, r) => a + r[c]!, 0));
  row("handled_total", handled);
  row("carried_over", CARRIED_OVER);
  row("carried_forward", CARRIED_FORWARD);
  row("received", handled.map((h, c) => h + CARRIED_FORWARD[c]! - CARRIED_OVER[c]!));
  const t4: Record<(typeof T4_GROUPS)[number], number[]> = { review: [2, 1, 0, 0], direct_suit: [1, 0, 0, 1], suit_after_review: [0, 0, 0, 0] };
  for (const g of T4_GROUPS) T4_OUTCOMES.forEach((o, i) => (f[t4Key(g, o)] = o === "total" ? t4[g].reduce((a, b) => a + b, 0) : t4[g][i]!));
  return f;
}

const MANUAL: ManualCells = {
  [T2_KEYS.permits]: { value: 126, note: "行政审批科台账" },
  [T2_KEYS.penalties]: { value: 48, note: "执法支队处罚决定书登记簿" },
  [T2_KEYS.enforcement]: { value: null, note: "" },
  [T2_KEYS.charges]: { value: 0.35, note: "财务科收费台账，3500元" },
};

const TABLES = Object.fromEntries(fillTables(FORMAT_2021, figures(), MANUAL).map((t) => [t.key, t]));

const p = (text: string, quotes?: string[]) => ({ text, quotes });

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
            p("2025年，本机关通过政府门户网站政府信息公开专栏主动公开政府信息412条，其中环境影响评价审批信息96条、排污许可信息73条、行政处罚信息48条、环境质量信息52条，通过政务新媒体发布信息230条，召开新闻发布会2次。", [T2_KEYS.penalties]),
            p("围绕重点排污单位名录、“双随机、一公开”抽查结果和突发环境事件应急信息，本机关坚持“应公开尽公开”，按照法定时限及时准确发布。"),
          ],
        },
        {
          heading: "（二）依申请公开",
          paragraphs: [p("2025年，本机关共收到政府信息公开申请58件，上年结转3件，已办结57件，结转下年度继续办理4件，均在法定期限内答复。", ["requests.t3.received.total", "requests.t3.handled_total.total"])],
        },
        { heading: "（三）政府信息管理", paragraphs: [p("严格执行公开前保密审查制度，坚持“先审查、后公开”和“一事一审”，全年审查拟公开信息412条，未发生泄密事件；对现行有效的行政规范性文件进行清理，及时公开清理结果。")] },
        { heading: "（四）政府信息公开平台建设", paragraphs: [p("持续优化政府信息公开专栏的栏目设置，完善政府信息公开目录和索引号编制，提升检索和下载功能，确保平台安全稳定运行。")] },
        { heading: "（五）监督保障", paragraphs: [p("将政府信息公开工作纳入年度绩效考核，组织业务培训2次，全年未发生因政府信息公开工作引发的责任追究情况。")] },
      ],
    },
    ...FORMAT_2021.sections.filter((s) => s.table).map((s): ReportSection => ({ key: s.key, kind: "table", heading: s.heading, table: TABLES[s.table!]! })),
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
