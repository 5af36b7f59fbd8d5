import type { ReplyTypeKey } from "../law/reply-types";
import { businessName } from "./applicants";
import type { Random } from "./random";

/**
 * What demo applicants ask for: ecological-environment information (环评审批, 排污许可, 监督性监测,
 * 行政处罚, 信访件办理, 竣工验收, 水质监测…) put together from parts, with the released document or
 * the withheld part a reply of the given type would carry. Every company, place and number is made up.
 */

export interface DemoContent {
  subject: string;
  description: string;
  docNumber?: string;
  /** Released documents (予以公开, 部分公开), as the applicant receives them. */
  released?: { title: string; body: string }[];
  /** What a 不予公开 or 部分公开 reply withholds, and on which Art 14–16 ground. */
  withheld?: { description: string; groundKey: string }[];
  /** What a 补正 notice asks for. */
  supplementItems?: string;
  /** Whose interests the information touches: the third party consulted under Art 32. */
  party?: string;
  /** The agency that holds what this office does not (Art 36(五)): named in the reply. */
  heldBy?: string;
}

export interface Setting {
  /** The office's area: "东湖区", or "示范市" for the city bureau. */
  area: string;
  /** The docNumber prefix of the office: 示环东. */
  prefix: string;
  /** About when the application is made: what it asks for lies before. */
  asOf: string;
}

const PROJECTS = [
  "年产5万吨再生纸项目",
  "污水处理厂提标改造工程",
  "110千伏输变电工程",
  "危险废物综合利用项目",
  "工业园区集中供热项目",
  "生活垃圾焚烧发电项目",
  "电镀集中区扩建项目",
  "混凝土搅拌站建设项目",
  "年产2000吨食品添加剂项目",
  "医疗废物集中处置中心项目",
];
const VIOLATIONS = ["超标排放水污染物", "未批先建", "未正常运行大气污染防治设施", "危险废物贮存不规范", "无证排放污染物", "未按规定开展自行监测"];
const PLACES = ["工业园区东片", "滨江路农贸市场旁", "城南污水处理厂周边", "湖滨路餐饮街", "高新区化工集中区", "翠湖小区北侧工地", "清溪河沿岸"];
const ISSUES = ["夜间施工噪声扰民", "异味扰民", "烟囱排放黑烟", "污水直排入河", "餐饮油烟污染", "渣土运输扬尘"];
const RIVERS = ["清溪河", "南岭河", "东湖", "滨江"];
const SECTIONS = ["入湖口", "出境", "城区", "上游"];

const yearOf = (s: Setting) => Number(s.asOf.slice(0, 4));

/** A month 1 to `max` months before the application. */
function pastMonth(r: Random, s: Setting, max: number): { y: number; m: number } {
  const index = yearOf(s) * 12 + Number(s.asOf.slice(5, 7)) - 1 - r.int(1, max);
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

/** A quarter that ended before the application. */
function pastQuarter(r: Random, s: Setting): { y: number; q: number } {
  const index = yearOf(s) * 4 + Math.floor((Number(s.asOf.slice(5, 7)) - 1) / 3) - r.int(1, 4);
  return { y: Math.floor(index / 4), q: (index % 4) + 1 };
}

type Topic = (r: Random, s: Setting) => DemoContent;

const eia: Topic = (r, s) => {
  const company = businessName(r);
  const project = r.pick(PROJECTS);
  const { y, m } = pastMonth(r, s, 24);
  const title = `关于${company}${project}环境影响报告书的批复`;
  return {
    subject: `${company}${project}环境影响报告书审批文件`,
    description: `请提供${s.area}生态环境部门对${company}${project}环境影响报告书作出的审批决定及审批意见，审批时间约为${y}年${m}月。`,
    party: company,
    docNumber: `${s.prefix}审〔${y}〕${r.int(3, 60)}号`,
    released: [
      {
        title,
        body: `${company}：\n你公司报送的《${project}环境影响报告书》收悉。经研究，批复如下：\n一、该项目在全面落实报告书提出的各项污染防治措施后，对环境的不利影响能够得到缓解和控制，同意项目按照报告书所列性质、规模、地点和环境保护措施进行建设。\n二、项目建设必须严格执行环境保护设施与主体工程同时设计、同时施工、同时投产使用的“三同时”制度，并按规定开展竣工环境保护验收。`,
      },
    ],
  };
};

const permit: Topic = (r, s) => {
  const company = businessName(r);
  const y = yearOf(s) - 1;
  return {
    party: company,
    subject: `${company}排污许可证及${y}年度执行报告`,
    description: `请提供${company}现行有效的排污许可证（正本、副本）及${y}年度排污许可证执行报告。`,
    released: [
      {
        title: `${company}${y}年度排污许可证执行报告`,
        body: `排污单位：${company}\n报告期：${y}年1月1日至${y}年12月31日\n一、排污许可证执行情况：报告期内各排放口污染物排放浓度均符合许可要求。\n二、自行监测情况：按许可证要求开展自行监测，废水排放口化学需氧量、氨氮月均值均达标。\n三、环境管理台账记录情况：台账记录完整。`,
      },
    ],
  };
};

const monitoring: Topic = (r, s) => {
  const { y, q } = pastQuarter(r, s);
  return {
    party: "相关重点排污单位",
    subject: `${y}年第${q}季度${s.area}重点排污单位监督性监测结果`,
    description: `请提供${y}年第${q}季度${s.area}重点排污单位废水、废气监督性监测结果，包括监测点位、监测项目、监测值及达标情况。`,
    released: [
      {
        title: `${y}年第${q}季度${s.area}重点排污单位监督性监测结果`,
        body: `本季度共对${r.int(12, 40)}家重点排污单位开展监督性监测，其中废水排放单位${r.int(6, 20)}家、废气排放单位${r.int(5, 18)}家。监测结果显示，除${r.int(0, 2)}家单位个别因子超标已依法处理外，其余单位各项指标均达到相应排放标准。`,
      },
    ],
  };
};

const penalty: Topic = (r, s) => {
  const company = businessName(r);
  const { y } = pastMonth(r, s, 18);
  const violation = r.pick(VIOLATIONS);
  return {
    party: company,
    subject: `对${company}的行政处罚决定书`,
    description: `请提供${s.area}生态环境部门${y}年对${company}${violation}作出的行政处罚决定书。`,
    docNumber: `${s.prefix}罚〔${y}〕${r.int(1, 40)}号`,
    released: [
      {
        title: `行政处罚决定书（${s.prefix}罚〔${y}〕号）`,
        body: `当事人：${company}\n经查，当事人存在${violation}的环境违法行为。以上事实有现场检查笔录、监测报告等证据为证。依据《中华人民共和国环境保护法》及相关法律法规，决定对当事人处以罚款人民币${r.int(2, 30)}万元。`,
      },
    ],
  };
};

const petitionResult: Topic = (r, s) => {
  const place = `${s.area}${r.pick(PLACES)}`;
  const issue = r.pick(ISSUES);
  const { y, m } = pastMonth(r, s, 12);
  return {
    subject: `关于${place}${issue}信访件的办理结果`,
    description: `${y}年${m}月曾有群众反映${place}${issue}问题，请提供该信访件的调查核实情况和办理结果。`,
    released: [
      {
        title: `关于${place}${issue}问题的信访办理情况`,
        body: `接到反映后，执法人员于次日赴现场调查核实。经查，反映情况基本属实。已责令相关单位立即整改，并于整改完成后组织复查，复查时未发现问题。`,
      },
    ],
  };
};

const acceptance: Topic = (r) => {
  const company = businessName(r);
  const project = r.pick(PROJECTS);
  return {
    party: company,
    subject: `${company}${project}竣工环境保护验收报告`,
    description: `请提供${company}${project}竣工环境保护验收监测报告、验收意见及其他需要说明的事项。`,
    released: [
      {
        title: `${company}${project}竣工环境保护验收意见`,
        body: `验收工作组经现场检查和资料审查认为：项目环境保护手续齐全，基本落实了环境影响报告书及其批复提出的各项环境保护措施，验收监测期间各类污染物达标排放，同意通过竣工环境保护验收。`,
      },
    ],
  };
};

const waterQuality: Topic = (r, s) => {
  const river = r.pick(RIVERS);
  const section = r.pick(SECTIONS);
  const { y, m } = pastMonth(r, s, 12);
  return {
    subject: `${y}年${m}月${river}${section}断面水质监测数据`,
    description: `请提供${y}年${m}月${river}${section}断面地表水水质自动监测数据（pH、化学需氧量、氨氮、总磷）。`,
    released: [
      {
        title: `${y}年${m}月${river}${section}断面水质监测数据`,
        body: `监测断面：${river}${section}\n监测时段：${y}年${m}月\n月均值：pH ${(7 + r.next()).toFixed(1)}，化学需氧量 ${r.int(8, 18)} mg/L，氨氮 ${(0.1 + r.next() * 0.6).toFixed(2)} mg/L，总磷 ${(0.02 + r.next() * 0.1).toFixed(3)} mg/L。\n水质类别：Ⅲ类。`,
      },
    ],
  };
};

export const TOPICS: readonly Topic[] = [eia, permit, monitoring, penalty, petitionResult, acceptance, waterQuality];

/** What is asked and what a reply of type `outcome` carries. */
export function demoContent(r: Random, s: Setting, outcome: ReplyTypeKey | "open"): DemoContent {
  const year = yearOf(s);
  // The bulletin of a year comes out around June of the next.
  const bulletinYear = Number(s.asOf.slice(5, 7)) >= 7 ? year - 1 : year - 2;
  const company = businessName(r);
  const place = `${s.area}${r.pick(PLACES)}`;
  const issue = r.pick(ISSUES);
  const topic = () => r.pick(TOPICS)(r, s);
  switch (outcome) {
    case "partly_disclosed": {
      const t = r.pick([penalty, eia, monitoring])(r, s);
      return {
        ...t,
        released: t.released?.map((d) => ({ ...d, body: `${d.body}\n（依法不予公开的内容已作遮盖处理：■■■■）` })),
        withheld: [
          r.chance(0.5)
            ? { description: "企业生产工艺参数及原辅材料用量", groundKey: "art15.third_party" }
            : { description: "审批过程中的内部讨论记录", groundKey: "art16.process_information" },
        ],
      };
    }
    case "withheld.state_secret":
      return {
        subject: `${s.area}涉密单位污染源排放口分布及监测档案`,
        description: `请提供${s.area}范围内涉密单位的污染物排放口位置、排放量及历年监测档案。`,
        withheld: [{ description: "涉密单位排放口位置及监测档案", groundKey: "art14.state_secret" }],
      };
    case "withheld.prohibited_by_law":
      return {
        subject: `举报${company}环境违法行为的举报人信息`,
        description: `请提供举报${company}环境违法行为的举报人姓名、联系方式及举报材料原件。`,
        withheld: [{ description: "举报人身份信息及举报材料原件", groundKey: "art14.prohibited_by_law" }],
      };
    case "withheld.security_stability":
      return {
        subject: `${s.area}集中式饮用水水源地取水口坐标及安防设施布设图`,
        description: `请提供${s.area}集中式饮用水水源地各取水口的精确坐标、安防监控设施布设图和应急处置方案。`,
        withheld: [{ description: "取水口精确坐标及安防设施布设图", groundKey: "art14.security_stability" }],
      };
    case "withheld.third_party":
      return {
        subject: `${company}生产工艺流程及原辅材料用量`,
        description: `请提供${company}环评文件中载明的生产工艺流程、主要原辅材料名称及年用量。`,
        withheld: [{ description: "企业生产工艺流程及原辅材料用量", groundKey: "art15.third_party" }],
        party: company,
      };
    case "withheld.internal_affairs":
      return {
        subject: `${year}年本机关内部干部考核办法及人员调整材料`,
        description: `请提供贵局${year}年内部干部考核实施办法、科室人员调整和内部分工材料。`,
        withheld: [{ description: "内部人事管理和内部工作流程材料", groundKey: "art16.internal_affairs" }],
      };
    case "withheld.process_information": {
      const project = r.pick(PROJECTS);
      return {
        subject: `${company}${project}环评审批的内部讨论记录`,
        description: `请提供${company}${project}环评审批过程中的内部讨论记录、会议纪要及请示报告。`,
        withheld: [{ description: "审批过程中的讨论记录、会议纪要和请示报告", groundKey: "art16.process_information" }],
      };
    }
    case "withheld.enforcement_case_file":
      return {
        subject: `${company}环境违法案件调查询问笔录和现场检查记录`,
        description: `请提供${company}${r.pick(VIOLATIONS)}案件的调查询问笔录、现场检查（勘察）笔录和证据材料。`,
        withheld: [{ description: "行政执法案卷中的询问笔录、检查笔录和证据材料", groundKey: "art16.enforcement_case_file" }],
      };
    case "withheld.administrative_query":
      return {
        subject: `核实${company}是否存在环境违法记录并出具证明`,
        description: `请核实${company}近三年是否存在环境违法记录，并出具加盖公章的书面证明，用于招投标。`,
      };
    case "unavailable.not_held":
      return r.chance(0.5)
        ? {
            subject: `${s.area}机动车排放检验机构${year - 1}年检验数据`,
            description: `请提供${s.area}各机动车排放检验机构${year - 1}年的检验车辆数和检验合格率。`,
            heldBy: "示范市市场监督管理局",
          }
        : {
            subject: `${place}土壤重金属检测报告`,
            description: `请提供${place}周边农田${year - 1}年土壤重金属（镉、铅、汞）检测报告。`,
          };
    case "unavailable.needs_creation":
      return {
        subject: `近十年${s.area}各街道环境投诉数量统计分析`,
        description: `请按街道和污染类型统计${year - 10}年至${year - 1}年${s.area}环境投诉数量，并分析变化趋势和原因。`,
      };
    case "unavailable.still_unclear":
    case "other.no_supplement":
      return {
        ...r.pick([
          { subject: "有关企业的环保资料", description: "请提供那家企业的全部环保资料。" },
          { subject: "贵局所有与环境有关的文件", description: "请提供贵局所有与环境保护有关的文件和数据。" },
          { subject: "附近工厂的污染情况", description: "我家附近的工厂污染很严重，请提供相关情况。" },
        ]),
        supplementItems: "请明确所需政府信息的名称、文号或者便于查询的其他特征性描述，如涉及的企业名称、项目名称、时间范围等。",
      };
    case "not_processed.petition":
      return {
        subject: `反映${place}${issue}问题`,
        description: `${place}长期存在${issue}问题，严重影响周边居民生活，要求贵局立即查处并将处理结果告知。`,
      };
    case "not_processed.publication":
      return {
        subject: `《示范市生态环境状况公报（${bulletinYear}年）》`,
        description: `请邮寄一份《示范市生态环境状况公报（${bulletinYear}年）》纸质出版物。`,
      };
    case "not_processed.excessive":
      return {
        subject: `${s.area}2015年以来全部建设项目环评、验收及排污许可材料`,
        description: `请提供${s.area}2015年以来审批的全部建设项目环境影响评价文件、批复、竣工验收材料及排污许可证副本的纸质复印件，逐项逐页提供。`,
      };
    case "not_processed.reissue": {
      const received = pastMonth(r, s, 6);
      return {
        subject: `重新出具${company}排污许可证复印件`,
        description: `本单位已于${received.y}年${received.m}月获取${company}排污许可证复印件，现要求贵局确认复印件内容并重新出具加盖公章的复印件。`,
      };
    }
    case "other.fee_unpaid":
      return {
        subject: `${s.area}${year - 1}年全部建设项目环境影响评价审批文件`,
        description: `请提供${s.area}${year - 1}年作出的全部建设项目环境影响评价审批文件的纸质复印件。`,
      };
    case "disclosed":
    case "not_processed.repeated":
    case "other.other":
    case "open":
      return topic();
  }
}
