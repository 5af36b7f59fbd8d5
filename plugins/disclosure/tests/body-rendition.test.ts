import type { LoaderFunctionArgs } from "@remix-run/node";
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentPage, draftDocument } from "../../../app/plugin-api/testing";
import { loader as apiItemLoader } from "../routes/api/item";
import { action, loader } from "../routes/admin/editor";
import { loader as feedLoader } from "../routes/public/feed";
import { loader as itemLoader } from "../routes/public/item";
import { draftForm, load, openStaff, post, type StaffEnv } from "./staff-helpers";

let env: StaffEnv;
const ID = "110101199003074514";
const MASKED = "110101********4514";

beforeAll(async () => {
  env = await openStaff();
}, 60_000);
afterAll(() => env.handle.close());

type Answer = { errors: Record<string, string[]>; values: Record<string, string>; message?: string; preview?: string };
type EditorData = { values: Record<string, string> };

const documents = () => env.systemContext(env.office.id).withTenant((trx) => trx.selectFrom("workflow_documents").selectAll().where("tenant_id", "=", env.office.id).execute());
const bodyOf = async (location: string | null) => {
  const id = /drafts\/([0-9a-f-]{36})/.exec(location ?? "")?.[1];
  return ((await documents()).find((d) => d.id === id)?.payload as { body: string }).body;
};

/** A body with everything the editor makes: a heading, three paragraphs, a list, a table with a span, a link, and an ID number to redact. */
const RICH =
  "<h2>一、监测结果</h2><p>第一段：水质稳定。</p><p>第二段：<strong>优良</strong>比例上升。</p>" +
  `<p>第三段：举报人身份证号${ID}。</p>` +
  "<ol><li>加强监测</li><li>严格执法</li></ol>" +
  '<table><tbody><tr><th colspan="2">断面水质</th></tr><tr><td>东江桥</td><td>Ⅱ类</td></tr></tbody></table>' +
  '<p>详见<a href="https://sthjj.example.gov.cn/sz">水质月报</a>。</p>';

async function wordBody(): Promise<File> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "工作要点", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: "第一段。" }),
          new Paragraph({ text: "第二段。" }),
          new Paragraph({ text: "各区分局", bullet: { level: 0 } }),
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph("甲")] }), new TableCell({ children: [new Paragraph("乙")] })] })] }),
        ],
      },
    ],
  });
  return new File([new Uint8Array(await Packer.toBuffer(doc))], "正文.docx", { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
}

type Loader<T> = (args: LoaderFunctionArgs) => Promise<T>;
const call = <T,>(l: Loader<T>, path: string, params: Record<string, string>) =>
  l({ request: new Request(`http://localhost${path}`), params: { tenant: env.office.code, ...params }, context: env.context });

describe(`the body: editor input and one rendition (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("stores typed text (the textarea without JavaScript) as paragraphs, a single newline as a line break", async () => {
    const res = await post(env, action, env.users.drafter.id, "/new", draftForm({ body: "第一段第一行\n第一段第二行\n\n第二段 <b>不是标记</b>\n\n\n第三段", bodyFormat: "plain" }));
    expect(res.status).toBe(302);
    expect(await bodyOf(res.location)).toBe("<p>第一段第一行<br />第一段第二行</p><p>第二段 &lt;b&gt;不是标记&lt;/b&gt;</p><p>第三段</p>");
  });

  it("gives the textarea back typed text for a body of paragraphs, and HTML for one with structure", async () => {
    const plain = await post(env, action, env.users.drafter.id, "/new", draftForm({ body: "甲 & 乙\n\n丙", bodyFormat: "plain" }));
    const id = /drafts\/([0-9a-f-]{36})/.exec(plain.location ?? "")![1]!;
    const shown = await load<EditorData>(env, loader, env.users.drafter.id, `/drafts/${id}`, { id });
    expect(shown.values).toMatchObject({ body: "甲 & 乙\n\n丙", bodyFormat: "plain" });
    const rich = await post(env, action, env.users.drafter.id, "/new", draftForm({ body: RICH, bodyFormat: "html" }));
    const richId = /drafts\/([0-9a-f-]{36})/.exec(rich.location ?? "")![1]!;
    expect((await load<EditorData>(env, loader, env.users.drafter.id, `/drafts/${richId}`, { id: richId })).values.bodyFormat).toBe("html");
  });

  it("takes an uploaded .docx as the body through the same sanitiser, replacing the field", async () => {
    const res = await post(env, action, env.users.drafter.id, "/new", draftForm({ body: "被替换的正文", bodyFormat: "plain", bodyFile: await wordBody() }));
    expect(res.status).toBe(302);
    expect(await bodyOf(res.location)).toBe("<h2>工作要点</h2><p>第一段。</p><p>第二段。</p><ul><li>各区分局</li></ul><table><tr><td><p>甲</p></td><td><p>乙</p></td></tr></table>");
  });

  it("previews the body as it will be published and saves nothing", async () => {
    const before = (await documents()).length;
    const res = await post<Answer>(env, action, env.users.drafter.id, "/new", draftForm({ intent: "preview", body: `<p onclick="x()">甲</p><script>alert(1)</script><h1>乙</h1>`, bodyFormat: "html" }));
    expect(res.status).toBe(200);
    expect(res.data.preview).toBe("<p>甲</p><h2>乙</h2>");
    expect(res.data.values).toMatchObject({ body: "<p>甲</p><h2>乙</h2>", bodyFormat: "html" });
    // 预览 makes every check a save makes: a bad date is refused at its field, not previewed.
    const bad = await post<Answer>(env, action, env.users.drafter.id, "/new", draftForm({ intent: "preview", writtenOn: "2026-01-32" }));
    expect(bad.status).toBe(400);
    expect(bad.data.errors.writtenOn?.length).toBeGreaterThan(0);
    expect(bad.data.preview).toBeUndefined();
    expect((await documents()).length).toBe(before);
  });

  it("refuses an unknown format, a body file that is no .docx and an unreadable .docx, writing nothing", async () => {
    const before = (await documents()).length;
    const format = await post<Answer>(env, action, env.users.drafter.id, "/new", draftForm({ bodyFormat: "rtf" }));
    expect(format.status).toBe(400);
    expect(format.data.errors.bodyFormat).toEqual(["errors.invalid"]);
    const pdf = await post<Answer>(env, action, env.users.drafter.id, "/new", draftForm({ bodyFile: new File(["%PDF-1.7"], "正文.pdf", { type: "application/pdf" }) }));
    expect(pdf.status).toBe(400);
    expect(pdf.data.errors.bodyFile).toEqual(["disclosure:staff.editor.errors.bodyFileType"]);
    const broken = await post<Answer>(env, action, env.users.drafter.id, "/new", draftForm({ bodyFile: new File(["not a zip"], "正文.docx") }));
    expect(broken.status).toBe(400);
    expect(broken.data.errors.bodyFile).toEqual(["disclosure:staff.editor.errors.bodyFileUnreadable"]);
    expect((await documents()).length).toBe(before);
  });

  it("shows every reviewer the rendition the public page, the API and the feed publish, redactions applied", async () => {
    const doc = await env.publishThrough("关于东江2026年第三季度水质的通报", { categoryKey: "quality", issuer: "测试分局", writtenOn: "2026-10-09", formedOn: "2026-10-09", topic: "环境监测、保护与治理", body: RICH });
    const renditions = [];
    for (const user of [env.users.dept, env.users.classifier, env.users.leader, env.users.viewer]) {
      const view = await documentPage(env, user.id, doc.id, "zh-CN");
      renditions.push(view!.fields.find((f) => f.path === "payload.body")!.html);
    }
    const reviewed = renditions[0]!;
    expect(new Set(renditions).size).toBe(1);
    expect(reviewed).toBe(RICH.replace(ID, MASKED));

    const item = await env.systemContext(env.office.id).withTenant((trx) => trx.selectFrom("disclosure_items").selectAll().where("document_id", "=", doc.id).executeTakeFirstOrThrow());
    expect(item.body_html).toBe(reviewed);
    const page = await call(itemLoader, `/t/${env.office.code}/disclosure/items/${item.id}`, { id: item.id });
    expect(page.item?.bodyHtml).toBe(reviewed);
    const api = (await call(apiItemLoader, `/api/v1/t/${env.office.code}/disclosure/items/${item.id}`, { id: item.id })) as Response;
    const json = (await api.json()) as { bodyHtml: string; bodyText: string };
    expect(json.bodyHtml).toBe(reviewed);
    expect(json.bodyText).toContain(`一、监测结果\n第一段：水质稳定。\n`);
    const feed = await ((await call(feedLoader, `/t/${env.office.code}/disclosure/feeds/all`, { key: "all" })) as Response).text();
    const escaped = reviewed.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    expect(feed).toContain(`<content type="html">${escaped}</content>`);
  });

  it("shows a finding not yet decided masked in the rendition, as 保密审查 presumes", async () => {
    const created = await draftDocument(env, env.users.drafter.id,
      { documentType: "disclosure.item", title: "关于信访件办理情况的说明", payload: { categoryKey: "quality", issuer: "测试分局", writtenOn: "2026-10-09", formedOn: "2026-10-09", topic: "环境监测、保护与治理", body: `<p>来信人${ID}。</p>` } },
    );
    if (!created.ok) throw new Error(created.refusal.code);
    const view = await documentPage(env, env.users.drafter.id, created.document.id, "zh-CN");
    const body = view!.fields.find((f) => f.path === "payload.body")!;
    expect(body.html).toBe(`<p>来信人${MASKED}。</p>`);
    // The finding is still marked in the text below, for the classifier to decide.
    expect(body.segments.some((s) => "kind" in s && s.kind === "id_number")).toBe(true);
  });

  it("gives bodies stored as plain text before the editor their paragraphs, on the page and in the database (migration 0005)", async () => {
    const doc = await env.publishThrough("关于旧正文的说明", { categoryKey: "quality", issuer: "测试分局", writtenOn: "2026-10-09", formedOn: "2026-10-09", topic: "环境监测、保护与治理", body: "<p>占位</p>" });
    const legacy = "旧正文第一段 &amp; 续\n第二行\n\n旧正文第二段";
    await env.handle.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE disclosure_items NO FORCE ROW LEVEL SECURITY`.execute(trx);
      await sql`UPDATE disclosure_items SET body_html = ${legacy} WHERE document_id = ${doc.id}`.execute(trx);
      await sql`ALTER TABLE disclosure_items FORCE ROW LEVEL SECURITY`.execute(trx);
    });
    const item = await env.systemContext(env.office.id).withTenant((trx) => trx.selectFrom("disclosure_items").select(["id", "body_html"]).where("document_id", "=", doc.id).executeTakeFirstOrThrow());
    const expected = "<p>旧正文第一段 &amp; 续<br />第二行</p><p>旧正文第二段</p>";
    expect((await call(itemLoader, `/t/${env.office.code}/disclosure/items/${item.id}`, { id: item.id })).item?.bodyHtml).toBe(expected);

    await env.registry.get("disclosure")!.manifest.migrations["0005_body_paragraphs"]!.up(env.handle.db);
    const after = await env.systemContext(env.office.id).withTenant((trx) => trx.selectFrom("disclosure_items").select(["body_html"]).where("id", "=", item.id).executeTakeFirstOrThrow());
    expect(after.body_html).toBe(expected);
  });
});
