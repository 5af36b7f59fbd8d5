import { ol, p, table } from "../html";
import { daysBefore, monthOf, signature, yearOf, type Template } from "../setting";
import { amount, company, money } from "../vocabulary";

/** The office itself: 机构职能, 预决算, 收费, 采购, 公共服务, 人事, 公开制度, other statutory information, the annual report. */

export const org: Template = (r, s) => ({
  title: r.chance(0.5) ? `${s.issuer}主要职责` : `${s.issuer}内设机构及职能`,
  listRowKey: "art20.org",
  bodyHtml:
    p(`${s.issuer}负责${s.place}生态环境保护的统一监督管理。主要职责如下：`) +
    ol(["负责建立健全生态环境保护制度。", "负责重大生态环境问题的统筹协调和监督管理。", "负责建设项目环境影响评价文件审批。", "负责生态环境监测和信息发布。", "负责生态环境保护执法检查。"]) +
    table(["内设机构", "联系电话"], ["办公室", "环评科", "执法监督科", "监测站"].map((d) => [d, `0${r.int(100, 999)}-8${r.digits(6)}`])),
});

export const budget: Template = (r, s) => {
  const y = yearOf(s);
  // Budgets are published in spring, the previous year's final accounts in summer.
  const final = monthOf(s) >= 6;
  return {
    title: final ? `${s.issuer}${y - 1}年部门决算` : `${s.issuer}${y}年部门预算`,
    listRowKey: "art20.budget",
    bodyHtml:
      p(`${final ? `${y - 1}年度收入合计` : `${y}年收入预算`}${money(r, 300, 9000)}，其中一般公共预算财政拨款${money(r, 200, 8000)}。`) +
      table(["项目", "金额（万元）"], [["基本支出", amount(r, 100, 3000)], ["项目支出", amount(r, 100, 6000)], ["“三公”经费", amount(r, 1, 30)]]),
  };
};

export const fees: Template = (r, s) => ({
  title: `${s.issuer}行政事业性收费项目目录（${yearOf(s)}年版）`,
  listRowKey: "art20.fees",
  bodyHtml: p(`根据有关规定，我局${r.chance(0.7) ? "无行政事业性收费项目" : "执行的收费项目以财政、价格主管部门公布的目录为准"}。`),
});

export const procurement: Template = (r, s) => {
  const c = company(r, s.city, s.region);
  const what = r.pick(["环境空气自动监测站运维服务", "水质自动监测设备", "执法记录仪及移动执法终端", "污染源普查技术服务", "环境宣传教育服务"]);
  return {
    title: `${s.issuer}${what}采购项目${r.pick(["中标", "成交"])}结果公告`,
    listRowKey: "art20.procurement",
    bodyHtml: table(["项目名称", "供应商", "成交金额"], [[what, c.name, money(r, 5, 400)]]) + p(`公告期限为1个工作日。`, signature(s)),
  };
};

export const publicService: Template = (r, s) => {
  const y = yearOf(s);
  return r.chance(0.5)
    ? {
        title: `关于开展${y}年“六五环境日”宣传活动的公告`,
        listRowKey: "mee.consultation",
        bodyHtml: p(`为提高公众生态环境保护意识，我局定于${daysBefore(s, -r.int(3, 10))}在${s.place}${r.pick(["人民广场", "市民中心", "滨河公园"])}开展宣传活动，欢迎市民参加。`),
      }
    : {
        title: `${s.issuer}环保设施向公众开放活动预告（第${r.int(1, 12)}期）`,
        bodyHtml: p(`本期开放单位为${s.place}${r.pick(["污水处理厂", "生活垃圾焚烧发电厂", "环境监测站"])}，开放名额${r.int(20, 60)}人，请通过电话预约。`),
      };
};

export const personnel: Template = (r, s) => {
  const y = yearOf(s);
  return {
    title: r.chance(0.5) ? `${s.issuer}${y}年公开招聘事业单位工作人员公告` : `${s.issuer}${y}年拟录用公务员名单公示`,
    listRowKey: "art20.recruitment",
    bodyHtml: p(`根据事业单位公开招聘有关规定，经研究，决定公开招聘工作人员${r.int(1, 8)}名。`) + table(["岗位", "人数", "专业要求"], [["环境监测", r.int(1, 3), "环境科学、环境工程"], ["综合管理", 1, "不限"]]),
  };
};

export const system: Template = (r, s) => ({
  title: r.pick([`${s.issuer}政府信息公开工作制度`, `${s.issuer}政府信息公开保密审查制度`, `${s.issuer}依申请公开办理工作规程`]),
  bodyHtml: ol(["明确政府信息公开工作机构及职责。", "公开前依法依规进行保密审查。", "建立健全信息发布协调机制。", "依申请公开实行登记、审核、答复全流程管理。"]),
});

export const otherStatutory: Template = (r, s) => {
  const y = yearOf(s);
  return r.chance(0.5)
    ? { title: `${y - 1}年${s.place}生态环境状况公报`, bodyHtml: p(`${y - 1}年，${s.place}生态环境质量总体保持稳定，空气质量优良天数比例${amount(r, 75, 98)}%，地表水考核断面水质优良比例${amount(r, 70, 100)}%。`) }
    : {
        title: `关于${s.place}${y}年企业环境信用评价结果的公示`,
        bodyHtml: table(["企业名称", "评价等级"], Array.from({ length: r.int(3, 8) }, () => [company(r, s.city, s.region).name, r.pick(["环保诚信企业", "环保良好企业", "环保警示企业"])])),
      };
};

export const annualReport: Template = (r, s) => {
  const y = yearOf(s) - 1;
  return {
    title: `${s.issuer}${y}年政府信息公开工作年度报告`,
    bodyHtml:
      p(`本报告依据《中华人民共和国政府信息公开条例》第五十条的规定编制。`) +
      ol(["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"]) +
      p(`${y}年，我局主动公开政府信息${r.int(80, 2000)}条。`),
  };
};
