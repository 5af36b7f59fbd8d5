/**
 * The disclosure list (清单) a tenant is seeded with: what must be published, on what basis, by
 * when, by whom and how. Columns follow the MEE standard guide's catalogue header (legal spec §3).
 *
 * Two groups:
 * - `mee.*` — the rows of 环办厅函〔2019〕672号 that local copies confirm (spec §3 table), and no others:
 *   行政命令, 环境质量, 污染源监管, 突发环境事件, 信访 and 双随机 rows are unconfirmed there.
 * - `art20.*` — one row per 条例第二十条 item the catalogue carries, so timeliness also covers policy
 *   documents, plans, budgets etc. Their basis is only the 条例 article the spec cites.
 *
 * Where the spec gives no channel for a row, the row uses 政府网站, the channel 条例第二十三条 names
 * first. Where it gives no time limit, the row uses 条例第二十六条's general rule of 20 working days.
 */

/** The channel checklist (公开渠道和载体) of the MEE standard guide, in its order. */
export const DISCLOSURE_CHANNELS = [
  "政府网站",
  "政府公报",
  "两微一端",
  "发布会/听证会",
  "广播电视",
  "纸质媒体",
  "公开查阅点",
  "政务服务中心",
  "便民服务站",
  "入户/现场",
  "社区/企事业单位/村公示栏",
  "精准推送",
  "其他",
] as const;

export type DisclosureChannel = (typeof DISCLOSURE_CHANNELS)[number];

export interface StandardListRow {
  key: string;
  /** The catalogue node items of this row are filed under. */
  catalogueKey: string;
  /** 一级事项 */
  firstLevel: string;
  /** 二级事项 */
  secondLevel: string;
  /** 公开内容（要素） */
  content: string;
  /** 公开依据 */
  basis: string;
  /** 公开时限 */
  timeLimit: string;
  /** Working days from formation, for the timeliness view; null when the clock is not formation. */
  timeLimitWorkdays: number | null;
  /** 公开主体 */
  responsible: string;
  /** 公开渠道和载体, labels from DISCLOSURE_CHANNELS */
  channels: string[];
  /** 公开对象 */
  audience: "全社会" | "特定群体";
  /** 公开方式 */
  mode: "主动" | "依申请";
}

/** 条例第二十六条: the general rule, and the MEE guide's wording of it. */
export const GENERAL_TIME_LIMIT = "自该信息形成或者变更之日起20个工作日内";
export const GENERAL_TIME_LIMIT_WORKDAYS = 20;

const REGULATION = "《中华人民共和国政府信息公开条例》";
const RESPONSIBLE = "本级生态环境部门";

// Spec §3 abridges the statutes (环评法, 固废法 …); these are their full names.
const EIA_LAW = "《中华人民共和国环境影响评价法》";
const MARINE_LAW = "《中华人民共和国海洋环境保护法》";
const RADIATION_LAW = "《中华人民共和国放射性污染防治法》";
const SOLID_WASTE_LAW = "《中华人民共和国固体废物污染环境防治法》";
// The 2019 guide cites the 环境噪声污染防治法; it was replaced by the 噪声污染防治法 in 2022.
const NOISE_LAW = "《中华人民共和国噪声污染防治法》";
const ENV_LAW = "《中华人民共和国环境保护法》";
const POLICY_DOCS = "中办发〔2016〕8号、国办发〔2017〕42号";

// The guide cites 《环境行政处罚办法》; spec §5 says 《生态环境行政处罚办法》 (部令第30号) replaced it
// from 2023-07-01, so the seeded basis names the rules in force.
const ENFORCEMENT_BASIS = [
  ENV_LAW,
  "《中华人民共和国水污染防治法》",
  "《中华人民共和国大气污染防治法》",
  NOISE_LAW,
  "《中华人民共和国土壤污染防治法》",
  SOLID_WASTE_LAW,
  RADIATION_LAW,
  "《中华人民共和国核安全法》",
  EIA_LAW,
  REGULATION,
  "《生态环境行政处罚办法》",
].join("、");

// Process documents (告知书, 催告书 …) go to the party concerned on request; the clock starts at the request.
const ON_REQUEST_TIME_LIMIT = "自收到申请之日起20个工作日内";

type RowInput = Omit<StandardListRow, "timeLimit" | "timeLimitWorkdays" | "responsible" | "channels" | "audience" | "mode"> &
  Partial<StandardListRow>;

function row(input: RowInput): StandardListRow {
  return {
    timeLimit: GENERAL_TIME_LIMIT,
    timeLimitWorkdays: GENERAL_TIME_LIMIT_WORKDAYS,
    responsible: RESPONSIBLE,
    channels: ["政府网站"],
    audience: "全社会",
    mode: "主动",
    ...input,
  };
}

function onRequest(input: RowInput): StandardListRow {
  // Not a formation-based deadline: the requests plugin's clock applies, not the timeliness view.
  return row({
    timeLimit: ON_REQUEST_TIME_LIMIT,
    timeLimitWorkdays: null,
    channels: ["精准推送"],
    audience: "特定群体",
    mode: "依申请",
    ...input,
  });
}

const ENFORCEMENT = "行政处罚、行政强制和行政命令";

const MEE_ROWS: StandardListRow[] = [
  row({
    key: "mee.eia",
    catalogueKey: "permits.eia",
    firstLevel: "行政许可",
    secondLevel: "建设项目环境影响评价文件审批",
    content:
      "1.受理环节：受理情况公示、报告书（表）全本；2.拟决定环节：拟审查环评文件基本情况公示；3.决定环节：环评批复",
    basis: [EIA_LAW, MARINE_LAW, RADIATION_LAW, REGULATION].join("、"),
  }),
  row({
    key: "mee.facility-removal",
    catalogueKey: "permits.facility-removal",
    firstLevel: "行政许可",
    secondLevel: "防治污染设施拆除或闲置审批",
    content:
      "关闭、闲置、拆除工业固体废物污染环境防治设施、场所的核准结果；拆除、闲置环境噪声污染防治设施的审批结果；拆除闲置海洋工程环境保护设施的审批结果",
    basis: [SOLID_WASTE_LAW, NOISE_LAW, MARINE_LAW, REGULATION, POLICY_DOCS].join("、"),
  }),
  row({
    key: "mee.hazardous-waste",
    catalogueKey: "permits.hazardous-waste",
    firstLevel: "行政许可",
    secondLevel: "危险废物经营许可证",
    content: "受理通知书；向有关部门和专家征求意见、决定前公示；危险废物经营许可证信息公示；送达单",
    basis: [SOLID_WASTE_LAW, REGULATION, "《危险废物经营许可证管理办法》"].join("、"),
  }),
  onRequest({
    key: "mee.penalty-process",
    catalogueKey: "enforcement.penalty",
    firstLevel: ENFORCEMENT,
    secondLevel: "行政处罚流程",
    content:
      "行政处罚事先告知书；行政处罚听证通知书；处罚执行情况：同意分期（延期）缴纳罚款通知书、督促履行义务催告书、强制执行申请书等",
    basis: ENFORCEMENT_BASIS,
  }),
  row({
    key: "mee.penalty-decision",
    catalogueKey: "enforcement.penalty",
    firstLevel: ENFORCEMENT,
    secondLevel: "行政处罚决定",
    content: "行政处罚决定书（全文公开）",
    basis: ENFORCEMENT_BASIS,
  }),
  onRequest({
    key: "mee.coercion-process",
    catalogueKey: "enforcement.coercion",
    firstLevel: ENFORCEMENT,
    secondLevel: "行政强制流程",
    content: "查封、扣押清单；查封（扣押）延期通知书；解除查封（扣押）决定书",
    basis: ENFORCEMENT_BASIS,
  }),
  row({
    key: "mee.coercion-decision",
    catalogueKey: "enforcement.coercion",
    firstLevel: ENFORCEMENT,
    secondLevel: "行政强制决定",
    content: "查封、扣押决定书（全文公开）",
    basis: ENFORCEMENT_BASIS,
  }),
  row({
    key: "mee.ecology",
    catalogueKey: "ecology",
    firstLevel: "生态建设",
    secondLevel: "生态建设",
    content:
      "生态文明建设示范区和“绿水青山就是金山银山”实践创新基地创建情况；农村环境综合整治情况；生物多样性保护相关信息",
    basis: [REGULATION, POLICY_DOCS].join("、"),
  }),
  row({
    key: "mee.consultation",
    catalogueKey: "public-service",
    firstLevel: "公共服务事项",
    secondLevel: "生态环境保护政策与业务咨询",
    content: "生态环境保护政策与业务咨询答复函",
    basis: [ENV_LAW, REGULATION].join("、"),
  }),
];

/** 条例第二十条 rows: `item` is the 项 as in 条例第二十条第（一）项. */
function art20(item: string, input: Omit<RowInput, "basis">): StandardListRow {
  return row({ basis: `${REGULATION}第二十条第（${item}）项、第二十六条`, ...input });
}

const ARTICLE_20_ROWS: StandardListRow[] = [
  art20("一", {
    key: "art20.normative",
    catalogueKey: "policy.normative",
    firstLevel: "政策文件",
    secondLevel: "行政规范性文件",
    content: "行政规范性文件全文及其有效性",
  }),
  art20("一", {
    key: "art20.rule",
    catalogueKey: "policy.rule",
    firstLevel: "政策文件",
    secondLevel: "规章",
    content: "规章全文",
  }),
  art20("二", {
    key: "art20.org",
    catalogueKey: "org",
    firstLevel: "机构职能",
    secondLevel: "机构职能",
    content: "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
  }),
  art20("三", {
    key: "art20.plans",
    catalogueKey: "plans",
    firstLevel: "规划计划",
    secondLevel: "规划",
    content: "规划",
  }),
  art20("四", {
    key: "art20.statistics",
    catalogueKey: "statistics",
    firstLevel: "统计信息",
    secondLevel: "统计信息",
    content: "统计信息",
  }),
  art20("七", {
    key: "art20.budget",
    catalogueKey: "budget",
    firstLevel: "财政预决算",
    secondLevel: "财政预算、决算",
    content: "财政预算、决算",
  }),
  art20("八", {
    key: "art20.fees",
    catalogueKey: "fees",
    firstLevel: "行政事业性收费",
    secondLevel: "行政事业性收费",
    content: "行政事业性收费项目及其依据、标准",
  }),
  art20("九", {
    key: "art20.procurement",
    catalogueKey: "procurement",
    firstLevel: "政府集中采购",
    secondLevel: "政府集中采购",
    content: "政府集中采购",
  }),
  art20("十二", {
    key: "art20.emergency",
    catalogueKey: "emergency",
    firstLevel: "突发环境事件",
    secondLevel: "应急预案、预警信息及应对情况",
    content: "突发公共事件应急预案、预警信息及应对情况",
  }),
  art20("十三", {
    key: "art20.supervision",
    catalogueKey: "supervision",
    firstLevel: "环境监管",
    secondLevel: "监督检查情况",
    content: "环境保护的监督检查情况",
  }),
  art20("十四", {
    key: "art20.recruitment",
    catalogueKey: "personnel",
    firstLevel: "人事信息",
    secondLevel: "公务员招考",
    content: "公务员招考",
  }),
];

export const STANDARD_LIST: readonly StandardListRow[] = [...MEE_ROWS, ...ARTICLE_20_ROWS];
