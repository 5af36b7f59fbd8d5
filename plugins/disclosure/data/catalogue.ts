/**
 * The statutory catalogue (目录) a tenant is seeded with. Tenants edit their own copy; this is only
 * the starting tree. Sources: 条例 Art 12, 20, 49–50
 * and the rows of the MEE 《生态环境领域基层政务公开标准指引》 (环办厅函〔2019〕672号) that local copies
 * confirm. A node with no `legalSource` is a conventional portal heading with no single statutory
 * source in the spec.
 *
 * zh-TW labels are the mainland legal wording in traditional script (OpenCC cn→tw, character level,
 * no Taiwanese vocabulary), so a reader in Hong Kong or Taiwan sees the same legal terms.
 */

export type LocalizedLabel = { "zh-CN": string; "zh-TW": string; en: string };

export interface CatalogueNode {
  /** Stable key, never shown: items and list rows refer to it, so renaming breaks tenants' data. */
  key: string;
  label: LocalizedLabel;
  legalSource?: string;
  children?: CatalogueNode[];
  /** Nodes with special behaviour: validity tracking, interpretation links, the guide page, the report. */
  kind?: "normative" | "rule" | "interpretation" | "annual-report" | "guide" | undefined;
}

const MEE_GUIDE = "环办厅函〔2019〕672号《生态环境领域基层政务公开标准指引》";

function node(
  key: string,
  zhCN: string,
  zhTW: string,
  en: string,
  extra: Omit<CatalogueNode, "key" | "label"> = {},
): CatalogueNode {
  return { key, label: { "zh-CN": zhCN, "zh-TW": zhTW, en }, ...extra };
}

/** 条例第二十条 items used by an ecological-environment bureau. (十)重大建设项目 and (十一)扶贫、教育… are
 *  not a bureau's own business and are left out; a tenant may add them. */
const PROACTIVE: CatalogueNode[] = [
  node("org", "机构职能", "機構職能", "Functions and organisation", {
    legalSource: "条例第二十条第（二）项",
  }),
  node("policy", "政策文件", "政策文件", "Policy documents", {
    legalSource: "条例第二十条第（一）项",
    children: [
      // Only 设区的市人民政府 make 规章; a bureau lists here the rules it implements (annual report table 二).
      node("policy.rule", "规章", "規章", "Government rules", { legalSource: "条例第二十条第（一）项", kind: "rule" }),
      node("policy.normative", "行政规范性文件", "行政規範性文件", "Administrative normative documents", {
        legalSource: "条例第二十条第（一）项",
        kind: "normative",
      }),
      node("policy.other", "其他文件", "其他文件", "Other documents"),
    ],
  }),
  // No statutory source in the spec; interpretations are linked to the policy they explain.
  node("interpretation", "政策解读", "政策解讀", "Policy interpretations", { kind: "interpretation" }),
  node("plans", "规划计划", "規劃計劃", "Plans and programmes", { legalSource: "条例第二十条第（三）项" }),
  node("statistics", "统计信息", "統計信息", "Statistics", { legalSource: "条例第二十条第（四）项" }),
  node("permits", "行政许可", "行政許可", "Administrative licensing", {
    legalSource: "条例第二十条第（五）项",
    children: [
      node(
        "permits.eia",
        "建设项目环境影响评价文件审批",
        "建設項目環境影響評價文件審批",
        "Environmental impact assessment approvals",
        { legalSource: MEE_GUIDE },
      ),
      node(
        "permits.facility-removal",
        "防治污染设施拆除或闲置审批",
        "防治汙染設施拆除或閒置審批",
        "Approvals to dismantle or idle pollution-control facilities",
        { legalSource: MEE_GUIDE },
      ),
      node("permits.hazardous-waste", "危险废物经营许可证", "危險廢物經營許可證", "Hazardous-waste operating permits", {
        legalSource: MEE_GUIDE,
      }),
      node("permits.discharge", "排污许可", "排汙許可", "Pollutant discharge permits", {
        legalSource: "《排污许可管理条例》第四条",
      }),
    ],
  }),
  node("enforcement", "行政处罚、行政强制", "行政處罰、行政強制", "Administrative penalties and coercive measures", {
    legalSource: "条例第二十条第（六）项",
    children: [
      node("enforcement.penalty", "行政处罚", "行政處罰", "Administrative penalties", {
        legalSource: "条例第二十条第（六）项",
      }),
      node("enforcement.coercion", "行政强制", "行政強制", "Administrative coercive measures", {
        legalSource: "条例第二十条第（六）项",
      }),
    ],
  }),
  node("budget", "财政预决算", "財政預決算", "Budgets and final accounts", { legalSource: "条例第二十条第（七）项" }),
  node("fees", "行政事业性收费", "行政事業性收費", "Administrative fees", { legalSource: "条例第二十条第（八）项" }),
  node("procurement", "政府集中采购", "政府集中採購", "Government centralised procurement", {
    legalSource: "条例第二十条第（九）项",
  }),
  node("emergency", "突发环境事件", "突發環境事件", "Environmental emergencies", {
    legalSource: "条例第二十条第（十二）项",
  }),
  // The MEE row 环境监测/环境质量 is unconfirmed in the spec (§3 [M]): a heading, no source, no list row.
  node("quality", "环境质量", "環境質量", "Environmental quality"),
  node("supervision", "环境监管", "環境監管", "Environmental supervision", {
    legalSource: "条例第二十条第（十三）项",
    children: [
      node("supervision.random-inspection", "双随机抽查结果", "雙隨機抽查結果", "Random inspection results", {
        legalSource: "国办发〔2015〕58号",
      }),
      node("supervision.key-units", "环境监管重点单位名录", "環境監管重點單位名錄", "Key supervised units", {
        legalSource: "《环境监管重点单位名录管理办法》（生态环境部令第27号）",
      }),
      node(
        "supervision.inspection-rectification",
        "中央生态环境保护督察整改",
        "中央生態環境保護督察整改",
        "Central environmental inspection: rectification",
        { legalSource: "《中央生态环境保护督察整改工作办法》" },
      ),
    ],
  }),
  node("ecology", "生态建设", "生態建設", "Ecological conservation", { legalSource: MEE_GUIDE }),
  node("public-service", "公共服务事项", "公共服務事項", "Public services", { legalSource: MEE_GUIDE }),
  // Art 20(14) names 公务员招考; portals file it, with other staffing notices, under 人事信息.
  node("personnel", "人事信息", "人事信息", "Personnel", { legalSource: "条例第二十条第（十四）项" }),
  node("other", "其他法定公开信息", "其他法定公開信息", "Other statutory information", {
    legalSource: "条例第二十条第（十五）项",
  }),
];

export const STATUTORY_CATALOGUE: readonly CatalogueNode[] = [
  node("guide", "公开指南", "公開指南", "Disclosure guide", { legalSource: "条例第十二条", kind: "guide" }),
  node("system", "公开制度", "公開制度", "Disclosure rules"),
  node("proactive", "法定主动公开内容", "法定主動公開內容", "Statutory proactive disclosure", {
    legalSource: "条例第二十条",
    children: PROACTIVE,
  }),
  node("request", "依申请公开", "依申請公開", "Disclosure on request", { legalSource: "条例第二十七条至第四十五条" }),
  node("annual-report", "年度报告", "年度報告", "Annual reports", {
    legalSource: "条例第四十九条、第五十条",
    kind: "annual-report",
  }),
];

export interface FlatCatalogueEntry {
  node: CatalogueNode;
  parentKey: string | undefined;
  depth: number;
}

/** Every node, depth first, with its parent's key (undefined at the top) and depth (0 at the top). */
export function flattenCatalogue(nodes: readonly CatalogueNode[] = STATUTORY_CATALOGUE): FlatCatalogueEntry[] {
  const out: FlatCatalogueEntry[] = [];
  const walk = (list: readonly CatalogueNode[], parentKey: string | undefined, depth: number) => {
    for (const n of list) {
      out.push({ node: n, parentKey, depth });
      walk(n.children ?? [], n.key, depth + 1);
    }
  };
  walk(nodes, undefined, 0);
  return out;
}

/** The node with this key, or undefined. */
export function findCatalogueNode(key: string): CatalogueNode | undefined {
  return flattenCatalogue().find((e) => e.node.key === key)?.node;
}
