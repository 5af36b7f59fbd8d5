import { lead, ol, p } from "../html";
import { docNumber, signature, yearOf, type ItemSetting, type Template, type Written } from "../setting";
import type { Random } from "../../random";
import { CAMPAIGNS, RULE_TOPICS } from "../vocabulary";

/** 行政规范性文件, 规章, other notices, 政策解读 of a published policy, plans. */

const CHAPTERS = ["总则", "职责分工", "管理要求", "监督检查", "法律责任", "附则"];

export const normative: Template = (r, s) => {
  const name = `${s.place}${r.pick(RULE_TOPICS)}`;
  return {
    title: `${s.issuer}关于印发《${name}》的通知`,
    docNumber: docNumber(s, "规"),
    listRowKey: "art20.normative",
    bodyHtml:
      p(`各有关单位：`, `为进一步规范相关工作，根据有关法律法规，结合我${s.place.endsWith("区") ? "区" : "市"}实际，我局制定了《${name}》，现印发给你们，请认真贯彻执行。`) +
      ol(CHAPTERS.slice(0, r.int(4, 6)).map((c, i) => `第${"一二三四五六"[i]}章 ${c}`)) +
      p(`本${name.endsWith("基准") ? "基准" : "文件"}自印发之日起施行，有效期${r.pick([3, 5])}年。`, signature(s)),
  };
};

export const rule: Template = (r, s) => {
  return {
    title: `${s.place}${r.pick(RULE_TOPICS)}`,
    listRowKey: "art20.rule",
    bodyHtml: p(`（${yearOf(s)}年${r.int(1, 12)}月${r.int(1, 28)}日${s.place.replace(/区$/, "")}人民政府第${r.int(2, 40)}次常务会议通过）`) + ol(CHAPTERS.map((c, i) => `第${"一二三四五六"[i]}章 ${c}`)),
  };
};

export const notice: Template = (r, s) => {
  const y = yearOf(s);
  const campaign = r.pick(CAMPAIGNS);
  return {
    title: r.chance(0.5) ? `关于开展${y}年${campaign}专项行动的通知` : `关于做好${y}年${r.pick(["汛期环境安全", "秋冬季大气污染防治", "夏季臭氧污染防控", "春节期间环境安全"])}工作的通知`,
    docNumber: r.chance(0.6) ? docNumber(s, "发") : undefined,
    listRowKey: undefined,
    bodyHtml:
      p(`各有关单位：`, `为深入打好污染防治攻坚战，持续改善${s.place}生态环境质量，经研究，决定开展${campaign}工作。现将有关事项通知如下：`) +
      lead("一、工作目标。", `到${y}年底，${r.pick(["重点区域污染物排放明显下降", "群众反映强烈的突出问题基本解决", "环境风险隐患全面排查整治"])}。`) +
      lead("二、重点任务。", `各单位要对照任务清单，逐项抓好落实，于每月${r.int(5, 28)}日前报送工作进展。`) +
      lead("三、工作要求。", `加强组织领导，强化督导检查，对工作推进不力的单位予以通报。`) +
      p(signature(s)),
  };
};

/** A 政策解读 of a policy item already published: it names the policy and links to it. */
export function interpretation(r: Random, s: ItemSetting, policyTitle: string): Written {
  const name = /《(.+?)》/.exec(policyTitle)?.[1] ?? policyTitle;
  return {
    title: `《${name}》政策解读`,
    bodyHtml:
      lead("一、制定背景。", `为贯彻落实生态环境保护有关要求，解决相关工作中存在的突出问题，我局制定了《${name}》。`) +
      lead("二、主要内容。", `该文件共${r.int(4, 6)}章${r.int(18, 40)}条，明确了适用范围、职责分工、管理要求和法律责任。`) +
      lead("三、主要亮点。", r.pick(["细化了裁量情形，统一了执法尺度。", "优化了办理流程，压缩了办理时限。", "明确了信息公开要求，便于公众监督。"])) +
      p(`解读机关：${s.issuer}`, `解读人：${r.pick(["政策法规科", "综合科", "环评科", "执法监督科"])}负责人`),
  };
}

export const plans: Template = (r, s) => {
  const y = yearOf(s);
  const which = r.pick([`${s.place}${y}年大气污染防治工作计划`, `${s.place}${y}年度生态环境监测方案`, `${s.place}${y}年水污染防治工作方案`, `${s.place}${y}年土壤污染防治工作计划`]);
  return {
    title: which,
    listRowKey: "art20.plans",
    bodyHtml: p(`为持续改善生态环境质量，制定本${which.endsWith("方案") ? "方案" : "计划"}。`) + ol([`主要目标：${r.pick(["细颗粒物平均浓度持续下降", "国省控断面水质稳定达标", "受污染耕地安全利用率保持稳定"])}。`, `重点任务：${r.pick(CAMPAIGNS)}。`, `保障措施：加强组织领导，强化资金保障，严格考核问责。`]),
  };
};
