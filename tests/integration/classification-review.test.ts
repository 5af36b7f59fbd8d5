import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { DatabaseHandle } from "../../db/client";
import type { BusinessRole } from "../../app/core/permissions/roles";
import { requireStaff, withTenant, type StaffContext } from "../../app/core/tenancy/staff.server";
import { recordClassification, resolveFinding } from "../../app/core/workflow/classification-step.server";
import { act, createDocument, updateDocument, type ActInput, type WorkflowDocument } from "../../app/core/workflow/service.server";
import { reviewState, renditionOf } from "../../app/core/classification/review.server";
import { WorkCalendar } from "../../app/core/calendar/work-calendar";
import type { PluginDocumentType, PluginPublishedDocument } from "../../app/plugin-api";
import { createTenantTree, fixtureWithDocumentTypes, openTestDatabase } from "../helpers/db";
import { createUser, signedInRequest, testContext } from "../helpers/context";

const TYPE = "fixture-notes.memo";
const AUTO = "fixture-notes.notice";
const LETTER = "fixture-notes.letter";
const ID = "110101199003074514"; // check digit valid
const BODY = `申请人张某，身份证号${ID}，联系电话13812345678，已于2026年11月2日补正材料。`;

let handle: DatabaseHandle;
let context: AppLoadContext;
let office: { id: string; code: string };
const users = {} as Record<"drafter" | "dept" | "classifier" | "leader", { id: string }>;
const published: PluginPublishedDocument[] = [];

const staffOf = async (userId: string): Promise<StaffContext> =>
  requireStaff(await signedInRequest(context, userId, `/t/${office.code}/admin`), context, office.code);

async function as<T>(userId: string, fn: (trx: Parameters<Parameters<typeof withTenant>[1]>[0], ctx: StaffContext) => Promise<T>): Promise<T> {
  const ctx = await staffOf(userId);
  return withTenant(ctx, (trx) => fn(trx, ctx));
}

const calendar = new WorkCalendar();
async function decide(userId: string, doc: WorkflowDocument, input: Omit<ActInput, "documentId" | "expectedVersion">) {
  return as(userId, (trx, ctx) => act(trx, ctx, { documentId: doc.id, expectedVersion: doc.version, ...input }, { calendar }));
}
async function decideOk(userId: string, doc: WorkflowDocument, input: Omit<ActInput, "documentId" | "expectedVersion">) {
  const r = await decide(userId, doc, input);
  if (!r.ok) throw new Error(`${input.action} refused: ${r.refusal.code}`);
  return r.document;
}

/** A document waiting at 保密审查. */
async function atClassification(type = TYPE, body = BODY, attachments = [{ name: "回执.pdf", text: "经办人邮箱 li.si@example.com" }]): Promise<WorkflowDocument> {
  const created = await as(users.drafter.id, (trx, ctx) => createDocument(trx, ctx, { documentType: type, title: "关于补正材料的告知", payload: { body, attachments } }));
  if (!created.ok) throw new Error(created.refusal.code);
  let doc = await decideOk(users.drafter.id, created.document, { action: "submit" });
  doc = await decideOk(users.dept.id, doc, { action: "approve" });
  expect(doc.waiting_role).toBe("classifier");
  return doc;
}

const state = (doc: WorkflowDocument) => as(users.classifier.id, async (trx) => reviewState(trx, (await trx.selectFrom("workflow_documents").selectAll().where("id", "=", doc.id).executeTakeFirstOrThrow())));

beforeAll(async () => {
  handle = await openTestDatabase();
  const payload = z.object({ body: z.string().min(1), attachments: z.array(z.object({ name: z.string(), text: z.string() })).default([]) });
  const documentTypes: PluginDocumentType[] = [
    { key: TYPE, label: "fixture-notes:name", payload },
    {
      key: AUTO,
      label: "fixture-notes:name",
      payload,
      // Published the moment it is approved, as a disclosure item is.
      publishOnApproval: { numbered: true },
      async onPublished(_ctx, doc) {
        published.push(doc);
      },
    },
    // Sent to its addressee, never published, as a reply letter is: no 公开属性.
    { key: LETTER, label: "fixture-notes:name", payload, requiresAttribute: false, approvedMessage: "fixture-notes:sent" },
  ];
  const tree = await createTenantTree(handle, 1);
  context = await testContext(handle, {}, await fixtureWithDocumentTypes(documentTypes));
  office = tree.offices[0]!;
  const roles: Record<keyof typeof users, BusinessRole[]> = { drafter: ["drafter"], dept: ["dept_reviewer"], classifier: ["classifier"], leader: ["leader"] };
  for (const [name, r] of Object.entries(roles)) users[name as keyof typeof users] = await createUser(handle, { [office.id]: r });
});
afterAll(() => handle.close());

describe("classification review", () => {
  it("scans every text of the document — title, body and attachment text — before the step", async () => {
    const doc = await atClassification();
    const s = await state(doc);
    expect(s.findings.map((f) => [f.field, f.finding.kind])).toEqual([
      ["payload.body", "id_number"],
      ["payload.body", "mobile"],
      ["payload.attachments.0.text", "email"],
    ]);
    expect([s.open, s.review]).toEqual([3, null]);
  });

  it("refuses approval until the record is complete and every finding is decided, then publishes the redacted rendition", async () => {
    let doc = await atClassification(AUTO);
    expect((await decide(users.classifier.id, doc, { action: "approve" })).ok).toBe(false);
    const refused = await decide(users.classifier.id, doc, { action: "approve" });
    expect(!refused.ok && refused.refusal.code).toBe("findingsUnresolved");

    const s = await state(doc);
    const [id, mobile, email] = s.findings;
    const keepNoReason = await as(users.classifier.id, (trx, ctx) => resolveFinding(trx, ctx, doc.id, { field: mobile!.field, key: mobile!.key, action: "keep" }));
    expect(keepNoReason).toEqual({ ok: false, errors: { reason: "classification.errors.keepReason" } });
    for (const [f, action, reason] of [[id, "redact", ""], [mobile, "redact", ""], [email, "keep", "经办人公务邮箱，依职责公开"]] as const) {
      const r = await as(users.classifier.id, (trx, ctx) => resolveFinding(trx, ctx, doc.id, { field: f!.field, key: f!.key, action, reason }));
      expect(r.ok).toBe(true);
    }
    const noRecord = await decide(users.classifier.id, doc, { action: "approve" });
    expect(!noRecord.ok && noRecord.refusal.code).toBe("reviewIncomplete");

    expect(await as(users.classifier.id, (trx, ctx) => recordClassification(trx, ctx, doc.id, { attribute: "proactive" }))).toEqual({
      ok: false,
      errors: { noStateSecret: "classification.errors.declaration" },
    });
    expect((await as(users.classifier.id, (trx, ctx) => recordClassification(trx, ctx, doc.id, { attribute: "proactive", noStateSecret: true }))).ok).toBe(true);
    doc = await decideOk(users.classifier.id, doc, { action: "approve" });
    const last = await decide(users.leader.id, doc, { action: "approve" });
    if (!last.ok) throw new Error(last.refusal.code);
    doc = last.document;
    // The approver is told it was published, with its number.
    expect(last.outcome).toEqual({ kind: "published", indexNumber: doc.index_number });

    // Published in the approving transaction, with the next 索引号, and onPublished called once with the one review.
    expect(doc.status).toBe("published");
    expect(doc.index_number).toMatch(/^[0-9A-Z]{18}\/\d{4}-\d{5}$/);
    expect(published.filter((p) => p.id === doc.id)).toHaveLength(1);
    const mine = published.find((p) => p.id === doc.id)!;
    expect(mine.findings.map((f) => f.resolution)).not.toContain(null);
    expect(mine.indexNumber).toBe(doc.index_number);
    const body = (mine.rendition.payload as { body: string }).body;
    expect(body).toContain("110101********4514");
    expect(body).not.toContain(ID);
    expect(body).not.toContain("13812345678");
    expect((mine.rendition.payload as { attachments: { text: string }[] }).attachments[0]!.text).toContain("li.si@example.com");
    // The original is kept as written.
    expect((doc.payload as { body: string }).body).toBe(BODY);
  });

  it("requires a legal ground, allowed for the attribute, whenever the attribute is not 主动公开", async () => {
    const doc = await atClassification();
    const record = (input: Record<string, unknown>) => as(users.classifier.id, (trx, ctx) => recordClassification(trx, ctx, doc.id, { noStateSecret: true, ...input }));
    expect(await record({ attribute: "on_request" })).toEqual({ ok: false, errors: { ground: "classification.errors.groundRequired" } });
    // A state secret is never disclosed, so it cannot be a ground for 依申请公开.
    expect(await record({ attribute: "on_request", ground: "art14.state_secret" })).toEqual({ ok: false, errors: { ground: "classification.errors.groundNotAllowed" } });
    expect(await record({ attribute: "proactive", ground: "art16.process_information" })).toEqual({ ok: false, errors: { ground: "classification.errors.groundNotAllowed" } });
    expect(await record({ attribute: "maybe" })).toMatchObject({ ok: false, errors: { attribute: "classification.errors.attribute" } });
    expect((await record({ attribute: "withheld", ground: "art16.process_information" })).ok).toBe(true);
    expect((await state(doc)).review).toMatchObject({ attribute: "withheld", ground: "art16.process_information", reviewerId: users.classifier.id });
  });

  it("lets only the classifier at the classification step record it, and a returned document is reviewed again", async () => {
    const doc = await atClassification(TYPE, "正文无个人信息。", []);
    const byDept = await as(users.dept.id, (trx, ctx) => recordClassification(trx, ctx, doc.id, { attribute: "proactive", noStateSecret: true }));
    expect(byDept).toMatchObject({ ok: false, refusal: { code: "missingRole" } });
    await as(users.classifier.id, (trx, ctx) => recordClassification(trx, ctx, doc.id, { attribute: "proactive", noStateSecret: true }));
    let d = await decideOk(users.classifier.id, doc, { action: "approve" });
    const late = await as(users.classifier.id, (trx, ctx) => recordClassification(trx, ctx, doc.id, { attribute: "withheld", ground: "art16.process_information", noStateSecret: true }));
    expect(late).toMatchObject({ ok: false, refusal: { code: "wrongStatus" } });

    d = await decideOk(users.leader.id, d, { action: "return", comment: "请补充联系人" });
    const edited = await as(users.drafter.id, (trx, ctx) => updateDocument(trx, ctx, { documentId: d.id, expectedVersion: d.version, payload: { body: "联系人：王某，13900001111。" } }));
    expect(edited.ok).toBe(true);
    d = await decideOk(users.drafter.id, edited.ok ? edited.document : d, { action: "submit" });
    d = await decideOk(users.dept.id, d, { action: "approve" });
    const s = await state(d);
    expect([s.review, s.open]).toEqual([null, 1]);
  });

  it("refuses to render a rendition while a finding is open", async () => {
    const doc = await atClassification();
    const s = await state(doc);
    expect(() => renditionOf(doc, s)).toThrow(/need a decision/);
  });

  it("publishes by no path what 保密审查 decided not to disclose", async () => {
    const d = await atClassification(TYPE, "内部讨论稿正文。", []);
    await as(users.classifier.id, (trx, ctx) => recordClassification(trx, ctx, d.id, { attribute: "withheld", ground: "art16.process_information", noStateSecret: true }));
    const approved = await decideOk(users.leader.id, await decideOk(users.classifier.id, d, { action: "approve" }), { action: "approve" });
    expect(approved.status).toBe("approved");
    const refused = await decide(users.leader.id, approved, { action: "publish" });
    expect(!refused.ok && refused.refusal.code).toBe("withheld");
    expect((await state(approved)).review?.attribute).toBe("withheld");
  });

  it("tells the last approver of a publishOnApproval type that 保密审查's 不予公开 kept it unpublished", async () => {
    const d = await atClassification(AUTO, "内部讨论稿正文。", []);
    await as(users.classifier.id, (trx, ctx) => recordClassification(trx, ctx, d.id, { attribute: "withheld", ground: "art16.process_information", noStateSecret: true }));
    const byClassifier = await decide(users.classifier.id, d, { action: "approve" });
    expect(byClassifier.ok && byClassifier.outcome).toEqual({ kind: "forwarded", step: "workflow.steps.leader" });
    const last = await decide(users.leader.id, byClassifier.ok ? byClassifier.document : d, { action: "approve" });
    expect(last.ok && [last.document.status, last.outcome]).toEqual(["approved", { kind: "withheld" }]);
  });

  it("records only the declaration for a type without a 公开属性, refusing an attribute or ground, and says what its approval did", async () => {
    const doc = await atClassification(LETTER, "经审查，您申请的信息属于主动公开范围。", []);
    const record = (input: Record<string, unknown>) => as(users.classifier.id, (trx, ctx) => recordClassification(trx, ctx, doc.id, input));
    expect(await record({ attribute: "proactive", noStateSecret: true })).toEqual({ ok: false, errors: { attribute: "classification.errors.attributeNotAsked" } });
    expect(await record({ ground: "art16.process_information", noStateSecret: true })).toEqual({ ok: false, errors: { ground: "classification.errors.attributeNotAsked" } });
    expect(await record({})).toEqual({ ok: false, errors: { noStateSecret: "classification.errors.declaration" } });
    expect((await state(doc)).review).toBeNull();
    // The form sends an empty attribute when none is asked: that is no attribute.
    expect((await record({ attribute: "", ground: "", noStateSecret: true })).ok).toBe(true);
    expect((await state(doc)).review).toMatchObject({ attribute: null, ground: null, reviewerId: users.classifier.id });
    const d = await decideOk(users.classifier.id, doc, { action: "approve" });
    const last = await decide(users.leader.id, d, { action: "approve" });
    expect(last.ok && [last.document.status, last.outcome]).toEqual(["approved", { kind: "approved", message: "fixture-notes:sent" }]);
    // A type that carries one still requires it.
    const memo = await atClassification(TYPE, "正文无个人信息。", []);
    const none = await as(users.classifier.id, (trx, ctx) => recordClassification(trx, ctx, memo.id, { noStateSecret: true }));
    expect(none).toMatchObject({ ok: false, errors: { attribute: "classification.errors.attribute" } });
  });

  it("numbers concurrent publications consecutively, without gaps", async () => {
    const docs: WorkflowDocument[] = [];
    for (let i = 0; i < 12; i++) {
      const d = await atClassification(TYPE, `第${i}号公告正文。`, []);
      await as(users.classifier.id, (trx, ctx) => recordClassification(trx, ctx, d.id, { attribute: "proactive", noStateSecret: true }));
      docs.push(await decideOk(users.leader.id, await decideOk(users.classifier.id, d, { action: "approve" }), { action: "approve" }));
    }
    const results = await Promise.all(docs.map((d) => decideOk(users.leader.id, d, { action: "publish" })));
    const seqs = results.map((r) => Number(r.index_number!.split("-").at(-1))).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(12);
    expect(seqs.at(-1)! - seqs[0]!).toBe(11);
  });
});
