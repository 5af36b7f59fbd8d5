import { lead, ol, p, table } from "../html";
import { daysBefore, docNumber, signature, yearOf, type Template } from "../setting";
import { company, EIA_FIRMS, POLLUTANTS, project } from "../vocabulary";

/** 行政许可: 环评审批 (批复, 受理 and 拟审批公示), 排污许可, 危险废物经营许可, 防治污染设施拆除. */

const OPINIONS = [
  "项目须严格落实雨污分流，生产废水经厂区污水处理站预处理达到间接排放标准后接入城市污水管网。",
  "有组织排放的废气须经收集处理后通过不低于15米高的排气筒排放，厂界无组织排放须满足相应排放标准。",
  "选用低噪声设备并采取隔声、减振措施，厂界噪声须达到《工业企业厂界环境噪声排放标准》相应标准。",
  "一般工业固体废物应分类收集、综合利用；危险废物须委托有资质单位处置，并执行转移联单制度。",
  "须按规定申领排污许可证，按证排污，并按照自行监测方案开展监测、公开监测信息。",
  "须落实环境风险防范措施，编制突发环境事件应急预案并报我局备案。",
  "项目建成后须按规定开展竣工环境保护验收，验收合格后方可正式投入生产。",
  "施工期须落实扬尘、噪声防治措施，合理安排施工时间，减少对周边环境敏感点的影响。",
];

export const eiaApproval: Template = (r, s) => {
  const c = company(r, s.city, s.region);
  const proj = project(r);
  const report = r.chance(0.7) ? "环境影响报告表" : "环境影响报告书";
  const invest = r.int(500, 90000);
  const number = docNumber(s, "审");
  return {
    title: `关于${c.name}${proj}${report}的批复`,
    docNumber: number,
    listRowKey: "mee.eia",
    bodyHtml:
      p(`${c.name}：`, `你公司报送的《${proj}${report}》（以下简称《报告》）及相关材料收悉。经研究，批复如下：`) +
      lead("一、项目概况。", `项目位于${s.place}${r.pick(["工业园区", "经济开发区", "高新技术产业园"])}，总投资${invest}万元，其中环保投资${Math.max(10, Math.round(invest * (0.02 + r.next() * 0.08)))}万元。`) +
      p(`在全面落实《报告》提出的各项生态环境保护措施后，项目建设对环境的不利影响能够得到缓解和控制。我局同意《报告》结论。`) +
      lead("二、项目建设和运行中应重点做好以下工作：", "") +
      ol(r.shuffle(OPINIONS).slice(0, r.int(3, 6))) +
      p(`三、本批复自下达之日起超过五年方决定开工建设的，《报告》应当报我局重新审核。`, `四、如不服本批复，可在收到本批复之日起六十日内申请行政复议，或者六个月内向人民法院提起行政诉讼。`) +
      p(signature(s)),
  };
};

export const eiaAcceptance: Template = (r, s) => {
  const rows = Array.from({ length: r.int(2, 5) }, () => {
    const c = company(r, s.city, s.region);
    return [`${project(r)}`, c.name, `${s.place}${r.pick(["工业园区", "开发区", "镇"])}`, `${s.city}${r.pick(EIA_FIRMS)}`];
  });
  const kind = r.chance(0.5) ? "受理" : "拟审批";
  return {
    title: kind === "受理" ? `${daysBefore(s, 0)}建设项目环境影响评价文件受理情况公示` : `${yearOf(s)}年第${r.int(1, 40)}批建设项目环境影响评价文件拟审批意见公示`,
    listRowKey: "mee.eia",
    bodyHtml:
      p(
        kind === "受理"
          ? `根据建设项目环境影响评价政府信息公开的有关规定，我局受理了以下建设项目环境影响评价文件，现予以公示。公示期为${r.pick([5, 10])}个工作日。`
          : `根据建设项目环境影响评价审批程序的有关规定，我局拟对以下建设项目环境影响评价文件作出审批意见，现予以公示。`,
      ) +
      table(["项目名称", "建设单位", "建设地点", "环评机构"], rows) +
      p(`公示期间，公众可通过信函、电子邮件或电话向我局反映意见。`, signature(s)),
  };
};

export const dischargePermits: Template = (r, s) => {
  const rows = Array.from({ length: r.int(3, 8) }, () => {
    const c = company(r, s.city, s.region);
    const until = yearOf(s) + 5;
    return [c.name, `${c.creditCode}${String(r.int(1, 3)).padStart(3, "0")}${r.pick(["P", "V", "Q"])}`, c.industry, `至${until}年${r.int(1, 12)}月`];
  });
  const y = yearOf(s);
  return {
    title: r.chance(0.7) ? `${y}年第${r.int(1, 24)}批排污许可证核发情况公示` : `关于${rows[0]![0]}排污许可证变更的公告`,
    bodyHtml:
      p(`根据《排污许可管理条例》的规定，现将我局核发（变更、延续）的排污许可证信息予以公开。许可排放的主要污染物为${r.shuffle(POLLUTANTS).slice(0, 3).join("、")}等。`) +
      table(["单位名称", "许可证编号", "行业类别", "有效期限"], rows) +
      p(signature(s)),
  };
};

export const hazardousWaste: Template = (r, s) => {
  const c = company(r, s.city, s.region);
  const tons = r.int(2, 60) * 1000;
  return {
    title: `关于${c.name}危险废物经营许可证${r.pick(["核发", "换证", "变更"])}的公示`,
    listRowKey: "mee.hazardous-waste",
    bodyHtml:
      p(`${c.name}申请${r.pick(["收集、贮存、利用", "收集、贮存、处置", "收集、贮存"])}危险废物，经营规模${tons}吨/年。`, `经审查，该单位符合《危险废物经营许可证管理办法》规定的条件，我局拟作出准予许可的决定，现予以公示。`) +
      p(signature(s)),
  };
};

export const facilityRemoval: Template = (r, s) => {
  const c = company(r, s.city, s.region);
  const what = r.pick(["废水预处理设施", "布袋除尘设施", "活性炭吸附装置", "脱硫脱硝设施"]);
  return {
    title: `关于同意${c.name}${r.pick(["拆除", "闲置"])}${what}的批复`,
    docNumber: docNumber(s, "审"),
    listRowKey: "mee.facility-removal",
    bodyHtml:
      p(`${c.name}：`, `你公司关于${what}因生产线搬迁停止使用的申请收悉。经现场核查，相关产污工序已停止运行，拆除（闲置）该设施不会造成污染物排放。`, `经研究，同意你公司申请。你公司应妥善处置拆除过程中产生的固体废物，防止造成二次污染。`) +
      p(signature(s)),
  };
};
