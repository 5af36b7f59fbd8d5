import { randomUUID } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDate } from "../../../app/plugin-api";
import { loader as datasetLoader } from "../routes/api/dataset";
import { loader as openDataLoader } from "../routes/public/open-data";
import { API_FIELDS, COLUMNS, COLUMN_HEADERS } from "../server/open-data/columns";
import { forgetDatasets } from "../server/open-data/datasets.server";
import { humanSize } from "../../../app/plugin-api/files.server";
import { BoundedMemo } from "../server/open-data/memo";
import { seedDisclosure } from "../server/seed.server";
import { openDisclosure } from "./setup";

type Env = Awaited<ReturnType<typeof openDisclosure>>;
let env: Env;
let code: string;

type Loader<T> = (args: LoaderFunctionArgs) => Promise<T>;
function call<T>(loader: Loader<T>, path: string, params: Record<string, string> = {}): Promise<T> {
  return loader({ request: new Request(`http://localhost${path}`), params: { tenant: code, ...params }, context: env.context });
}
const page = (qs = "") => call(openDataLoader, `/t/${code}/disclosure/open-data${qs}`);
async function download(category: string, file: string, qs = ""): Promise<Response> {
  const res = await call(datasetLoader, `/api/v1/t/${code}/disclosure/datasets/${encodeURIComponent(category)}/${encodeURIComponent(file)}${qs}`, { category, file });
  if (!(res instanceof Response)) throw new Error("not a Response");
  return res;
}
const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());

/** RFC 4180: quoted fields (quotes doubled) may hold commas and line breaks; rows end with CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    }
    else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field || row.length) throw new Error("the last row does not end with CRLF");
  return rows;
}

interface Seeded {
  id: string;
  index_number: string;
  title: string;
  summary: string | null;
  category_key: string;
  doc_number: string | null;
  published_on: string;
  validity: string | null;
  valid_from: string | null;
  status: string;
  attribute: string;
  updated_at: Date;
}

/** Written straight into the table (a system context, under row-level security as the office), so that the years and update times are ours to choose. */
const rows: Seeded[] = [];
let n = 0;
async function insert(tenantId: string, values: Partial<Seeded> & Pick<Seeded, "title" | "category_key" | "published_on">) {
  // No RETURNING: the public's policy would refuse to hand back an on-request row to a context without a user.
  const seeded: Seeded = {
    id: randomUUID(),
    index_number: `TEST-${values.published_on.slice(0, 4)}-${String(++n).padStart(4, "0")}`,
    summary: null,
    doc_number: null,
    validity: null,
    valid_from: null,
    status: "published",
    attribute: "proactive",
    updated_at: new Date(`${values.published_on}T02:00:00Z`),
    ...values,
  };
  await env.systemContext(tenantId).withTenant((trx) =>
    trx
      .insertInto("disclosure_items")
      .values({ ...values, ...seeded, tenant_id: tenantId, issuer: "测试分局", written_on: values.published_on, formed_on: values.published_on, topic: "环境监测、保护与治理", body_html: "", attachments: "[]" })
      .execute(),
  );
  if (tenantId === env.office.id) rows.push(seeded);
  return seeded;
}

const visible = (category: string, year: number) =>
  rows
    .filter((r) => r.category_key === category && r.published_on.startsWith(String(year)) && r.status === "published" && r.attribute === "proactive")
    .sort((a, b) => b.published_on.localeCompare(a.published_on) || b.index_number.localeCompare(a.index_number));

let withdrawn: Seeded;
let onRequest: Seeded;
let elsewhere: Seeded;

beforeAll(async () => {
  env = await openDisclosure();
  code = env.office.code;
  for (const t of [env.tree.city, ...env.tree.offices]) await seedDisclosure(env.systemContext(t.id));
  await insert(env.office.id, { title: "2024年第一季度环境质量状况", category_key: "quality", published_on: "2024-03-01" });
  await insert(env.office.id, {
    title: '关于"鹭洲"湿地水质, 监测结果的公告',
    summary: "第一行\n第二行，含逗号, 和引号\"",
    doc_number: "东环〔2024〕7号",
    category_key: "quality",
    published_on: "2024-06-10",
  });
  withdrawn = await insert(env.office.id, {
    title: "关于调整噪声监测点位的公告",
    category_key: "quality",
    published_on: "2024-05-02",
    status: "withdrawn",
    withdrawn_on: "2024-12-01",
    withdrawal_reason: "监测方案已调整",
    updated_at: new Date("2024-12-01T06:30:00Z"),
  } as Partial<Seeded> & Pick<Seeded, "title" | "category_key" | "published_on">);
  await insert(env.office.id, { title: "2025年第一季度环境质量状况", category_key: "quality", published_on: "2025-04-08" });
  await insert(env.office.id, { title: "关于印发排污许可管理办法的通知", category_key: "policy.normative", published_on: "2025-02-20", validity: "valid", valid_from: "2025-03-01" });
  onRequest = await insert(env.office.id, { title: "企业排污许可核发情况统计", category_key: "statistics", published_on: "2025-07-01", attribute: "on_request" });
  elsewhere = await insert(env.tree.offices[1]!.id, { title: "另一分局的环境质量状况", category_key: "quality", published_on: "2024-08-08" });
}, 180_000);
afterAll(() => env.handle.close());

describe(`open datasets (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("lists one dataset per category and year with its published proactive records and latest change", async () => {
    const data = await page();
    const sets = data.datasets.map((d) => `${d.categoryKey}/${d.year}:${d.records}`);
    // Catalogue order (policy before quality), newest year first; no set of another office's, an on-request or a withdrawn-only item.
    expect(sets).toEqual(["policy.normative/2025:1", "quality/2025:1", "quality/2024:2"]);
    const quality2024 = data.datasets.find((d) => d.categoryKey === "quality" && d.year === 2024)!;
    // The withdrawal is the set's latest change, though the withdrawn item is not in it.
    expect(quality2024.updatedAt).toBe(withdrawn.updated_at.toISOString());
    expect(quality2024.updated).toBe("2024-12-01 14:30");
    expect(quality2024.category).toBe("环境质量");
    expect(quality2024.files.map((f) => [f.format, f.url])).toEqual([
      ["csv", `http://localhost/api/v1/t/${code}/disclosure/datasets/quality/2024.csv`],
      ["xlsx", `http://localhost/api/v1/t/${code}/disclosure/datasets/quality/2024.xlsx`],
    ]);
    for (const f of quality2024.files) expect(f.size).toBe(humanSize(f.bytes, "zh-CN"));
    expect(data.datasets.map((d) => d.categoryKey)).not.toContain(onRequest.category_key);

    const english = await page("?lng=en");
    expect(english.datasets[0]!.category).toBe("Administrative normative documents");
  });

  it("gives a CSV with a BOM that parses to the set's items under the shared column headers, its size as listed", async () => {
    const listed = (await page()).datasets.find((d) => d.categoryKey === "quality" && d.year === 2024)!;
    const res = await download("quality", "2024.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const disposition = res.headers.get("content-disposition")!;
    expect(disposition).toContain(`filename="${code}-quality-2024.csv"`);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(`${env.systemContext(env.office.id).tenant.name["zh-CN"]}-环境质量（2024年）.csv`);
    const bytes = await bytesOf(res);
    expect(bytes.length).toBe(listed.files.find((f) => f.format === "csv")!.bytes);
    expect(res.headers.get("content-length")).toBe(String(bytes.length));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const [header, ...body] = parseCsv(bytes.subarray(3).toString("utf8"));
    expect(header).toEqual(COLUMN_HEADERS);
    expect(header).toEqual(["索引号", "标题", "内容概述", "所属类别", "发布机构", "文号", "成文日期", "发布日期", "主题分类", "有效性", "施行日期", "失效或废止日期", "公开属性", "链接"]);
    const expected = visible("quality", 2024);
    const col = (name: string) => header!.indexOf(name);
    expect(body.map((r) => r[col("索引号")])).toEqual(expected.map((r) => r.index_number));
    expect(body.map((r) => r[col("标题")])).toEqual(expected.map((r) => r.title));
    expect(body.map((r) => r[col("内容概述")])).toEqual(expected.map((r) => r.summary ?? ""));
    expect(body.map((r) => r[col("发布日期")])).toEqual(expected.map((r) => r.published_on));
    expect(body.map((r) => r[col("链接")])).toEqual(expected.map((r) => `http://localhost/t/${code}/disclosure/items/${r.id}`));
    expect(new Set(body.map((r) => r[col("所属类别")]))).toEqual(new Set(["环境质量"]));
    expect(new Set(body.map((r) => r[col("公开属性")]))).toEqual(new Set(["主动公开"]));
    // Withdrawn, another office's: not there.
    const text = bytes.toString("utf8");
    for (const absent of [withdrawn, elsewhere]) expect(text).not.toContain(absent.title);
  });

  it("gives an XLSX that exceljs reads back: bold frozen header, widths, the same rows, a sheet describing the columns, its size as listed", async () => {
    const listed = (await page()).datasets.find((d) => d.categoryKey === "policy.normative" && d.year === 2025)!;
    const res = await download("policy.normative", "2025.xlsx");
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const bytes = await bytesOf(res);
    expect(bytes.length).toBe(listed.files.find((f) => f.format === "xlsx")!.bytes);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const [sheet, about] = book.worksheets;
    expect(sheet!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet!.getRow(1).font?.bold).toBe(true);
    expect((sheet!.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMN_HEADERS);
    COLUMNS.forEach((c, i) => expect(sheet!.getColumn(i + 1).width, c.header).toBe(c.width));
    expect(sheet!.rowCount).toBe(2);
    const cell = (name: string) => sheet!.getRow(2).getCell(COLUMN_HEADERS.indexOf(name) + 1).value;
    const [item] = visible("policy.normative", 2025);
    expect(cell("标题")).toBe(item!.title);
    expect(cell("有效性")).toBe("有效");
    expect(cell("施行日期")).toBe("2025-03-01");
    expect(cell("文号")).toBeNull();
    expect(cell("链接")).toMatchObject({ hyperlink: `http://localhost/t/${code}/disclosure/items/${item!.id}` });
    expect(about!.name).toBe("字段说明");
    expect(about!.getColumn(1).values.slice(2)).toEqual(COLUMN_HEADERS);
  });

  it("makes the same files again, to the byte count listed, once the remembered ones are gone", async () => {
    const listed = (await page()).datasets.find((d) => d.categoryKey === "quality" && d.year === 2024)!;
    forgetDatasets();
    for (const f of listed.files) expect((await bytesOf(await download("quality", `2024.${f.format}`))).length).toBe(f.bytes);
    forgetDatasets();
    expect((await page()).datasets.find((d) => d.categoryKey === "quality" && d.year === 2024)!.files.map((f) => f.bytes)).toEqual(listed.files.map((f) => f.bytes));
  });

  it("follows a new publication through the workflow: the set's count, update time and sizes change together", async () => {
    const year = Number(chinaDate().slice(0, 4));
    expect((await page()).datasets.some((d) => d.categoryKey === "quality" && d.year === year)).toBe(false);
    await env.publishThrough("本年度环境质量状况公报", { categoryKey: "quality", issuer: "测试分局", writtenOn: chinaDate(), formedOn: chinaDate(), topic: "环境监测、保护与治理", body: "<p>总体稳定。</p>" });
    const set = (await page()).datasets.find((d) => d.categoryKey === "quality" && d.year === year)!;
    expect(set.records).toBe(1);
    const csv = (await bytesOf(await download("quality", `${year}.csv`))).toString("utf8");
    expect(csv).toContain("本年度环境质量状况公报");
    expect(Buffer.byteLength(csv)).toBe(set.files[0]!.bytes);
  });

  it.each([
    ["quality", "abcd.csv", 400, "file"],
    ["quality", "2024.pdf", 400, "file"],
    ["quality", "2024", 400, "file"],
    ["quality", "1800.csv", 400, "file"],
    ["quality", "2024.csv\u0000", 400, "file"],
    ["../etc", "2024.csv", 400, "category"],
    ["Quality", "2024.csv", 400, "category"],
    ["x".repeat(300), "2024.csv", 400, "category"],
    ["nope", "2024.csv", 404, null],
    ["quality", "2019.xlsx", 404, null],
    ["statistics", "2025.csv", 404, null],
  ])("refuses %s/%s with %i, in the reader's language", async (category, file, status, parameter) => {
    const res = await download(category, file, "?lng=en");
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { code: string; message: string; parameter?: string } };
    expect(body.error.code).toBe(status === 400 ? "invalid_parameter" : "not_found");
    if (parameter) expect(body.error.parameter).toBe(parameter);
    expect(body.error.message).not.toMatch(/portal\.|errors\./);
    expect(body.error.message).not.toMatch(/\p{Script=Han}/u);
    const zh = (await (await download(category, file)).json()) as { error: { message: string } };
    expect(zh.error.message).toMatch(/\p{Script=Han}/u);
  });

  it("documents every column and API field (name, type, meaning) in all three languages, from the one definition", async () => {
    const { locales } = await import("../locales");
    const read = (tree: unknown, key: string) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
    for (const lng of ["zh-CN", "zh-TW", "en"] as const) {
      for (const c of COLUMNS) {
        for (const key of [c.label, `portal.openData.types.${c.type}`, c.description ?? `portal.openData.fields.${c.field}`]) expect(read(locales[lng], key), `${lng} ${key}`).toEqual(expect.any(String));
      }
      for (const f of API_FIELDS) for (const key of [`portal.openData.types.${f.type}`, `portal.openData.fields.${f.key}`]) expect(read(locales[lng], key), `${lng} ${key}`).toEqual(expect.any(String));
    }
    // Every column carries an API field of the same name, so the files and the interface agree.
    const apiKeys = new Set<string>(API_FIELDS.map((f) => f.key));
    for (const c of COLUMNS) expect(apiKeys.has(c.field), c.field).toBe(true);
  });
});

describe("the bounded memo", () => {
  it("drops the least recently used entry past its entry or weight bound, and never keeps one heavier than the budget", () => {
    const memo = new BoundedMemo<string>(3, 10, (v) => v.length);
    memo.set("a", "aaa");
    memo.set("b", "bbb");
    memo.set("c", "ccc");
    expect(memo.get("a")).toBe("aaa"); // a is now the most recent
    memo.set("d", "d");
    expect([memo.get("b"), memo.size]).toEqual([undefined, 3]);
    memo.set("e", "eeeeeee"); // 3 + 3 + 1 + 7 > 10: c, then a go
    expect([memo.get("c"), memo.get("a"), memo.get("d"), memo.get("e")]).toEqual([undefined, undefined, "d", "eeeeeee"]);
    expect(memo.weight).toBe(8);
    memo.set("f", "x".repeat(11));
    expect([memo.get("f"), memo.weight]).toEqual([undefined, 8]);
  });
});
