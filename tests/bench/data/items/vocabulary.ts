import { creditCodeCheckChar, orgCodeCheckChar } from "../../../../app/core/tenancy/credit-code";
import type { Random } from "../random";

/**
 * Made-up words an environmental bureau's publications are built from: companies, projects,
 * pollutants, stations, violations, campaigns. Combined by the templates; nothing is a real record.
 */

const BRAND_A = [..."恒鑫华宏金瑞润天博永嘉蓝汇盛绿清远新正德通泰安源达丰利昌兴铭"];
const BRAND_B = [..."达源泰昌盛华兴科丰利通远成发隆和信瑞康宇"];
export const INDUSTRIES = [
  "环保科技", "化工", "建材", "纸业", "电镀", "印染", "食品", "制药", "再生资源", "新材料", "机械制造", "汽车零部件",
  "电子科技", "家具", "陶瓷", "水泥", "纺织", "塑料制品", "金属制品", "热电", "水务", "畜牧养殖", "农业开发", "混凝土",
];
const PRODUCTS = [
  "再生纸", "水性涂料", "蒸压加气混凝土砌块", "果蔬饮料", "印制电路板", "汽车零部件", "预拌混凝土", "有机肥", "饲料", "塑料颗粒",
  "铸件", "光伏组件", "锂电池正极材料", "医药中间体", "食品添加剂", "瓦楞纸板", "不锈钢制品", "陶瓷砖", "纺织面料", "生物质颗粒燃料",
];
const FACILITIES = [
  "污水处理厂提标改造工程", "生活垃圾焚烧发电项目", "危险废物集中处置中心项目", "集中供热站建设项目", "110千伏输变电工程",
  "医疗废物集中处置项目", "工业园区污水管网工程", "建筑垃圾资源化利用项目", "农村生活污水治理工程", "加油站改扩建项目",
];
export const POLLUTANTS = ["化学需氧量", "氨氮", "总磷", "颗粒物", "二氧化硫", "氮氧化物", "挥发性有机物", "总铬", "石油类", "悬浮物"];
export const VIOLATIONS = [
  { fact: "废气排放口颗粒物排放浓度超过大气污染物排放标准", short: "超标排放大气污染物", law: "《中华人民共和国大气污染防治法》" },
  { fact: "建设项目环境影响评价文件未经批准擅自开工建设", short: "未批先建", law: "《中华人民共和国环境影响评价法》" },
  { fact: "危险废物未按规定分类贮存，且未设置危险废物识别标志", short: "危险废物贮存不规范", law: "《中华人民共和国固体废物污染环境防治法》" },
  { fact: "废水总排口化学需氧量、氨氮排放浓度超过水污染物排放标准", short: "超标排放水污染物", law: "《中华人民共和国水污染防治法》" },
  { fact: "未取得排污许可证排放污染物", short: "无证排污", law: "《排污许可管理条例》" },
  { fact: "未按照排污许可证规定开展自行监测", short: "未按规定自行监测", law: "《排污许可管理条例》" },
  { fact: "挥发性有机物废气收集处理设施未正常运行", short: "治污设施未正常运行", law: "《中华人民共和国大气污染防治法》" },
  { fact: "夜间施工作业产生噪声污染，干扰周围居民正常生活", short: "夜间施工噪声污染", law: "《中华人民共和国噪声污染防治法》" },
];
export const EVENTS = ["危险化学品运输车辆侧翻", "企业火灾次生环境污染", "河道水质异常", "输油管道泄漏", "河段死鱼", "工业废水渗漏"];
export const CAMPAIGNS = ["大气污染防治攻坚", "入河排污口排查整治", "危险废物专项整治", "扬尘污染综合治理", "餐饮油烟专项治理", "噪声污染防治", "重点行业挥发性有机物治理", "黑臭水体整治"];
/** Names of local rules and normative documents, as the office's place name completes them. */
export const RULE_TOPICS = [
  "建设项目环境影响评价文件分级审批管理办法", "排污权有偿使用和交易管理办法", "生态环境行政处罚自由裁量基准", "环境违法行为有奖举报办法",
  "机动车排气污染防治办法", "扬尘污染防治管理办法", "餐饮业油烟污染防治管理规定", "危险废物规范化管理实施办法", "生态环境损害赔偿工作办法",
  "噪声污染防治管理规定", "重污染天气应急管理办法", "排污许可证后监管实施细则",
];
export const EIA_FIRMS = ["环境科学研究院", "环保工程咨询有限公司", "环境技术有限公司", "生态环境工程设计院"];
const RIVER_NAMES = [..."清白青洛沱澄泗渭淇沅漓湘"];

export interface Company {
  name: string;
  creditCode: string;
  industry: string;
}

/** A company of the office's city: "青州恒达化工有限公司" with a well-formed credit code (企业 91). */
export function company(r: Random, city: string, region: string): Company {
  const industry = r.pick(INDUSTRIES);
  const org8 = r.digits(8);
  const first17 = `91${region}${org8}${orgCodeCheckChar(org8)}`;
  return { name: `${city}${r.pick(BRAND_A)}${r.pick(BRAND_B)}${industry}有限公司`, creditCode: first17 + creditCodeCheckChar(first17), industry };
}

export function project(r: Random): string {
  return r.chance(0.35)
    ? r.pick(FACILITIES)
    : r.pick([`年产${r.int(1, 60)}万吨${r.pick(PRODUCTS)}项目`, `${r.pick(PRODUCTS)}生产线技术改造项目`, `年产${r.int(100, 5000)}吨${r.pick(PRODUCTS)}扩建项目`]);
}

export const river = (r: Random) => `${r.pick(RIVER_NAMES)}${r.pick(["河", "江", "溪"])}`;
export const station = (r: Random, place: string) => `${place.replace(/^.+?市/, "") || place}${r.pick(["城区", "开发区", "监测站", "水厂", "公园", "中学"])}`;
export const person = (r: Random) => r.pick([..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"]) + r.pick(["某", "某某"]);
export const money = (r: Random, min: number, max: number) => `${r.int(min, max)}.${r.int(0, 9)}万元`;
export const amount = (r: Random, min: number, max: number, digits = 1) => (min + r.next() * (max - min)).toFixed(digits);
