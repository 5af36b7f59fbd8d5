import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { DatabaseHandle } from "../../db/client";
import type { BusinessRole } from "../../app/core/permissions/roles";
import { requireStaff, withTenant } from "../../app/core/tenancy/staff.server";
import { createDocument } from "../../app/core/workflow/service.server";
import { action, loader } from "../../app/routes/t.$tenant.admin.documents.$id";
import { createTenantTree, fixtureWithDocumentTypes, openTestDatabase } from "../helpers/db";
import { createUser, signedInRequest, testContext } from "../helpers/context";

const ID = "110101199003074514";

let handle: DatabaseHandle;
let context: AppLoadContext;
let office: { id: string; code: string };
let city: { id: string; code: string };
const users = {} as Record<"drafter" | "dept" | "classifier" | "leader" | "viewer" | "supervisor", { id: string }>;
let docId: string;

type Loaded = Awaited<ReturnType<typeof loader>>;

async function load(userId: string, code = office.code): Promise<Loaded> {
  const request = await signedInRequest(context, userId, `/t/${code}/admin/documents/${docId}`);
  return loader({ request, params: { tenant: code, id: docId }, context });
}

async function post(userId: string, fields: Record<string, string>) {
  const get = await signedInRequest(context, userId, `/t/${office.code}/admin/documents/${docId}`);
  const request = new Request(get.url, { method: "POST", headers: get.headers, body: new URLSearchParams(fields) });
  const response = (await action({ request, params: { tenant: office.code, id: docId }, context })) as unknown as { data: { ok: boolean; message?: string; errors?: Record<string, string> }; init: { status?: number } | null };
  return { ...response.data, status: response.init?.status ?? 200 };
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const registry = await fixtureWithDocumentTypes([
    {
      key: "fixture-notes.memo",
      label: "fixture-notes:name",
      requiresClassification: true,
      payload: z.object({ summary: z.string().default(""), body: z.string(), attribute: z.string().optional() }),
      // The drafter's proposal, preselected for 保密审查 (which decides).
      proposedAttribute: (p: { attribute?: string }) => p.attribute,
    },
  ]);
  const tree = await createTenantTree(handle, 1);
  office = tree.offices[0]!;
  city = tree.city;
  context = await testContext(handle, {}, registry);
  const roles: Record<Exclude<keyof typeof users, "supervisor">, BusinessRole[]> = { drafter: ["drafter"], dept: ["dept_reviewer"], classifier: ["classifier"], leader: ["leader"], viewer: ["viewer"] };
  for (const [name, r] of Object.entries(roles)) users[name as keyof typeof users] = await createUser(handle, { [office.id]: r });
  users.supervisor = await createUser(handle, { [city.id]: ["supervisor"] });
  const request = await signedInRequest(context, users.drafter.id, `/t/${office.code}/admin`);
  const staff = await requireStaff(request, context, office.code);
  const created = await withTenant(staff, (trx) => createDocument(trx, staff, { documentType: "fixture-notes.memo", title: "关于某企业环境违法行为的处理情况", payload: { summary: "责令改正", body: `当事人身份证号${ID}，已责令改正。`, attribute: "on_request" } }));
  if (!created.ok) throw new Error(created.refusal.code);
  docId = created.document.id;
});
afterAll(() => handle.close());

const shownText = (page: Loaded) => page.document.fields.flatMap((f) => f.segments.map((s) => s.text)).join("");

describe("the document page", () => {
  it("lists the texts in the order the document type declares them, not in the database's key order", async () => {
    // jsonb keeps shorter keys first: it returns body before summary.
    const page = await load(users.drafter.id);
    expect(page.document.fields.map((f) => f.path)).toEqual(["title", "payload.summary", "payload.body", "payload.attribute"]);
  });

  it("shows staff who handle documents the original with the finding marked, and a viewer or supervisor only the masked text", async () => {
    const own = await load(users.drafter.id);
    expect(own.document.original).toBe(true);
    expect(shownText(own)).toContain(ID);
    expect(own.document.fields.find((f) => f.path === "payload.body")!.segments.some((s) => "kind" in s && s.kind === "id_number")).toBe(true);
    expect(own.document.may).toEqual({ submit: true, withdraw: true, decide: false, classify: false });

    for (const reader of [users.viewer.id]) {
      const page = await load(reader);
      expect(page.document.original).toBe(false);
      expect(shownText(page)).not.toContain(ID);
      expect(shownText(page)).toContain("110101********4514");
      expect(page.document.classification!.findings[0]!.shown).toBe("110101********4514");
    }
    const supervised = await load(users.supervisor.id);
    expect(supervised.readOnly).toBe(true);
    expect(supervised.document.may).toEqual({ submit: false, withdraw: false, decide: false, classify: false });
  });

  it("takes the document through the chain from the page, with 保密审查 decided on the page", async () => {
    let page = await load(users.drafter.id);
    expect(await post(users.drafter.id, { intent: "submit", version: String(page.document.version) })).toMatchObject({ ok: true });
    page = await load(users.dept.id);
    expect(page.document.may.decide).toBe(true);
    expect(page.document.steps.find((s) => s.state === "current")!.key).toBe("dept_review");
    // A decision on a version someone else already moved on from is refused.
    expect(await post(users.dept.id, { intent: "approve", version: String(page.document.version - 1) })).toMatchObject({ ok: false, status: 409, message: "workflow.errors.staleVersion" });
    expect(await post(users.dept.id, { intent: "return", version: String(page.document.version), comment: " " })).toMatchObject({ ok: false, message: "workflow.errors.commentRequired" });
    expect(page.document.finalStep).toBe(false);
    // 同意's opinion is optional, bounded, and refused too long without deciding anything.
    const long = await post(users.dept.id, { intent: "approve", version: String(page.document.version), comment: "拟".repeat(501) });
    expect(long).toMatchObject({ ok: false, status: 400, errors: { comment: "documents.errors.opinionTooLong" } });
    expect((await load(users.dept.id)).document.version).toBe(page.document.version);
    // The approver reads where the document went.
    expect(await post(users.dept.id, { intent: "approve", version: String(page.document.version), comment: "  拟同意 " })).toMatchObject({
      ok: true,
      message: "documents.done.approveForwarded",
      values: { step: "workflow.steps.classification" },
    });

    page = await load(users.classifier.id);
    expect(page.document.may.classify).toBe(true);
    // The drafter's proposal is preselected until 保密审查 records its own.
    expect(page.document.classification).toMatchObject({ attributeAsked: true, proposedAttribute: "on_request", review: null });
    // A refusal that names no field comes back as the decision form's own error, shown beside it.
    expect(await post(users.classifier.id, { intent: "approve", version: String(page.document.version) })).toMatchObject({
      ok: false,
      message: "workflow.errors.findingsUnresolved",
      errors: { _form: "workflow.errors.findingsUnresolved" },
    });
    const finding = page.document.classification!.findings[0]!;
    expect(await post(users.classifier.id, { intent: "resolve", field: finding.field, key: finding.key, action: "keep" })).toMatchObject({ ok: false, errors: { reason: "classification.errors.keepReason" } });
    expect(await post(users.classifier.id, { intent: "resolve", field: finding.field, key: finding.key, action: "redact" })).toMatchObject({ ok: true });
    expect(await post(users.classifier.id, { intent: "classify", attribute: "proactive" })).toMatchObject({ ok: false, errors: { noStateSecret: "classification.errors.declaration" } });
    expect(await post(users.classifier.id, { intent: "classify", attribute: "proactive", noStateSecret: "on" })).toMatchObject({ ok: true });
    page = await load(users.classifier.id);
    expect(page.document.classification!.review).toMatchObject({ attribute: "proactive", ground: null });
    expect(page.document.classification!.proposedAttribute).toBe("proactive");
    expect(await post(users.classifier.id, { intent: "approve", version: String(page.document.version) })).toMatchObject({ ok: true });

    page = await load(users.leader.id);
    expect(page.document.finalStep).toBe(true);
    expect(await post(users.leader.id, { intent: "approve", version: String(page.document.version), comment: "同意发布" })).toMatchObject({ ok: true, message: "documents.done.approveCompleted" });
    page = await load(users.drafter.id);
    expect(page.document.status).toBe("approved");
    expect(page.document.decisions.map((d) => d.action)).toEqual(["submit", "approve", "approve", "approve"]);
    // The opinions are in the 办理记录 with who gave them.
    expect(page.document.decisions.map((d) => d.comment)).toEqual([null, "拟同意", null, "同意发布"]);
    expect(page.document.decisions[1]!.actor).toBeTruthy();
    expect(page.document.decisions[1]!.actor).not.toBe(page.document.decisions[3]!.actor);
    expect(page.document.steps.map((s) => s.state)).toEqual(["done", "done", "done", "done", "skipped"]);
  });

  it("answers 404 for another office's document and for a malformed id", async () => {
    await expect(load(users.supervisor.id, city.code)).rejects.toMatchObject({ status: 404 });
    const request = await signedInRequest(context, users.drafter.id, `/t/${office.code}/admin/documents/nope`);
    await expect(loader({ request, params: { tenant: office.code, id: "nope" }, context })).rejects.toMatchObject({ status: 404 });
  });
});
