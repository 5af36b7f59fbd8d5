import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentPage } from "../../../app/plugin-api/testing";
import { action as editorAction, loader as editorLoader } from "../routes/admin/editor";
import { loader as staffItemLoader } from "../routes/admin/item";
import { loader as apiItemLoader } from "../routes/api/item";
import { loader as apiItemsLoader } from "../routes/api/items";
import { loader as csvLoader } from "../routes/api/items-csv";
import { loader as categoryLoader } from "../routes/public/category";
import { loader as feedLoader } from "../routes/public/feed";
import { loader as itemLoader } from "../routes/public/item";
import { loader as searchLoader } from "../routes/public/search";
import ExcelJS from "exceljs";
import { IMPORT_COLUMNS, templateCsv, templateXlsx } from "../server/staff/import.server";
import { readSheet } from "../server/staff/spreadsheet.server";
import { itemById } from "../server/items.server";
import { listed } from "../server/portal/page.server";
import { approveThrough, csv, good, HEADER, row, runAs } from "./import-helpers";
import { draftForm, load, openStaff, post, type StaffEnv } from "./staff-helpers";

let env: StaffEnv;
beforeAll(async () => {
  env = await openStaff();
}, 60_000);
afterAll(() => env.handle.close());

const SUMMARY = "通报东湖片区第三季度空气质量优良天数比例、臭氧浓度同比变化和整改措施。";
const PHONE = "13812345678";

type Failure = { errors: Record<string, string[]>; values: Record<string, string> };
type Loader<T> = (args: LoaderFunctionArgs) => Promise<T>;
const call = <T,>(loader: Loader<T>, path: string, params: Record<string, string> = {}) =>
  loader({ request: new Request(`http://localhost${path}`), params: { tenant: env.office.code, ...params }, context: env.context });
const portal = (rest: string) => `/t/${env.office.code}/disclosure${rest}`;
const api = (rest: string) => `/api/v1/t/${env.office.code}/disclosure${rest}`;
const documents = () => env.systemContext(env.office.id).withTenant((trx) => trx.selectFrom("workflow_documents").select(["id", "payload"]).where("tenant_id", "=", env.office.id).execute());
const itemOf = (title: string) =>
  env.asStaff(env.users.viewer.id, (trx) => trx.selectFrom("disclosure_items").select(["id", "summary", "index_number"]).where("tenant_id", "=", env.office.id).where("title", "=", title).executeTakeFirst());

describe(`内容概述 (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("goes from the editor through approval to the portal, the lists, search, the API and the CSV as the reviewers read it", async () => {
    const title = "关于东湖片区2026年第三季度空气质量状况的通报";
    const res = await post(env, editorAction, env.users.drafter.id, "/new", draftForm({ intent: "submit", title, summary: `  ${SUMMARY}\n` }));
    expect(res.location).toMatch(new RegExp(`^/t/${env.office.code}/admin/documents/[0-9a-f-]{36}$`));
    const id = res.location!.split("/").at(-1)!;
    expect((await documents()).find((d) => d.id === id)?.payload).toMatchObject({ summary: SUMMARY });

    // The reviewers read it as a field of the document, right after the title.
    const view = await documentPage(env, env.users.leader.id, id, "zh-CN");
    const paths = view!.fields.map((f) => f.path);
    expect(paths.slice(0, 2)).toEqual(["title", "payload.summary"]);
    expect(view!.fields[1]!.segments.map((s) => s.text).join("")).toBe(SUMMARY);

    await approveThrough(env, id);
    const item = (await itemOf(title))!;
    expect(item.summary).toBe(SUMMARY);

    const page = await call(itemLoader, portal(`/items/${item.id}`), { id: item.id });
    expect(page.item).toMatchObject({ summary: SUMMARY });
    expect(page.head.description).toBe(SUMMARY);
    const category = await call(categoryLoader, portal("/categories/quality"), { key: "quality" });
    expect(category.items.find((i) => i.id === item.id)).toMatchObject({ summary: SUMMARY });
    // A list shows the start of a long one; the item page shows it whole.
    const full = (await env.asStaff(env.users.viewer.id, (trx) => itemById(trx, env.office.id, item.id)))!;
    expect(listed({ ...full, summary: "概".repeat(80) }).summary).toBe(`${"概".repeat(60)}…`);
    // Found by words that are only in the summary.
    const found = await call(searchLoader, portal(`/search?q=${encodeURIComponent("臭氧浓度同比")}`));
    expect(found.results!.map((r) => r.id)).toContain(item.id);

    const feed = await (await call(feedLoader, portal("/feeds/quality"), { key: "quality" })).text();
    expect(feed).toContain(`<summary type="text">${item.index_number} 东环通〔2026〕7号 — ${SUMMARY}</summary>`);

    const one = (await (await call(apiItemLoader, api(`/items/${item.id}`), { id: item.id })).json()) as Record<string, unknown>;
    expect(one.summary).toBe(SUMMARY);
    const list = (await (await call(apiItemsLoader, api("/items?category=quality"))).json()) as { items: { id: string; summary: string | null }[] };
    expect(list.items.find((i) => i.id === item.id)?.summary).toBe(SUMMARY);
    const lines = new TextDecoder().decode(await (await call(csvLoader, api("/items.csv?category=quality"))).arrayBuffer()).split("\r\n");
    expect(lines[0]).toContain('"标题","内容概述","所属类别"');
    expect(lines.find((l) => l.includes(item.index_number))).toContain(`"${title}","${SUMMARY}"`);

    const staff = await load<{ item: { summary: string | null } }>(env, staffItemLoader, env.users.viewer.id, `/items/${item.id}`, { id: item.id });
    expect(staff.item.summary).toBe(SUMMARY);
    // A correction starts from the published summary.
    const correcting = await load<{ values: Record<string, string> }>(env, editorLoader, env.users.drafter.id, `/new?correct=${item.id}`);
    expect(correcting.values.summary).toBe(SUMMARY);
  });

  it("is optional: an item published without one has none, null in the API", async () => {
    const title = "关于2026年11月饮用水水源地水质状况的公告";
    const res = await post(env, editorAction, env.users.drafter.id, "/new", draftForm({ intent: "submit", title, summary: "   " }));
    await approveThrough(env, res.location!.split("/").at(-1)!);
    const item = (await itemOf(title))!;
    expect(item.summary).toBeNull();
    const one = (await (await call(apiItemLoader, api(`/items/${item.id}`), { id: item.id })).json()) as Record<string, unknown>;
    expect(one).toHaveProperty("summary", null);
  });

  it("shows the drafter a mobile number in the summary before submitting, and 保密审查 redacts it from what is published", async () => {
    const title = "关于某建设项目环评受理情况的公示";
    const held = await post(env, editorAction, env.users.drafter.id, "/new", draftForm({ intent: "submit", title, summary: `项目联系人电话${PHONE}。` }));
    expect(held.location).toMatch(/\?held=1$/);
    const id = /drafts\/([0-9a-f-]{36})/.exec(held.location!)![1]!;
    const draft = await load<{ findings: { where: { field: string }; match: string }[]; signature: string; doc: { version: number } }>(env, editorLoader, env.users.drafter.id, `/drafts/${id}`, { id });
    expect(draft.findings).toEqual([expect.objectContaining({ where: { field: "summary" }, match: PHONE })]);
    const submitted = await post(env, editorAction, env.users.drafter.id, `/drafts/${id}`, draftForm({ intent: "submit", title, summary: `项目联系人电话${PHONE}。`, version: String(draft.doc.version), seenFindings: draft.signature }), { id });
    expect(submitted.location).toBe(`/t/${env.office.code}/admin/documents/${id}`);
    await approveThrough(env, id);
    const item = (await itemOf(title))!;
    expect(item.summary).toMatch(/^项目联系人电话.+。$/);
    expect(item.summary).not.toContain(PHONE);
  });

  it("refuses a summary over 500 characters or with a control character, at the field, and stores nothing", async () => {
    const before = (await documents()).length;
    const long = await post<Failure>(env, editorAction, env.users.drafter.id, "/new", draftForm({ summary: "概".repeat(501) }));
    expect(long.status).toBe(400);
    expect(long.data.errors).toEqual({ summary: ["disclosure:errors.summaryTooLong"] });
    expect(long.data.values.summary).toBe("概".repeat(501));
    const control = await post<Failure>(env, editorAction, env.users.drafter.id, "/new", draftForm({ summary: "内容\u0007概述" }));
    expect(control.status).toBe(400);
    expect(Object.keys(control.data.errors)).toEqual(["summary"]);
    expect((await documents()).length).toBe(before);
    // 500 is the limit, not over it.
    expect((await post(env, editorAction, env.users.drafter.id, "/new", draftForm({ summary: "概".repeat(500) }))).status).toBe(302);
  });

  it("imports a 内容概述 column, checks it row by row, and publishes it with each row; a file without the column still imports", async () => {
    expect(templateCsv().split("\r\n")[0]).toContain("标题,内容概述,");
    const tooLong = await runAs(env, env.users.drafter.id, csv([row(good("关于2019年第一季度空气质量的通报", "2019-04-10", { 内容概述: "概".repeat(501) }))]));
    expect(tooLong.data.errors).toEqual([{ row: 2, column: "内容概述", message: "disclosure:errors.summaryTooLong" }]);
    const refused = await runAs(env, env.users.drafter.id, csv([row(good("关于2019年第一季度空气质量的通报", "2019-04-10", { 内容概述: "内容\u202e概述" }))]));
    expect(refused.data.errors.map((e) => e.column)).toEqual(["内容概述"]);

    const rows = [row(good("关于2019年第二季度空气质量的通报", "2019-07-10", { 内容概述: ` ${SUMMARY} ` })), row(good("关于2019年第三季度空气质量的通报", "2019-10-10"))];
    const submitted = await runAs(env, env.users.drafter.id, csv(rows), "submit");
    expect(submitted.data.submitted).toMatchObject({ ok: true, count: 2 });
    await approveThrough(env, (submitted.data.submitted as { id: string }).id);
    expect((await itemOf("关于2019年第二季度空气质量的通报"))?.summary).toBe(SUMMARY);
    expect((await itemOf("关于2019年第三季度空气质量的通报"))?.summary).toBeNull();

    const without = HEADER.filter((h) => h !== "内容概述");
    const plain = good("关于2019年第四季度空气质量的通报", "2020-01-10");
    const checked = await runAs(env, env.users.drafter.id, csv([without.map((h) => plain[h as keyof typeof plain] ?? "")], without));
    expect(checked.data).toMatchObject({ missing: [], valid: 1, errors: [] });
  });

  it("offers an Excel template with the 内容概述 column, which reads back as the CSV one does and imports once filled in", async () => {
    const template = await readSheet("template.xlsx", new Uint8Array(await templateXlsx()));
    if (!template.ok) throw new Error(template.error);
    expect(template.sheet.header).toEqual(IMPORT_COLUMNS.map((c) => c.header));
    const csvTemplate = await readSheet("template.csv", new TextEncoder().encode(templateCsv()));
    expect(csvTemplate.ok && csvTemplate.sheet.rows[0]!.cells).toEqual(template.sheet.rows[0]!.cells);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await templateXlsx()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const filled = good("关于2018年第四季度空气质量的通报", "2019-01-10", { 内容概述: SUMMARY });
    sheet.spliceRows(2, 1, HEADER.map((h) => filled[h as keyof typeof filled] ?? ""));
    const file = new File([new Uint8Array(await book.xlsx.writeBuffer())], "items.xlsx");
    const submitted = await runAs(env, env.users.drafter.id, file, "submit");
    expect(submitted.data.errors).toEqual([]);
    await approveThrough(env, (submitted.data.submitted as { id: string }).id);
    expect((await itemOf("关于2018年第四季度空气质量的通报"))?.summary).toBe(SUMMARY);
  });
});
