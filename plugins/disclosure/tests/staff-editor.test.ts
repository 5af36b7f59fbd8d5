import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../routes/admin/editor";
import { docxWithText, pdfWithText } from "./staff-files";
import { audited, draftForm, load, openStaff, post, publishedItem, statusOf, type StaffEnv } from "./staff-helpers";

let env: StaffEnv;
const ID = "110101199003074514";

beforeAll(async () => {
  env = await openStaff();
}, 60_000);
afterAll(() => env.handle.close());

type Failure = { errors: Record<string, string[]>; values: Record<string, string>; message?: string };
type EditorData = {
  values: Record<string, string>;
  attachments: { id: string; name: string }[];
  findings: { kind: string; where: { field: string; name?: string }; match: string }[];
  signature: string;
  doc: { id: string; version: number; status: string } | null;
};

const documents = () =>
  env.systemContext(env.office.id).withTenant((trx) => trx.selectFrom("workflow_documents").selectAll().where("tenant_id", "=", env.office.id).execute());
// Files no published item offers are readable by signed-in staff only.
const attachments = () =>
  env.readAs(env.users.viewer.id, [env.office.id], (trx) =>
    trx.selectFrom("disclosure_attachments").select(["id", "name", "sha256", "text"]).execute(), env.office.id);
const docId = (location: string | null) => /drafts\/([0-9a-f-]{36})/.exec(location ?? "")?.[1] ?? "";

describe(`staff item editor (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("opens a new item with the office as issuer and saves a draft, its body sanitised", async () => {
    const page = await load<EditorData>(env, loader, env.users.drafter.id, "/new");
    expect(page.values.issuer).toBe("测试分局1");
    expect(page.values.attribute).toBe("proactive");

    const res = await post(env, action, env.users.drafter.id, "/new", draftForm({ body: `<p onclick="x()">通报正文。</p><script>alert(1)</script>` }));
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/\/admin\/disclosure\/drafts\/[0-9a-f-]{36}\?saved=1$/);
    const doc = (await documents()).find((d) => d.id === docId(res.location))!;
    expect(doc).toMatchObject({ status: "draft", document_type: "disclosure.item", created_by: env.users.drafter.id, title: draftForm().title });
    expect(doc.payload).toMatchObject({ categoryKey: "quality", docNumber: "东环通〔2026〕7号", body: "<p>通报正文。</p>", attachments: [] });
  });

  it("refuses bad input with an error at each field and writes nothing, not even an attached file", async () => {
    const before = { docs: (await documents()).length, files: (await attachments()).length };
    const res = await post<Failure>(
      env,
      action,
      env.users.drafter.id,
      "/new",
      draftForm({
        title: " ",
        categoryKey: "no-such-category",
        writtenOn: "2026-10-09",
        formedOn: "2026-10-01",
        validity: "repealed",
        topic: "",
        files: new File([pdfWithText("attachment")], "notice.pdf", { type: "application/pdf" }),
      }),
    );
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({
      title: ["errors.required"],
      topic: ["disclosure:errors.topic"],
      formedOn: ["disclosure:errors.formedBeforeWritten"],
      endedOn: ["disclosure:errors.endedOnRequired"],
    });
    // The category is checked against the catalogue once the form itself is valid.
    const unknown = await post<Failure>(env, action, env.users.drafter.id, "/new", draftForm({ categoryKey: "no-such-category", writtenOn: "2026/10/09" }));
    expect(unknown.data.errors).toEqual({ writtenOn: ["disclosure:errors.date"] });
    const category = await post<Failure>(env, action, env.users.drafter.id, "/new", draftForm({ categoryKey: "no-such-category" }));
    expect(category.data.errors).toEqual({ categoryKey: ["disclosure:errors.category"] });
    expect(category.data.values.title).toBe(draftForm().title);
    expect({ docs: (await documents()).length, files: (await attachments()).length }).toEqual(before);
  });

  it("shows the drafter an ID number in the body before submitting, then submits on the second press", async () => {
    const res = await post(env, action, env.users.drafter.id, "/new", draftForm({ intent: "submit", body: `<p>投诉人身份证号${ID}，已回复。</p>` }));
    expect(res.location).toMatch(/\?held=1$/);
    const id = docId(res.location);
    expect((await documents()).find((d) => d.id === id)?.status).toBe("draft");

    const page = await load<EditorData>(env, loader, env.users.drafter.id, `/drafts/${id}`, { id });
    expect(page.findings).toEqual([expect.objectContaining({ kind: "id_number", where: { field: "body" }, match: ID })]);
    expect(page.signature).not.toBe("");

    const again = await post(env, action, env.users.drafter.id, `/drafts/${id}`, draftForm({ intent: "submit", body: `<p>投诉人身份证号${ID}，已回复。</p>`, version: String(page.doc!.version), seenFindings: page.signature }), { id });
    expect(again.location).toBe(`/t/${env.office.code}/admin/documents/${id}`);
    expect((await documents()).find((d) => d.id === id)?.status).toBe("in_review");
  });

  it("submits without a second look once the drafter has removed what was found", async () => {
    const held = await post(env, action, env.users.drafter.id, "/new", draftForm({ intent: "submit", body: `<p>联系电话13812345678</p>` }));
    const id = docId(held.location);
    const page = await load<EditorData>(env, loader, env.users.drafter.id, `/drafts/${id}`, { id });
    expect(page.findings.map((f) => f.kind)).toEqual(["mobile"]);
    const res = await post(env, action, env.users.drafter.id, `/drafts/${id}`, draftForm({ intent: "submit", body: "<p>联系电话见公开指南。</p>", version: String(page.doc!.version), seenFindings: page.signature }), { id });
    expect(res.location).toBe(`/t/${env.office.code}/admin/documents/${id}`);
  });

  it("submits at once when the check finds nothing", async () => {
    const res = await post(env, action, env.users.drafter.id, "/new", draftForm({ intent: "submit", title: "关于2026年11月饮用水水源地水质状况的公告" }));
    expect(res.location).toMatch(new RegExp(`^/t/${env.office.code}/admin/documents/[0-9a-f-]{36}$`));
    const id = res.location!.split("/").at(-1);
    expect((await documents()).find((d) => d.id === id)?.status).toBe("in_review");
  });

  it("stores PDF and Word attachments with their text and checksum, scans that text, and removes one from the draft", async () => {
    const pdf = new File([pdfWithText(`Complainant ID ${ID}`)], "complaint.pdf", { type: "application/pdf" });
    const docx = new File([docxWithText(["整改方案", "联系人：王某"])], "plan.docx");
    const res = await post(env, action, env.users.drafter.id, "/new", draftForm({ title: "关于某公司整改情况的说明", files: [pdf, docx] }));
    const id = docId(res.location);
    const page = await load<EditorData>(env, loader, env.users.drafter.id, `/drafts/${id}`, { id });
    expect(page.attachments.map((a) => a.name)).toEqual(["complaint.pdf", "plan.docx"]);
    const stored = (await attachments()).filter((a) => page.attachments.some((x) => x.id === a.id));
    expect(stored.find((a) => a.name === "complaint.pdf")?.text).toContain(ID);
    expect(stored.find((a) => a.name === "plan.docx")?.text).toContain("整改方案");
    expect(stored.every((a) => /^[0-9a-f]{64}$/.test(a.sha256))).toBe(true);
    expect((await audited(env, "disclosure.attachment.upload")).filter((e) => page.attachments.some((a) => a.id === e.target_id))).toHaveLength(2);
    expect(page.findings).toEqual([expect.objectContaining({ kind: "id_number", where: { field: "attachment", name: "complaint.pdf" } })]);

    const [pdfRef, docxRef] = page.attachments;
    const removed = await post(
      env,
      action,
      env.users.drafter.id,
      `/drafts/${id}`,
      draftForm({ title: "关于某公司整改情况的说明", version: String(page.doc!.version), attachment: [pdfRef!.id, docxRef!.id], removeAttachment: pdfRef!.id }),
      { id },
    );
    expect(removed.status).toBe(302);
    const after = await load<EditorData>(env, loader, env.users.drafter.id, `/drafts/${id}`, { id });
    expect(after.attachments.map((a) => a.name)).toEqual(["plan.docx"]);
    expect(after.findings).toEqual([]);
  });

  it("refuses files that are not PDF, Word or images, and files over 20 MB", async () => {
    const exe = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0])], "setup.pdf");
    const big = new File([new Uint8Array(20 * 1024 * 1024 + 1)], "big.pdf");
    const res = await post<Failure>(env, action, env.users.drafter.id, "/new", draftForm({ files: [exe, big] }));
    expect(res.status).toBe(400);
    expect(res.data.errors.attachments).toEqual(["disclosure:staff.editor.errors.fileType", "disclosure:staff.editor.errors.tooLarge"]);
  });

  it("lets only the creator edit a draft: another drafter gets 403, an unknown id 404, a viewer 403", async () => {
    const res = await post(env, action, env.users.drafter.id, "/new", draftForm({ title: "仅本人可改的草稿" }));
    const id = docId(res.location);
    expect(await statusOf(load(env, loader, env.users.drafter2.id, `/drafts/${id}`, { id }))).toBe(403);
    const other = await post(env, action, env.users.drafter2.id, `/drafts/${id}`, draftForm({ title: "改掉", version: "1" }), { id });
    expect(other.status).toBe(403);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await statusOf(load(env, loader, env.users.drafter.id, `/drafts/${unknown}`, { id: unknown }))).toBe(404);
    expect(await statusOf(load(env, loader, env.users.viewer.id, "/new"))).toBe(403);
    expect((await documents()).find((d) => d.id === id)?.title).toBe("仅本人可改的草稿");
  });

  it("refuses a stale version, so two tabs cannot overwrite each other", async () => {
    const res = await post(env, action, env.users.drafter.id, "/new", draftForm({ title: "版本一" }));
    const id = docId(res.location);
    await post(env, action, env.users.drafter.id, `/drafts/${id}`, draftForm({ title: "版本二", version: "1" }), { id });
    const stale = await post<Failure>(env, action, env.users.drafter.id, `/drafts/${id}`, draftForm({ title: "版本三", version: "1" }), { id });
    expect(stale.status).toBe(409);
    expect(stale.data.message).toBe("core:workflow.errors.staleVersion");
    expect((await documents()).find((d) => d.id === id)?.title).toBe("版本二");
  });

  it("prefills a correction from the published item and requires the reason", async () => {
    const item = await publishedItem(env, { title: "关于2026年9月空气质量的通报", formedOn: "2026-10-08", publishedOn: "2026-10-12", docNumber: "东环通〔2026〕5号" });
    const page = await load<EditorData>(env, loader, env.users.drafter.id, `/new?correct=${item.id}`);
    expect(page.values).toMatchObject({ title: item.title, correctsId: item.id, docNumber: "东环通〔2026〕5号", formedOn: "2026-10-08" });

    const form = draftForm({ ...page.values, intent: "save", seenFindings: "" });
    const refused = await post<Failure>(env, action, env.users.drafter.id, "/new", { ...form, correctionReason: "" });
    expect(refused.data.errors).toEqual({ correctionReason: ["disclosure:errors.correctionReason"] });
    const saved = await post(env, action, env.users.drafter.id, "/new", { ...form, correctionReason: "更正监测数据笔误" });
    const doc = (await documents()).find((d) => d.id === docId(saved.location));
    expect(doc?.payload).toMatchObject({ correctsId: item.id, correctionReason: "更正监测数据笔误" });
    expect(await statusOf(load(env, loader, env.users.drafter.id, `/new?correct=00000000-0000-4000-8000-000000000000`))).toBe(404);
  });
});

