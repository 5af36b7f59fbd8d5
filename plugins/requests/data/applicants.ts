import type { ApplicantType } from "../law/applicants";
import { creditCode, residentIdNumber, type CreditCodeKind } from "./identity-numbers";
import type { Random } from "./random";

/**
 * Fictional applicants for the demo: names put together from common surnames and given-name
 * characters, organisations from made-up words, identity numbers well-formed for the demo's
 * made-up region (3612xx), e-mail at example domains. None is copied from a real record.
 */

export interface DemoApplicant {
  applicantType: ApplicantType;
  name: string;
  idType?: "resident_id" | "passport" | "hk_macao_permit";
  idNumber?: string;
  organisation?: string;
  creditCode?: string;
  phone: string;
  email: string;
  address: string;
  postcode: string;
}

const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤"];
const MALE = ["伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "辉", "鹏", "华", "飞", "斌", "宇", "浩", "凯", "建国", "志强", "海波", "文博", "子轩", "国平", "永红", "晓东", "立新", "俊杰"];
const FEMALE = ["芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "玲", "丹", "萍", "婷", "雪", "琳", "颖", "倩", "慧", "秀英", "桂兰", "晓燕", "雅婷", "思琪", "梦洁", "春梅", "海燕", "佳怡"];

const DISTRICTS = [
  { name: "东湖区", region: "361202", postcode: "361001" },
  { name: "西山区", region: "361203", postcode: "361002" },
  { name: "南岭区", region: "361204", postcode: "361003" },
  { name: "滨江区", region: "361205", postcode: "361004" },
];
const ROADS = ["湖滨路", "建设路", "解放大道", "人民路", "青年路", "朝阳街", "新华路", "长青路", "文昌路", "工业大道", "学府路", "滨江大道", "南岭大街", "枫林路"];
const ESTATES = ["锦绣花园", "翠湖小区", "阳光新城", "丽景苑", "康乐小区", "江畔华庭", "书香苑", "御湖湾"];

const BRAND = ["绿源", "清泉", "恒达", "鑫盛", "华科", "宏远", "金禾", "瑞丰", "润达", "天成", "博远", "永兴", "嘉禾", "蓝湾", "汇通", "盛元"];
const INDUSTRY = ["环保科技", "化工", "建材", "纸业", "电镀", "印染", "食品", "房地产开发", "建设工程", "物流", "制药", "再生资源", "水务", "陶瓷", "新材料", "环境检测"];
const RESEARCH = ["示范大学环境与资源学院", "示范市环境科学研究所", "示范理工大学生态环境研究中心", "示范市农业科学研究院", "示范市水利科学研究所", "示范学院流域生态研究中心"];
const NGO = [
  { name: "示范市绿色家园环保志愿者协会", kind: "51" },
  { name: "示范市青山绿水环境保护促进会", kind: "51" },
  { name: "示范市清水河守护公益服务中心", kind: "52" },
  { name: "示范市环境教育公益服务中心", kind: "52" },
  { name: "示范市碧水蓝天公益基金会", kind: "53" },
  { name: "示范市湿地保护志愿者联合会", kind: "51" },
] as const;
const LAW_FIRM = ["明德", "正衡", "公信", "立诚", "德衡", "衡平", "致远", "信和"];
const OTHER_ORG = [
  { name: (d: string) => `示范市${d}绿禾果蔬种植专业合作社`, kind: "93" },
  { name: (d: string) => `示范市${d}恒达纸业有限公司工会委员会`, kind: "81" },
  { name: (d: string) => `示范市${d}个体私营企业商会`, kind: "51" },
  { name: (d: string) => `示范市${d}清溪水产养殖专业合作社`, kind: "93" },
] as const;

function personName(random: Random, male: boolean): string {
  return random.pick(SURNAMES) + random.pick(male ? MALE : FEMALE);
}

function mobile(random: Random): string {
  return `1${random.pick(["3", "5", "7", "8", "9"])}${random.digits(9)}`;
}

export function businessName(random: Random): string {
  return `示范市${random.pick(BRAND)}${random.pick(INDUSTRY)}有限公司`;
}

function organisation(random: Random, type: Exclude<ApplicantType, "natural">, district: string): { name: string; kind: CreditCodeKind } {
  switch (type) {
    case "business":
      return { name: businessName(random), kind: "91" };
    case "research":
      return { name: random.pick(RESEARCH), kind: "12" };
    case "public_interest":
      return random.pick(NGO);
    case "legal_service":
      return { name: `示范${random.pick(LAW_FIRM)}律师事务所`, kind: "31" };
    case "other_org": {
      const o = random.pick(OTHER_ORG);
      return { name: o.name(district), kind: o.kind };
    }
  }
}

/** One applicant of the given type, with contact details and, for a person, an identity document. */
export function demoApplicant(random: Random, type: ApplicantType): DemoApplicant {
  const district = random.pick(DISTRICTS);
  const male = random.chance(0.55);
  const name = personName(random, male);
  const address = random.chance(0.6)
    ? `示范市${district.name}${random.pick(ROADS)}${random.int(1, 288)}号${random.pick(ESTATES)}${random.int(1, 30)}栋${random.int(1, 3)}单元${random.int(1, 28)}0${random.int(1, 4)}室`
    : `示范市${district.name}${random.pick(ROADS)}${random.int(1, 388)}号`;
  const contact = { phone: mobile(random), email: `applicant${random.digits(6)}@example.com`, address, postcode: district.postcode };
  if (type === "natural") {
    const roll = random.next();
    const id =
      roll < 0.9
        ? { idType: "resident_id" as const, idNumber: residentIdNumber(random, random.pick(DISTRICTS).region, male) }
        : roll < 0.95
          ? { idType: "passport" as const, idNumber: `E${random.digits(8)}` }
          : { idType: "hk_macao_permit" as const, idNumber: `C${random.digits(8)}` };
    return { applicantType: type, name, ...id, ...contact };
  }
  const org = organisation(random, type, district.name);
  return {
    applicantType: type,
    // The contact person of the organisation.
    name,
    organisation: org.name,
    creditCode: creditCode(random, org.kind, district.region),
    ...contact,
    email: `office${random.digits(4)}@example.org`,
  };
}
