import ExcelJS from "exceljs";
import { IMPORT_COLUMNS } from "../../../plugins/disclosure/server/staff/import.server";

/** Fictional words for a register of published records: every title is built from these, none copied. */
const PLACES = ["青川", "南溪", "北塘", "东岭", "西浦", "云台", "石湾", "柳港", "枫林", "明湖", "金沙", "白鹭", "桃源", "松岗", "清河"];
const TRADES = ["化工", "印染", "电镀", "造纸", "建材", "制药", "食品", "机械", "热电", "冶金", "纺织", "物流"];
const SUFFIXES = ["有限公司", "股份有限公司", "科技有限公司", "实业有限公司"];
const PROJECTS = ["年产五万吨技术改造项目", "污水处理站扩建工程", "锅炉超低排放改造项目", "危险废物暂存库建设项目", "挥发性有机物治理工程", "厂区搬迁项目", "生产线智能化升级项目", "雨污分流改造工程", "光伏发电配套项目", "固体废物综合利用项目"];
const MEDIA = ["环境空气质量", "地表水水质", "饮用水水源地水质", "声环境质量", "重点排污单位自行监测"];
const PLANS = ["生态环境保护", "大气污染防治", "水生态环境保护", "土壤污染防治", "固体废物污染防治", "噪声污染防治"];
const ISSUERS = ["生态环境局", "生态环境局执法支队", "生态环境监测站"];

type Template = { categoryKey: string; title: (i: number, year: number) => string; body: (i: number, year: number) => string; docNumber: boolean };

const company = (i: number) => `${PLACES[i % PLACES.length]}${TRADES[Math.floor(i / PLACES.length) % TRADES.length]}${SUFFIXES[Math.floor(i / 180) % SUFFIXES.length]}`;
const project = (i: number) => PROJECTS[Math.floor(i / 720) % PROJECTS.length]!;

const TEMPLATES: Template[] = [
  {
    categoryKey: "permits.eia",
    title: (i) => `关于${company(i)}${project(i)}环境影响报告表的批复`,
    body: (i) => `${company(i)}：你单位报送的${project(i)}环境影响报告表收悉。经审查，项目在落实报告表提出的各项污染防治措施后，从生态环境保护角度同意建设。`,
    docNumber: true,
  },
  {
    categoryKey: "enforcement.penalty",
    title: (i) => `${company(i)}${project(i).replace(/项目|工程/, "")}未批先建案行政处罚决定书`,
    body: (i) => `当事人${company(i)}在${project(i)}环境影响评价文件未经批准的情况下擅自开工建设，违反了《中华人民共和国环境影响评价法》的规定，依法责令停止建设并处罚款。`,
    docNumber: true,
  },
  {
    categoryKey: "quality",
    title: (i, y) => `${PLACES[i % PLACES.length]}片区${y}年第${(Math.floor(i / 15) % 4) + 1}季度${MEDIA[Math.floor(i / 60) % MEDIA.length]}状况（${company(i)}周边点位）`,
    body: (i, y) => `${y}年第${(Math.floor(i / 15) % 4) + 1}季度，${PLACES[i % PLACES.length]}片区${MEDIA[Math.floor(i / 60) % MEDIA.length]}总体保持稳定，各监测点位均达到相应功能区标准。`,
    docNumber: false,
  },
  {
    categoryKey: "plans",
    title: (i, y) => `关于印发《${PLACES[i % PLACES.length]}${PLANS[Math.floor(i / 15) % PLANS.length]}${y}年度工作方案（${company(i)}等重点单位）》的通知`,
    body: (i) => `各有关单位：现将《${PLANS[Math.floor(i / 15) % PLANS.length]}工作方案》印发给你们，请结合实际认真贯彻落实。`,
    docNumber: true,
  },
];

export interface RegisterRow {
  cells: string[];
}

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/**
 * `count` valid rows of a published-records register: a row's template, company and publication
 * day follow from its number (no two rows share title and day), dates in order and in the past,
 * categories by their label.
 * `labels` maps category keys to the labels the tenant's catalogue shows.
 */
export function registerRows(count: number, labels: Map<string, string>, issuerPrefix: string, today: string): string[][] {
  const fallback = [...labels.values()][0];
  if (!fallback) throw new Error("the tenant has no catalogue");
  const lastYear = Number(today.slice(0, 4)) - 1;
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const t = TEMPLATES[i % TEMPLATES.length]!;
    const n = Math.floor(i / TEMPLATES.length);
    // One publication day per n: (title, 发布日期), which the import keeps unique, is then unique.
    const year = lastYear - Math.floor(n / 360);
    const published = new Date(Date.UTC(year, 0, 1 + (n % 360)));
    const formed = new Date(published.getTime() - ((n % 10) + 1) * 86_400_000);
    const written = new Date(formed.getTime() - (n % 3) * 86_400_000);
    const validity = t.categoryKey === "plans" ? "有效" : "";
    const body = t.body(n, year);
    const row: Record<string, string> = {
      标题: t.title(n, year),
      // Half the register gives a 内容概述, as an office's older records often do not.
      内容概述: i % 2 === 0 ? `${body.split(/[。\n]/)[0]!.slice(0, 200)}。` : "",
      类别: labels.get(t.categoryKey) ?? fallback,
      发布机构: `${issuerPrefix}${ISSUERS[n % ISSUERS.length]}`,
      文号: t.docNumber ? `${PLACES[n % PLACES.length]!.slice(0, 1)}环${["审", "罚", "发"][i % 3]}〔${year}〕${(n % 400) + 1}号` : "",
      成文日期: iso(written),
      信息形成日期: iso(formed),
      发布日期: iso(published),
      主题分类: "环境监测、保护与治理",
      有效性: validity,
      失效或废止日期: "",
      正文: body,
    };
    rows.push(IMPORT_COLUMNS.map((c) => row[c.header] ?? ""));
  }
  return rows;
}

/** The rows as the .xlsx a bureau would upload: the header row, then the rows. */
export async function registerXlsx(rows: string[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("已公开信息");
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.header));
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
