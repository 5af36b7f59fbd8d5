/**
 * Believable demo disclosure items for the demo tenants, written for this demo: every office,
 * company, project, figure and 文号 is fictional (the city is 示范市, which does not exist). Nothing
 * here is copied from real bureau documents.
 *
 * Output depends only on the tenant passed in, so the demo and its tests see the same items every
 * run. A few items are deliberately imperfect so the demo has something to show: 2 or 3 per tenant
 * are published more than 20 working days after formation (`expectLate`), and exactly one carries
 * a resident ID number and a mobile number in its body (`containsPersonalData`) for the scan.
 */

import { TOPICS } from "./topics";

export interface DemoItem {
  key: string;
  catalogueKey: string;
  listRowKey?: string;
  title: string;
  /** 内容概述 (条例第十二条): the catalogue shows it under the title. */
  summary?: string;
  /** 发布机构 */
  issuer: string;
  /** 文号 */
  docNumber?: string;
  /** 成文日期 YYYY-MM-DD */
  writtenOn: string;
  /** The date the information was formed or changed: the 20-working-day clock starts here. */
  formedOn: string;
  /** 发布日期 */
  publishedOn: string;
  /** 主题分类 */
  topic: string;
  validity?: { status: "有效" | "失效" | "废止"; effectiveFrom?: string; endedOn?: string };
  /** Plain sanitised HTML: <p>, <ol>, <li>, <strong> and tables only, no attributes. */
  bodyHtml: string;
  /** Key of the policy item this 政策解读 explains. */
  interpretationOf?: string;
  attachments?: DemoAttachment[];
  /** The one item per tenant whose body holds personal data, so the classification scan has a finding. */
  containsPersonalData?: true;
  /** Published more than 20 working days after formedOn, so the timeliness view has late items. */
  expectLate?: true;
}

/**
 * A file the seed writes as a real document: a PDF or Word file of a title and paragraphs (a
 * paragraph "标签：内容" becomes a row of the Word file's form table), or a workbook of rows.
 */
export type DemoAttachment =
  | { kind: "pdf" | "docx"; name: string; title: string; paragraphs: string[] }
  | { kind: "xlsx"; name: string; sheet: string; rows: string[][] };

/** The text an attachment is written from: its title and paragraphs, or its rows as tab-separated lines (as extraction reads a workbook). */
export function demoAttachmentText(a: DemoAttachment): string {
  return a.kind === "xlsx" ? a.rows.map((r) => r.join("\t")).join("\n") : [a.title, ...a.paragraphs].join("\n");
}

export interface DemoTenant {
  code: string;
  nameZh: string;
  /** e.g. 东湖 */
  shortName: string;
  seed: number;
}

/** No demo item is dated after this day. */
export const DEMO_LATEST_DATE = "2026-11-20";

export { TOPICS };

/** mulberry32: tiny, fast and good enough to make fictional data look varied. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------- dates (UTC calendar days; weekends skipped, holidays not: a demo need not know them) ----------

const DAY_MS = 86_400_000;
const toTime = (d: string) => Date.parse(`${d}T00:00:00Z`);
const fromTime = (t: number) => new Date(t).toISOString().slice(0, 10);
const addDays = (d: string, n: number) => fromTime(toTime(d) + n * DAY_MS);
const pad = (n: number) => String(n).padStart(2, "0");

function weekday(d: string): string {
  const dow = new Date(toTime(d)).getUTCDay();
  return dow === 6 ? addDays(d, 2) : dow === 0 ? addDays(d, 1) : d;
}

function addYears(d: string, years: number): string {
  return `${Number(d.slice(0, 4)) + years}${d.slice(4)}`;
}

// ---------- HTML (only the tags the item body allows) ----------

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const p = (...lines: string[]) => lines.map((l) => `<p>${esc(l)}</p>`).join("");
const strongP = (lead: string, rest: string) => `<p><strong>${esc(lead)}</strong>${esc(rest)}</p>`;
const ol = (entries: string[]) => `<ol>${entries.map((e) => `<li>${esc(e)}</li>`).join("")}</ol>`;
function table(head: string[], rows: (string | number)[][]): string {
  const tr = (cells: (string | number)[], tag: "th" | "td") =>
    `<tr>${cells.map((c) => `<${tag}>${esc(String(c))}</${tag}>`).join("")}</tr>`;
  return `<table><thead>${tr(head, "th")}</thead><tbody>${rows.map((r) => tr(r, "td")).join("")}</tbody></table>`;
}

// ---------- fictional vocabulary ----------

const BRANDS = ["澄湖", "柏川", "禾岭", "岚石", "溪岸", "明岫", "青樾", "远澜", "泓屿", "松垣", "杉屿", "晴川"];

const PROFILES = [
  { industry: "包装材料", project: "年产2000万平方米瓦楞纸板生产线项目" },
  { industry: "精细化工", project: "年产5000吨水性涂料技术改造项目" },
  { industry: "金属表面处理", project: "汽车零部件电镀生产线提标改造项目" },
  { industry: "新型建材", project: "年产30万立方米蒸压加气混凝土砌块项目" },
  { industry: "食品", project: "年产1万吨果蔬饮料生产线项目" },
  { industry: "纺织印染", project: "印染废水深度处理设施改造项目" },
  { industry: "家具制造", project: "年产5万套实木家具生产线项目" },
  { industry: "再生资源", project: "年处理3万吨废塑料再生利用项目" },
  { industry: "医药", project: "原料药车间废气治理改造项目" },
  { industry: "电子科技", project: "年产500万片印制电路板项目" },
];

const VIOLATIONS = [
  { fact: "废气排放口颗粒物排放浓度超过国家规定的大气污染物排放标准", law: "《中华人民共和国大气污染防治法》" },
  { fact: "建设项目环境影响报告表未经审批擅自开工建设", law: "《中华人民共和国环境影响评价法》" },
  { fact: "危险废物露天堆放，未按照规定设置危险废物识别标志", law: "《中华人民共和国固体废物污染环境防治法》" },
  { fact: "未按照排污许可证规定开展自行监测", law: "《排污许可管理条例》" },
  { fact: "水污染防治设施未正常运行，部分生产废水未经处理排放", law: "《中华人民共和国水污染防治法》" },
];

const RIGHTS =
  "如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，也可以自收到本决定书之日起六个月内依法提起行政诉讼。";

/** GB 11643 check character for the first 17 digits of a resident ID number. */
export function residentIdCheckChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return "10X98765432"[sum % 11]!;
}

export function demoItems(tenant: DemoTenant): DemoItem[] {
  const rng = mulberry32(tenant.seed);
  const int = (min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const dateIn = (year: number, fromMonth: number, toMonth: number) =>
    weekday(`${year}-${pad(int(fromMonth, toMonth))}-${pad(int(1, 28))}`);

  const isBranch = tenant.nameZh.endsWith("分局");
  const city = /^(.*?市)/.exec(tenant.nameZh)?.[1] ?? tenant.shortName;
  const area = isBranch ? `${tenant.shortName}区` : city;
  const abbr = tenant.shortName.slice(0, 1);
  const issuer = tenant.nameZh;

  // Fictional companies, each used once so two decisions never name the same party by accident.
  const companies = shuffle(
    BRANDS.flatMap((brand) =>
      PROFILES.map((profile) => ({ ...profile, name: `${city}${isBranch ? tenant.shortName : ""}${brand}${profile.industry}有限公司` })),
    ),
  );
  const nextCompany = () => companies.pop()!;

  function shuffle<T>(list: T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  // 文号 are placeholders until the end, then numbered per series and year in order of writing,
  // so a later document never carries a smaller number.
  const NO = "{no}";
  const docNo = (series: string, date: string) => `${abbr}${series}〔${date.slice(0, 4)}〕${NO}号`;
  function numberDocuments() {
    const series = new Map<string, DemoItem[]>();
    for (const item of items) if (item.docNumber) series.set(item.docNumber, [...(series.get(item.docNumber) ?? []), item]);
    for (const group of series.values()) {
      let n = int(1, 9);
      for (const item of group.sort((a, b) => a.writtenOn.localeCompare(b.writtenOn) || a.key.localeCompare(b.key))) {
        n += int(1, 6);
        const numbered = item.docNumber!.replace(NO, String(n));
        item.title = item.title.replace(item.docNumber!, numbered);
        item.docNumber = numbered;
      }
    }
  }

  // Which kinds of item get one late publication: 2 or 3 of them, chosen by the seed.
  const lateKinds = new Set(shuffle(["quality", "penalty", "random", "budget", "supervision", "ecology"]).slice(0, int(2, 3)));
  const takeLate = (kind: string) => lateKinds.delete(kind);

  /** Dates of one item: formed `formedLag` days after writing, published 1–14 days later, or 45–75 if late. */
  function timing(written: string, late = false, formedLag: [number, number] = [0, 0]) {
    const writtenOn = weekday(written);
    const formedOn = weekday(addDays(writtenOn, int(...formedLag)));
    const publishedOn = weekday(addDays(formedOn, late ? int(45, 75) : int(1, 14)));
    if (publishedOn > DEMO_LATEST_DATE) throw new Error(`demo item dated after ${DEMO_LATEST_DATE}: ${publishedOn}`);
    return { writtenOn, formedOn, publishedOn, ...(late ? { expectLate: true as const } : {}) };
  }

  const items: DemoItem[] = [];
  const counters = new Map<string, number>();
  function add(kind: string, item: Omit<DemoItem, "key" | "issuer" | "topic"> & { topic?: string }): DemoItem {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    const full: DemoItem = { key: `${tenant.code}.${kind}-${n}`, issuer, topic: TOPICS.environment, ...item };
    items.push(full);
    return full;
  }

  // ---------- 公开指南, 公开制度, 机构职能, 依申请公开 ----------

  add("guide", {
    catalogueKey: "guide",
    title: `${issuer}政府信息公开指南（2024年修订）`,
    topic: TOPICS.general,
    ...timing(dateIn(2024, 2, 4)),
    bodyHtml:
      p(`为便于公民、法人和其他组织获取${issuer}（以下简称本机关）的政府信息，根据《中华人民共和国政府信息公开条例》，编制本指南。`) +
      strongP("一、主动公开。", "本机关主动公开的政府信息按本网站政府信息公开目录分类编排，自信息形成或者变更之日起20个工作日内公开。") +
      strongP("二、依申请公开。", "申请人可以通过本网站在线申请、信函或者当面提交等方式提出申请，申请表可在本网站下载或者到本机关受理窗口领取。") +
      strongP("三、收费。", "本机关依申请提供政府信息不收取费用，但申请数量、频次明显超过合理范围的，按照有关规定收取信息处理费。") +
      strongP("四、监督和救济。", "申请人认为本机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。") +
      p("受理窗口的办公地址、办公时间、联系电话和传真见本网站“联系我们”页面。"),
  });

  const systemT = timing(dateIn(2023, 3, 6));
  add("system", {
    catalogueKey: "system",
    title: `${issuer}政府信息公开保密审查制度`,
    topic: TOPICS.general,
    ...systemT,
    docNumber: docNo("环办", systemT.writtenOn),
    bodyHtml:
      p("为规范政府信息公开前的保密审查工作，坚持“先审查、后公开”“一事一审”的原则，制定本制度。") +
      ol([
        "拟公开的政府信息由承办科室提出公开属性意见，经科室负责人审核。",
        "保密审查员对拟公开信息是否涉及国家秘密、商业秘密和个人隐私进行审查，并对需要区分处理的内容提出处理意见。",
        "对是否可以公开难以确定的，依法报有关主管部门或者保密行政管理部门确定。",
        "审查记录随公开信息一并归档备查。",
      ]),
  });

  add("org", {
    catalogueKey: "org",
    listRowKey: "art20.org",
    title: `${issuer}主要职责和内设机构`,
    topic: TOPICS.general,
    ...timing(dateIn(2023, 1, 3)),
    bodyHtml:
      p(`${issuer}负责${area}生态环境保护的统一监督管理工作。主要职责：`) +
      ol([
        `贯彻执行生态环境保护法律法规和政策，组织实施${area}生态环境保护规划。`,
        "负责辖区环境污染防治的监督管理，组织开展大气、水、土壤、噪声等污染防治工作。",
        "负责建设项目环境影响评价文件审批和排污许可相关工作。",
        "负责生态环境监测、统计和信息发布工作。",
        "依法开展生态环境执法检查，查处生态环境违法行为。",
        "负责突发环境事件的应急、预警和处置工作。",
      ]) +
      p("内设机构：办公室、环境影响评价与排放管理科、大气与水生态环境科、土壤与固体废物科、生态环境执法大队。") +
      p("办公时间：工作日上午9:00至12:00，下午13:30至17:30。"),
  });

  add("request", {
    catalogueKey: "request",
    title: "政府信息公开申请须知",
    topic: TOPICS.general,
    ...timing(dateIn(2023, 5, 8)),
    bodyHtml:
      p("申请获取政府信息的，应当以书面形式提出。申请内容应当包括：") +
      ol([
        "申请人的姓名或者名称、身份证明、联系方式；",
        "申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；",
        "申请公开的政府信息的形式要求，包括获取信息的方式、途径。",
      ]) +
      p("申请内容不明确的，本机关将在收到申请之日起7个工作日内一次性告知需要补正的事项。"),
    attachments: [
      {
        kind: "docx",
        name: "政府信息公开申请表.docx",
        title: "政府信息公开申请表",
        paragraphs: [
          "申请人类型：公民 / 法人或者其他组织",
          "姓名或名称：",
          "身份证件名称及号码：",
          "联系方式：",
          "所需信息的名称、文号或者特征性描述：",
          "获取信息的方式：邮寄 / 电子邮件 / 当面领取",
        ],
      },
    ],
  });

  // ---------- 政策文件 and 政策解读 ----------

  const effective = (published: string) => addDays(published, int(10, 30));

  function normative(title: string, written: string, summary: string[]) {
    const t = timing(written, false, [0, 2]);
    return add("normative", {
      catalogueKey: "policy.normative",
      listRowKey: "art20.normative",
      title: `关于印发《${title}》的通知`,
      summary: summary.join(""),
      docNumber: docNo("环规", t.writtenOn),
      ...t,
      validity: { status: "有效", effectiveFrom: effective(t.publishedOn) },
      bodyHtml: p("各有关单位：", `现将《${title}》印发给你们，请认真贯彻执行。`) + ol(summary),
    });
  }

  function interpretation(policy: DemoItem, points: string[]) {
    const writtenOn = weekday(addDays(policy.writtenOn, int(0, 2)));
    const formedOn = writtenOn;
    // Published with the policy (同步发布) or a few days after, never before it.
    let publishedOn = weekday(addDays(policy.publishedOn, int(0, 3)));
    if (publishedOn < formedOn) publishedOn = formedOn;
    const name = /《(.+)》/.exec(policy.title)?.[1] ?? policy.title;
    return add("interpretation", {
      catalogueKey: "interpretation",
      title: `《${name}》政策解读`,
      summary: `解读要点：${points.join("")}`,
      writtenOn,
      formedOn,
      publishedOn,
      interpretationOf: policy.key,
      bodyHtml:
        strongP("一、制定背景。", `为进一步规范${area}相关生态环境管理工作，结合本地实际，制定该文件。`) +
        strongP("二、主要内容。", "文件主要包括以下内容：") +
        ol(points) +
        strongP("三、施行时间。", policy.validity?.effectiveFrom ? `自${cn(policy.validity.effectiveFrom)}起施行。` : "自印发之日起施行。"),
    });
  }

  const eiaTitle = `${area}建设项目环境影响评价文件分级审批管理规定`;
  const eiaOld = normative(eiaTitle, dateIn(2023, 3, 6), [
    "明确本级审批的建设项目类别和审批权限。",
    "规定报告书、报告表的受理、公示和审批程序。",
  ]);
  interpretation(eiaOld, ["审批权限的划分。", "受理、公示和批复的办理时限。"]);

  const discretion = normative(`${area}生态环境行政处罚裁量基准（试行）`, dateIn(2023, 4, 9), [
    "细化常见生态环境违法行为的裁量情节和罚款幅度。",
    "本基准有效期2年。",
  ]);
  const from = discretion.validity!.effectiveFrom!;
  discretion.validity = { status: "失效", effectiveFrom: from, endedOn: addDays(addYears(from, 2), -1) };

  const emission = normative(`${area}重污染天气应急减排清单管理办法`, dateIn(2024, 2, 10), [
    "明确应急减排清单的纳入范围和分级管控要求。",
    "规定清单的年度修订和动态更新程序。",
    "本办法有效期5年。",
  ]);
  interpretation(emission, ["清单纳入范围。", "黄色、橙色、红色预警下的减排措施。"]);

  const eiaNew = normative(`${eiaTitle}（2025年修订）`, dateIn(2025, 2, 8), [
    "调整部分行业建设项目的审批权限。",
    "推行环评审批与排污许可衔接。",
    `本规定施行之日起，原《${eiaTitle}》同时废止。`,
  ]);
  interpretation(eiaNew, ["审批权限的调整情况。", "与排污许可衔接的具体要求。", "新旧规定的衔接。"]);
  eiaOld.validity = {
    status: "废止",
    effectiveFrom: eiaOld.validity!.effectiveFrom!,
    endedOn: eiaNew.validity!.effectiveFrom!,
  };

  if (rng() < 0.5) {
    normative(`${area}生态环境违法行为举报奖励办法`, dateIn(2026, 1, 6), [
      "明确举报奖励的条件、标准和程序。",
      "对举报人信息严格保密。",
    ]);
  }

  const ozoneYear = int(2024, 2025);
  const ozoneT = timing(dateIn(ozoneYear, 4, 5));
  const ozone = add("policy-other", {
    catalogueKey: "policy.other",
    title: `关于做好${ozoneYear}年夏季臭氧污染防治工作的通知`,
    docNumber: docNo("环发", ozoneT.writtenOn),
    ...ozoneT,
    bodyHtml:
      p("各有关单位：", "为有效应对夏季臭氧污染，现就有关工作通知如下：") +
      ol(["加强挥发性有机物排放企业的监督检查。", "推进涉挥发性有机物企业错峰生产。", "加强油品储运销环节的油气回收检查。"]),
  });
  interpretation(ozone, ["臭氧污染的成因和防治重点。", "企业需要落实的管控措施。"]);

  // ---------- 规划计划, 统计信息 ----------

  add("plans", {
    catalogueKey: "plans",
    listRowKey: "art20.plans",
    title: `${issuer}2025年政务公开工作要点`,
    topic: TOPICS.general,
    ...timing(dateIn(2025, 3, 4)),
    bodyHtml: ol([
      "做好行政规范性文件和政策解读的同步发布。",
      "规范建设项目环评审批、行政处罚决定等执法信息公开。",
      "按月发布环境质量信息。",
      "按时编制和发布政府信息公开工作年度报告。",
    ]),
  });
  add("plans", {
    catalogueKey: "plans",
    listRowKey: "art20.plans",
    title: `${area}2026年度“双随机、一公开”抽查工作计划`,
    ...timing(dateIn(2026, 1, 2)),
    bodyHtml: p("本年度按季度开展随机抽查，抽查结果自抽查结束之日起20个工作日内公开。") + ol([
      "重点排污单位每季度抽查比例不低于25%。",
      "一般排污单位按执法人员与监管对象1∶10的比例抽取。",
      "特殊监管对象每季度全部检查。",
    ]),
  });

  add("statistics", {
    catalogueKey: "statistics",
    listRowKey: "art20.statistics",
    title: `${area}2024年生态环境统计年报简况`,
    ...timing(dateIn(2025, 6, 8)),
    bodyHtml:
      p(`2024年，${area}纳入生态环境统计调查的工业企业${int(40, 160)}家。`) +
      table(["指标", "排放量（吨）"], [
        ["化学需氧量", int(300, 1800)],
        ["氨氮", int(20, 120)],
        ["二氧化硫", int(100, 900)],
        ["氮氧化物", int(200, 1500)],
      ]),
  });

  // ---------- 行政许可 ----------

  function eiaProject(year: number, stage: "accept" | "propose") {
    const company = nextCompany();
    const project = `${company.name}${company.project}`;
    const first = timing(dateIn(year, 2, 7));
    add("eia", {
      catalogueKey: "permits.eia",
      listRowKey: "mee.eia",
      title: stage === "accept" ? `${project}环境影响报告表受理情况公示` : `${project}环境影响报告表拟审批公示`,
      ...first,
      bodyHtml:
        p(
          stage === "accept"
            ? `我局已受理${project}环境影响报告表，现将报告表全本予以公示。`
            : `我局拟对${project}环境影响报告表作出审批意见，现将基本情况公示，公示期为5个工作日。`,
        ) +
        table(["项目名称", "建设单位", "建设地点", "环评文件类型"], [[project, company.name, `${area}工业园区`, "环境影响报告表"]]),
      ...(stage === "accept"
        ? {
            attachments: [
              {
                kind: "pdf",
                name: `${company.project}环境影响报告表（公示本）.pdf`,
                title: "建设项目环境影响报告表（公示本）",
                paragraphs: [
                  `项目名称：${project}`,
                  `建设单位：${company.name}`,
                  `建设地点：${area}工业园区`,
                  "主要污染物：废气、废水、噪声、固体废物",
                  "污染防治措施：废气经收集处理后达标排放，生产废水经预处理后接入园区污水处理厂，选用低噪声设备并采取隔声减振措施，固体废物分类收集、依法处置。",
                  "本公示本已删除涉及国家秘密、商业秘密和个人隐私的内容。",
                ],
              },
            ],
          }
        : {}),
    });
    const decision = timing(addDays(first.publishedOn, int(10, 20)));
    add("eia", {
      catalogueKey: "permits.eia",
      listRowKey: "mee.eia",
      title: `关于${project}环境影响报告表的批复`,
      docNumber: docNo("环评", decision.writtenOn),
      ...decision,
      bodyHtml:
        p(`${company.name}：`, `你单位报送的${company.project}环境影响报告表收悉。经研究，批复如下：`) +
        ol([
          "在落实报告表提出的各项污染防治措施后，项目建设对环境的不利影响能够得到缓解和控制，我局同意该项目建设。",
          "项目应严格执行配套的环境保护设施与主体工程同时设计、同时施工、同时投产使用的环境保护“三同时”制度。",
          "项目投入生产前，应当依法申请取得排污许可证。",
        ]),
    });
  }
  eiaProject(int(2023, 2024), "accept");
  eiaProject(int(2025, 2026), "propose");

  const facilityCo = nextCompany();
  const facilityT = timing(dateIn(int(2023, 2025), 3, 11));
  add("facility", {
    catalogueKey: "permits.facility-removal",
    listRowKey: "mee.facility-removal",
    title: `关于${facilityCo.name}关闭工业固体废物贮存场所的核准决定`,
    docNumber: docNo("环评", facilityT.writtenOn),
    ...facilityT,
    bodyHtml: p(
      `${facilityCo.name}：`,
      "你单位关于关闭一般工业固体废物贮存场所的申请收悉。经现场核查，该场所内固体废物已全部清运并妥善处置，防止污染环境的措施已落实，同意关闭。",
    ),
  });

  const hwCo = nextCompany();
  add("hazardous-waste", {
    catalogueKey: "permits.hazardous-waste",
    listRowKey: "mee.hazardous-waste",
    title: `${hwCo.name}危险废物经营许可证核发前公示`,
    ...timing(dateIn(int(2024, 2025), 2, 10)),
    bodyHtml:
      p(`${hwCo.name}申请危险废物经营许可证，经审查，拟核发许可证，现予以公示，公示期为5个工作日。`) +
      table(["经营方式", "核准经营类别", "核准经营规模"], [["收集、贮存、利用", "废矿物油与含矿物油废物", `${int(2, 10)}千吨/年`]]),
  });

  const permitYear = int(2024, 2026);
  const quarter = permitYear === 2026 ? int(1, 2) : int(1, 4);
  const permitT = timing(dateIn(permitYear, quarter * 3, quarter * 3));
  add("discharge", {
    catalogueKey: "permits.discharge",
    title: `${permitYear}年第${quarter}季度排污许可证核发情况公示`,
    ...permitT,
    bodyHtml:
      p("本季度核发的排污许可证如下，许可证有效期为5年。") +
      table(["单位名称", "管理类别", "发证日期", "有效期至"], [0, 1].map(() => {
        const issued = addDays(permitT.writtenOn, -int(5, 60));
        return [nextCompany().name, pick(["重点管理", "简化管理"]), issued, addDays(addYears(issued, 5), -1)];
      })),
  });

  // ---------- 行政处罚、行政强制 ----------

  const penaltyDates = [int(2023, 2024), int(2025, 2026), ...(rng() < 0.5 ? [int(2024, 2026)] : [])].sort((a, b) => a - b);
  const violations = shuffle([...VIOLATIONS]);
  penaltyDates.forEach((year, i) => {
    const company = nextCompany();
    const violation = violations[i % violations.length]!;
    const t = timing(dateIn(year, 2, 9), takeLate("penalty"));
    const no = docNo("环罚", t.writtenOn);
    add("penalty", {
      catalogueKey: "enforcement.penalty",
      listRowKey: "mee.penalty-decision",
      title: `${company.name}行政处罚决定书（${no}）`,
      summary: `${company.name}${violation.fact}，违反${violation.law}，依法予以罚款。`,
      docNumber: no,
      ...t,
      bodyHtml:
        p(`当事人：${company.name}`) +
        strongP("一、违法事实和证据。", `我局执法人员现场检查发现，你单位${violation.fact}。以上事实有现场检查笔录、调查询问笔录、监测报告和现场照片等证据为证。`) +
        strongP("二、行政处罚的依据和种类。", `你单位的行为违反了${violation.law}的有关规定。我局依法告知你单位陈述、申辩的权利，你单位在规定期限内未提出陈述、申辩意见。依据${violation.law}的有关规定，决定对你单位处罚款人民币${int(2, 45)}万元。`) +
        strongP("三、履行方式和期限。", "你单位应当自收到本决定书之日起十五日内将罚款缴至指定账户。") +
        p(RIGHTS),
    });
  });

  const sealCo = nextCompany();
  const sealT = timing(dateIn(int(2024, 2026), 2, 8));
  add("coercion", {
    catalogueKey: "enforcement.coercion",
    listRowKey: "mee.coercion-decision",
    title: `${sealCo.name}查封决定书`,
    docNumber: docNo("环封", sealT.writtenOn),
    ...sealT,
    bodyHtml:
      p(`当事人：${sealCo.name}`) +
      p("经查，你单位在废气治理设施未正常运行的情况下进行喷涂作业，违法排放污染物，可能造成严重污染。") +
      p("依据《中华人民共和国环境保护法》和《中华人民共和国行政强制法》的有关规定，我局决定对你单位喷涂生产线及配套设备实施查封，查封期限为三十日。") +
      p(RIGHTS),
  });

  // ---------- 财政预决算, 行政事业性收费, 政府集中采购 ----------

  const budgetYears = rng() < 0.5 ? [2025, 2026] : [2025];
  budgetYears.forEach((year) => {
    const income = int(800, 3000);
    const basic = Math.round(income * (0.55 + rng() * 0.2));
    add("budget", {
      catalogueKey: "budget",
      listRowKey: "art20.budget",
      title: `${issuer}${year}年部门预算`,
      topic: TOPICS.finance,
      ...timing(dateIn(year, 1, 2), takeLate("budget")),
      bodyHtml:
        p(`${year}年收支总预算${income}万元。`) +
        table(["项目", "金额（万元）"], [
          ["基本支出", basic],
          ["项目支出", income - basic],
          ["“三公”经费", (int(30, 150) / 10).toFixed(1)],
        ]),
    });
  });
  const accountsYear = int(2023, 2024);
  const spent = int(700, 2800);
  const otherFunds = int(0, 50);
  add("budget", {
    catalogueKey: "budget",
    listRowKey: "art20.budget",
    title: `${issuer}${accountsYear}年部门决算`,
    topic: TOPICS.finance,
    ...timing(dateIn(accountsYear + 1, 7, 8)),
    bodyHtml: p(`${accountsYear}年度支出总计${spent}万元，主要用于污染防治、生态环境监测和执法监管。`) +
      table(["项目", "决算数（万元）"], [["一般公共预算财政拨款支出", spent - otherFunds], ["其他资金支出", otherFunds]]),
  });

  add("fees", {
    catalogueKey: "fees",
    listRowKey: "art20.fees",
    title: `${issuer}行政事业性收费情况说明`,
    topic: TOPICS.finance,
    ...timing(dateIn(2025, 1, 2)),
    bodyHtml: p("本机关无行政事业性收费项目。依申请提供政府信息需收取信息处理费的，按照国家有关规定执行。"),
  });

  const buyYear = int(2025, 2026);
  add("procurement", {
    catalogueKey: "procurement",
    listRowKey: "art20.procurement",
    title: `${issuer}${buyYear}年政府采购意向公开`,
    topic: TOPICS.finance,
    ...timing(dateIn(buyYear, 2, 4)),
    bodyHtml: table(["采购项目名称", "预算金额（万元）", "预计采购时间"], [
      ["环境空气自动监测站运行维护服务", int(30, 120), `${buyYear}年${int(4, 6)}月`],
      ["生态环境执法装备", int(20, 80), `${buyYear}年${int(7, 9)}月`],
    ]),
  });

  // ---------- 突发环境事件 ----------

  add("emergency", {
    catalogueKey: "emergency",
    listRowKey: "art20.emergency",
    title: `${area}突发环境事件应急预案（2024年修订）`,
    ...timing(dateIn(2024, 5, 9), false, [0, 3]),
    bodyHtml: p("本预案适用于辖区内突发环境事件的应对工作。") +
      ol(["总则", "组织指挥体系", "监测预警", "应急响应", "后期工作", "应急保障"]),
  });
  // ---------- 环境质量: monthly bulletins, formed in the first days of the next month ----------

  const months = shuffle(["2024-03", "2024-07", "2024-11", "2025-02", "2025-06", "2025-09", "2025-12", "2026-04", "2026-08", "2026-09"])
    .slice(0, int(3, 4))
    .sort();
  for (const month of months) {
    const [y, m] = month.split("-").map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
    const t = timing(`${next}-${pad(int(3, 8))}`, takeLate("quality"));
    const good = (75 + rng() * 23).toFixed(1);
    add("quality", {
      catalogueKey: "quality",
      title: `${area}${y}年${m}月环境质量状况`,
      summary: `${y}年${m}月${area}环境空气优良天数比例为${good}%，公布主要污染物浓度及其同比变化和地表水断面水质状况。`,
      ...t,
      bodyHtml:
        p(`${y}年${m}月，${area}环境空气优良天数比例为${good}%。`) +
        table(["指标", "浓度", "同比变化"], [
          ["PM2.5（微克/立方米）", int(18, 55), `${pick(["下降", "上升"])}${(rng() * 12).toFixed(1)}%`],
          ["PM10（微克/立方米）", int(35, 90), `${pick(["下降", "上升"])}${(rng() * 12).toFixed(1)}%`],
          ["臭氧（微克/立方米）", int(80, 170), `${pick(["下降", "上升"])}${(rng() * 12).toFixed(1)}%`],
        ]) +
        p(`地表水监测断面${int(4, 8)}个，水质达到或优于Ⅲ类的断面比例为${pick(["75.0", "83.3", "87.5", "100"])}%。`),
    });
  }

  // ---------- 环境监管 ----------

  const draws: [number, number][] = [[int(2023, 2024), int(1, 4)], [2025, int(1, 4)]];
  for (const [year, q] of draws) {
    const t = timing(dateIn(year, q * 3, q * 3), takeLate("random"));
    add("random", {
      catalogueKey: "supervision.random-inspection",
      title: `${area}${year}年第${q}季度“双随机、一公开”抽查结果公示`,
      ...t,
      bodyHtml:
        p(`本季度随机抽取监管对象${int(6, 20)}家，随机匹配执法人员开展检查，结果如下：`) +
        table(["单位名称", "抽查事项", "检查结果"], [
          [nextCompany().name, "污染防治设施运行情况", "未发现问题"],
          [nextCompany().name, "排污许可证执行情况", "发现问题，已责令改正"],
        ]),
    });
  }

  const listYear = int(2024, 2026);
  add("key-units", {
    catalogueKey: "supervision.key-units",
    title: isBranch ? `转发${city}${listYear}年环境监管重点单位名录` : `${city}${listYear}年环境监管重点单位名录`,
    ...timing(`${listYear}-03-${pad(int(2, 20))}`),
    bodyHtml: p(`${city}${listYear}年环境监管重点单位名录已确定，现予公布。名录分为水环境重点排污单位、大气环境重点排污单位、土壤污染重点监管单位等类别。`),
    attachments: [
      {
        kind: "xlsx",
        name: `${listYear}年环境监管重点单位名录.xlsx`,
        sheet: "重点单位名录",
        rows: [
          ["序号", "类别", "单位名称"],
          ["1", "大气环境重点排污单位", nextCompany().name],
          ["2", "水环境重点排污单位", nextCompany().name],
        ],
      },
    ],
  });

  const batch = int(3, 12);
  add("rectification", {
    catalogueKey: "supervision.inspection-rectification",
    title: `中央生态环境保护督察交办信访件办理情况（第${batch}批）`,
    ...timing(dateIn(2025, 4, 6)),
    bodyHtml: table(["受理编号", "交办问题基本情况", "污染类型", "是否属实", "处理和整改情况"], [
      [`X${batch}-${int(10, 99)}`, `${area}某工业园区夜间异味扰民`, "大气", "属实", "已责令企业整改，完成废气收集设施改造"],
      [`X${batch}-${int(100, 199)}`, `${area}某小区周边施工噪声扰民`, "噪声", "部分属实", "已督促施工单位调整作业时间"],
    ]),
  });

  add("supervision", {
    catalogueKey: "supervision",
    listRowKey: "art20.supervision",
    title: `${area}2025年上半年生态环境执法检查情况`,
    ...timing(dateIn(2025, 7, 7), takeLate("supervision")),
    bodyHtml: p(`2025年上半年，共出动执法人员${int(100, 600)}人次，检查企业${int(50, 300)}家次，立案查处环境违法案件${int(3, 25)}件。`),
  });

  // ---------- 生态建设, 公共服务, 人事, 其他 ----------

  const ecoYear = int(2024, 2025);
  add("ecology", {
    catalogueKey: "ecology",
    listRowKey: "mee.ecology",
    title: `${area}${ecoYear}年农村环境综合整治工作进展`,
    ...timing(dateIn(ecoYear, 6, 10), takeLate("ecology")),
    bodyHtml: p(`${ecoYear}年，${area}完成${int(3, 12)}个行政村环境综合整治，农村生活污水治理率进一步提高。`),
  });

  add("consultation", {
    catalogueKey: "public-service",
    listRowKey: "mee.consultation",
    title: "关于建设项目环评手续办理咨询的答复",
    ...timing(dateIn(2024, 3, 10)),
    bodyHtml: p("您好！您咨询的小型建设项目是否需要办理环评手续的问题，应根据《建设项目环境影响评价分类管理名录》确定，属于登记表类别的项目在线备案即可。感谢您对生态环境工作的关注。"),
  });

  // The one item with personal data left in by mistake: the scan must flag it before publication.
  const idFirst17 = `${pick(["361202", "361203", "361204"])}19${int(60, 99)}${pad(int(1, 12))}${pad(int(1, 28))}${int(100, 999)}`;
  add("consultation", {
    catalogueKey: "public-service",
    listRowKey: "mee.consultation",
    title: "关于餐饮油烟扰民问题咨询的答复",
    ...timing(dateIn(2025, 5, 10)),
    containsPersonalData: true,
    bodyHtml:
      p(`来信人（身份证号码：${idFirst17}${residentIdCheckChar(idFirst17)}，手机：139${pad(int(0, 99))}${int(100000, 999999)}）：`) +
      p("您反映的餐饮油烟扰民问题已收悉。我局执法人员已到现场核查，责令该餐饮单位清洗油烟净化设施并规范运行。感谢您对生态环境工作的支持。"),
  });

  const hireYear = int(2025, 2026);
  add("personnel", {
    catalogueKey: "personnel",
    listRowKey: "art20.recruitment",
    title: `${issuer}${hireYear}年度考试录用公务员职位情况`,
    topic: TOPICS.personnel,
    ...timing(dateIn(hireYear, 1, 3)),
    bodyHtml: table(["职位", "录用人数", "学历要求", "专业要求"], [
      ["生态环境执法岗", int(1, 3), "大学本科及以上", "环境科学与工程类"],
      ["综合管理岗", 1, "大学本科及以上", "不限"],
    ]),
  });

  const discloseYear = int(2024, 2026);
  add("other", {
    catalogueKey: "other",
    title: isBranch ? `转发${city}${discloseYear}年环境信息依法披露企业名单` : `${city}${discloseYear}年环境信息依法披露企业名单`,
    ...timing(`${discloseYear}-02-${pad(int(3, 25))}`),
    bodyHtml: p(`${area}辖区内列入名单的企业应当按照《企业环境信息依法披露管理办法》的规定披露环境信息。`) +
      ol([nextCompany().name, nextCompany().name]),
  });

  numberDocuments();
  return items;
}

/** 2025-03-01 → 2025年3月1日 */
function cn(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
