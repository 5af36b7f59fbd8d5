import { h4, p, table } from "../html";
import { daysBefore, docNumber, lastQuarter, signature, type Template } from "../setting";
import { company, person, VIOLATIONS } from "../vocabulary";

/** 行政处罚决定书, quarterly case lists, 查封扣押 decisions. */

export const penaltyDecision: Template = (r, s) => {
  const c = company(r, s.city, s.region);
  const v = r.pick(VIOLATIONS);
  const fine = r.int(2, 80) * 10_000;
  const number = docNumber(s, "罚");
  return {
    title: r.chance(0.5) ? `${number}行政处罚决定书（${c.name}）` : `${c.name}${v.short}案行政处罚决定书`,
    docNumber: number,
    listRowKey: "mee.penalty-decision",
    bodyHtml:
      p(`当事人：${c.name}`, `统一社会信用代码：${c.creditCode}`, `法定代表人：${person(r)}`, `地址：${s.place}${r.pick(["工业园区", "经济开发区", "镇工业集中区"])}${r.int(1, 99)}号`) +
      h4("一、环境违法事实和证据") +
      p(
        `我局执法人员于${daysBefore(s, r.int(40, 120))}对你单位进行现场检查，发现你单位${v.fact}。`,
        `以上事实有现场检查（勘察）笔录、调查询问笔录、${r.pick(["监测报告", "现场照片", "视频资料", "在线监测数据"])}等证据为证。你单位的上述行为违反了${v.law}的有关规定。`,
      ) +
      h4("二、行政处罚的依据、种类") +
      p(`依据${v.law}的有关规定，并参照我省生态环境行政处罚裁量基准，我局决定对你单位处以罚款人民币${(fine / 10_000).toFixed(0)}万元。`) +
      h4("三、履行方式和期限") +
      p(`你单位应自收到本决定书之日起十五日内，将罚款缴至指定银行。逾期不缴纳罚款的，我局可每日按罚款数额的百分之三加处罚款。`) +
      h4("四、申请复议或者提起诉讼的途径和期限") +
      p(`你单位如不服本处罚决定，可在收到本决定书之日起六十日内申请行政复议，也可以在六个月内直接向人民法院提起行政诉讼。`) +
      p(signature(s)),
  };
};

export const penaltyList: Template = (r, s) => {
  const { y, q } = lastQuarter(s);
  const rows = Array.from({ length: r.int(3, 9) }, () => {
    const c = company(r, s.city, s.region);
    const v = r.pick(VIOLATIONS);
    return [`${s.prefix}罚〔${y}〕${r.int(1, 90)}号`, c.name, v.short, `罚款${r.int(2, 80)}万元`];
  });
  return {
    title: `${y}年第${q}季度环境行政处罚案件信息公开表`,
    listRowKey: "mee.penalty-decision",
    bodyHtml: p(`现将我局${y}年第${q}季度作出的环境行政处罚决定予以公开。`) + table(["决定书文号", "被处罚单位", "违法行为", "处罚结果"], rows) + p(signature(s)),
  };
};

export const coercion: Template = (r, s) => {
  const c = company(r, s.city, s.region);
  const v = r.pick(VIOLATIONS);
  const lift = r.chance(0.35);
  const number = docNumber(s, "封");
  return {
    title: lift ? `关于解除对${c.name}查封措施的决定` : `${number}查封（扣押）决定书`,
    docNumber: number,
    listRowKey: "mee.coercion-decision",
    bodyHtml: lift
      ? p(`${c.name}：`, `我局于${daysBefore(s, r.int(20, 60))}对你单位${r.pick(["生产设备", "废气处理设施", "原料仓库"])}实施查封。经核查，你单位已完成整改，污染物排放符合标准。`, `根据《中华人民共和国行政强制法》的有关规定，我局决定自即日起解除上述查封措施。`) +
        p(signature(s))
      : p(`当事人：${c.name}`, `经查，你单位${v.fact}，可能造成严重污染。`, `依据《环境保护主管部门实施查封、扣押办法》的有关规定，我局决定对你单位${r.pick(["相关生产设施", "排污设备", "涉案原辅材料"])}实施查封，期限为三十日。`, `查封期间，不得擅自启封、转移、使用被查封的设施、设备。`) +
        p(signature(s)),
  };
};
