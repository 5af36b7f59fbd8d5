import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as apiItemsLoader } from "../routes/api/items";
import { loader as csvLoader } from "../routes/api/items-csv";
import { action as catalogueAction, loader as catalogueLoader } from "../routes/admin/catalogue";
import { loader as dashboardLoader } from "../routes/admin/dashboard";
import { action as editorAction, loader as editorLoader } from "../routes/admin/editor";
import { action as itemAction } from "../routes/admin/item";
import { action as itemsAction, loader as itemsLoader } from "../routes/admin/items";
import { action as listAction, loader as listLoader } from "../routes/admin/list";
import { loader as searchLoader } from "../routes/public/search";
import { pdfWithText } from "./staff-files";
import { draftForm, load, openStaff, post, publishedItem, statusOf, type StaffEnv } from "./staff-helpers";

/**
 * Bad input on every form and filter of 政府信息公开 (issue 13, failures 6 and 7): impossible
 * dates in the editor threw a RangeError (500), a NUL in a staff text or filter, or in an open-data
 * parameter, reached the database (500), and U+202E was stored. Each is now refused at its field
 * with a localised message, or a list leaves the filter out and says so; nothing is written.
 */
let env: StaffEnv;
beforeAll(async () => {
  env = await openStaff();
}, 60_000);
afterAll(() => env?.handle.close());

type Failure = { errors: Record<string, string[]>; message?: string };
const counts = () =>
  env.systemContext(env.office.id).withTenant(async (trx) => {
    const n = async (table: "workflow_documents" | "disclosure_attachments" | "disclosure_categories" | "disclosure_list_rows") =>
      Number((await trx.selectFrom(table).select((e) => e.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);
    return { docs: await n("workflow_documents"), files: await n("disclosure_attachments"), categories: await n("disclosure_categories"), rows: await n("disclosure_list_rows") };
  });

describe(`the item editor (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it.each([
    ["2026-13-01", "writtenOn"],
    ["2026-01-32", "formedOn"],
    ["2026-02-30", "validFrom"],
    ["2026-13-01", "endedOn"],
  ])("refuses the impossible date %s in %s at the field instead of throwing", async (date, field) => {
    const before = await counts();
    const extra: Record<string, string> = field === "endedOn" ? { validity: "repealed" } : field === "validFrom" ? { validity: "valid" } : {};
    const r = await post<Failure>(env, editorAction, env.users.drafter.id, "/new", draftForm({ ...extra, [field]: date }));
    expect(r.status).toBe(400);
    expect(r.data.errors[field]).toEqual(["disclosure:errors.date"]);
    expect(await counts()).toEqual(before);
  });

  it("says a refused character with every other field's fault in one answer, storing nothing", async () => {
    const before = await counts();
    const files = new File(["MZ not a document"], "工具.exe", { type: "application/octet-stream" });
    const r = await post<Failure>(env, editorAction, env.users.drafter.id, "/new", { ...draftForm({ title: "通报\u202E报通", issuer: "", writtenOn: "2026-02-30", topic: "" }), files });
    expect(r.status).toBe(400);
    expect(r.data.errors).toMatchObject({
      title: ["errors.text.bidi"],
      issuer: ["disclosure:errors.issuer"],
      writtenOn: ["disclosure:errors.date"],
      topic: expect.any(Array),
      attachments: ["disclosure:staff.editor.errors.fileType"],
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a NUL, a bidi override or a control character in any field, a hidden one included, storing nothing", async () => {
    const before = await counts();
    const title = await post<Failure>(env, editorAction, env.users.drafter.id, "/new", draftForm({ title: "通报\u202E报通" }));
    expect(title).toMatchObject({ status: 400, data: { errors: { title: ["errors.text.bidi"] } } });
    const body = await post<Failure>(env, editorAction, env.users.drafter.id, "/new", draftForm({ body: "<p>正文\u0000</p>" }));
    expect(body).toMatchObject({ status: 400, data: { errors: { body: ["errors.text.control"] } } });
    const hidden = await post<Failure>(env, editorAction, env.users.drafter.id, "/new", draftForm({ seenFindings: "x\u0007" }));
    expect(hidden).toMatchObject({ status: 400, data: { errors: { seenFindings: ["errors.text.control"] }, message: "core:errors.text.control" } });
    const huge = await post<Failure>(env, editorAction, env.users.drafter.id, "/new", draftForm({ intent: "submit", seenFindings: "长".repeat(350_000) }));
    expect(huge).toMatchObject({ status: 400, data: { errors: { seenFindings: ["errors.invalid"] } } });
    const intent = await post<Failure>(env, editorAction, env.users.drafter.id, "/new", draftForm({ intent: "no-such-option" }));
    expect(intent).toMatchObject({ status: 400, data: { errors: { intent: ["errors.invalid"] }, message: "core:errors.invalid" } });
    expect(await counts()).toEqual(before);
  });

  it("refuses a topic that is not one of the list's, as a select's unknown option", async () => {
    const before = await counts();
    const r = await post<Failure>(env, editorAction, env.users.drafter.id, "/new", draftForm({ topic: "no-such-option" }));
    expect(r).toMatchObject({ status: 400, data: { errors: { topic: ["disclosure:staff.editor.errors.topic"] } } });
    expect(await counts()).toEqual(before);
  });

  it("treats a title of zero-width spaces as no title", async () => {
    const r = await post<Failure>(env, editorAction, env.users.drafter.id, "/new", draftForm({ title: "\u200B\u200B\uFEFF" }));
    expect(r).toMatchObject({ status: 400, data: { errors: { title: ["errors.required"] } } });
  });

  it("refuses a file whose name hides its type behind a right-to-left override", async () => {
    const before = await counts();
    const file = new File([await pdfWithText("监测报告")], "报告\u202Efdp.exe", { type: "application/pdf" });
    const r = await post<Failure>(env, editorAction, env.users.drafter.id, "/new", { ...draftForm(), files: file });
    expect(r).toMatchObject({ status: 400, data: { errors: { attachments: ["errors.text.bidi"] } } });
    expect(await counts()).toEqual(before);
  });

  it("answers a draft's version that is not a number with a 400, not a database error", async () => {
    const saved = await post(env, editorAction, env.users.drafter.id, "/new", draftForm());
    const id = /drafts\/([0-9a-f-]{36})/.exec(saved.location ?? "")![1]!;
    const r = await post<Failure>(env, editorAction, env.users.drafter.id, `/drafts/${id}`, { ...draftForm(), version: "abc" }, { id });
    expect(r).toMatchObject({ status: 400, data: { errors: { version: ["errors.invalid"] } } });
  });

  it("answers a bad link parameter with a 400 that names the problem", async () => {
    const thrown = await load(env, editorLoader, env.users.drafter.id, "/new?correct=%07").catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(400);
    expect(await (thrown as Response).json()).toEqual({ message: "errors.text.control" });
    expect(await statusOf(load(env, editorLoader, env.users.drafter.id, "/new?saved=yes"))).toBe(400);
  });
});

describe("staff lists and their forms", () => {
  it("the item list leaves out a filter it cannot use and says which (q=%00 gave 500)", async () => {
    type Items = { ignored: Record<string, string[]>; filter: Record<string, unknown> };
    const nul = await load<Items>(env, itemsLoader, env.users.viewer.id, "?q=%00&status=published");
    expect(nul.ignored).toEqual({ q: ["errors.text.control"] });
    expect(nul.filter).toMatchObject({ status: "published" });
    const odd = await load<Items>(env, itemsLoader, env.users.viewer.id, "?year=%E5%8D%81%E4%BA%8C&category=no-such-option&status=");
    expect(odd.ignored).toEqual({ year: ["errors.invalid"], category: ["disclosure:portal.errors.category"] });
  });

  it("the 清单 and the dashboard leave out a year they cannot use, saying so", async () => {
    expect((await load<{ ignored: Record<string, string[]> }>(env, listLoader, env.users.viewer.id, "/list?year=2026%00")).ignored).toEqual({ year: ["errors.text.control"] });
    expect((await load<{ ignored: Record<string, string[]> }>(env, dashboardLoader, env.users.viewer.id, "/dashboard?year=abc")).ignored).toEqual({ year: ["errors.invalid"] });
  });

  it("withdrawal refuses a control character in the reason, from the list or the item page, withdrawing nothing", async () => {
    const item = await publishedItem(env, { title: "待撤回的测试信息", formedOn: "2026-03-02", publishedOn: "2026-03-03" });
    const r = await post<Failure>(env, itemsAction, env.users.leader.id, "", { ids: [item.id], reason: "依据\u0000调整", confirm: "on" });
    expect(r).toMatchObject({ status: 400, data: { errors: { reason: ["errors.text.control"] } } });
    const one = await post<Failure>(env, itemAction, env.users.leader.id, `/items/${item.id}`, { reason: "\u202E整调据依", confirm: "on" }, { id: item.id });
    expect(one).toMatchObject({ status: 400, data: { errors: { reason: ["errors.text.bidi"] } } });
    const status = await env.systemContext(env.office.id).withTenant((trx) => trx.selectFrom("disclosure_items").select("status").where("id", "=", item.id).executeTakeFirstOrThrow());
    expect(status.status).toBe("published");
  });

  it("the catalogue and the 清单 refuse a control character in any field, a key included, storing nothing", async () => {
    const before = await counts();
    const cat = await post<Failure>(env, catalogueAction, env.users.principal.id, "/catalogue", { intent: "add", key: "x\u0000", parentKey: "", labelZhCN: "测试", labelZhTW: "", labelEn: "", position: "" });
    expect(cat).toMatchObject({ status: 400, data: { errors: { key: ["errors.text.control"] } } });
    const removal = await post<Failure>(env, catalogueAction, env.users.principal.id, "/catalogue", { intent: "remove", key: "quality\u0000" });
    expect(removal).toMatchObject({ status: 400, data: { message: "core:errors.text.control" } });
    const row = await post<Failure>(env, listAction, env.users.principal.id, "/list", { intent: "add", key: "test.row", categoryKey: "quality", firstLevel: "一级\u001B", secondLevel: "二级", content: "内容", basis: "依据", timeLimit: "20个工作日", timeLimitWorkdays: "20", responsible: "本局", channels: ["政府网站"], audience: "全社会", mode: "主动", position: "" });
    expect(row).toMatchObject({ status: 400, data: { errors: { firstLevel: ["errors.text.control"] } } });
    expect(await counts()).toEqual(before);
    expect(await statusOf(load(env, catalogueLoader, env.users.principal.id, "/catalogue?done=nonsense"))).toBe(400);
  });
});

describe("the public search and open data", () => {
  const call = (loader: (args: never) => Promise<unknown>, path: string) =>
    (loader as (args: { request: Request; params: Record<string, string>; context: StaffEnv["context"] }) => Promise<unknown>)({ request: new Request(`http://localhost${path}`), params: { tenant: env.office.code }, context: env.context });

  it("refuses a control character in a filter at the field, before any query", async () => {
    const page = (await call(searchLoader, `/t/${env.office.code}/disclosure/search?issuer=%00`)) as { errors: Record<string, string[]> };
    expect(page.errors).toEqual({ issuer: ["core:errors.text.control"] });
    const unknown = (await call(searchLoader, `/t/${env.office.code}/disclosure/search?issuer=no-such-option`)) as { errors: Record<string, string[]> };
    expect(unknown.errors).toEqual({ issuer: ["disclosure:portal.errors.issuerUnknown"] });
  });

  it("answers the API and the CSV export with a 400 naming the parameter (issuer=%00 gave 500)", async () => {
    for (const [loader, path] of [
      [apiItemsLoader, "/api/v1/t/x/disclosure/items?issuer=%00"],
      [csvLoader, "/api/v1/t/x/disclosure/items.csv?docNumber=%E2%80%AE"],
    ] as const) {
      const r = (await call(loader, path)) as Response;
      expect(r.status).toBe(400);
      const body = (await r.json()) as { error: { parameter: string; message: string } };
      expect(body.error.parameter).toMatch(/issuer|docNumber/);
      expect(body.error.message).toMatch(/\p{Script=Han}/u);
    }
  });
});
