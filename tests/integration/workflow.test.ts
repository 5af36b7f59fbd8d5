import type { AppLoadContext } from "@remix-run/node";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { DatabaseHandle } from "../../db/client";
import type { BusinessRole } from "../../app/core/permissions/roles";
import { requireStaff, withTenant, type StaffContext } from "../../app/core/tenancy/staff.server";
import { DEFAULT_CHAIN } from "../../app/core/workflow/chain";
import { recordClassification } from "../../app/core/workflow/classification-step.server";
import { act, chainFor, createDocument, decisionsOf, inboxOf, saveChain, type ActInput, type WorkflowDocument } from "../../app/core/workflow/service.server";
import { WorkCalendar } from "../../app/core/calendar/work-calendar";
import * as inboxRoute from "../../app/routes/t.$tenant.admin.inbox";
import { createTenantTree, fixtureWithDocumentTypes, openTestDatabase } from "../helpers/db";
import { createUser, signedInRequest, testContext } from "../helpers/context";

const TYPE = "fixture-notes.memo";
const PLAIN_TYPE = "fixture-notes.plain";

let handle: DatabaseHandle;
let context: AppLoadContext;
let tree: Awaited<ReturnType<typeof createTenantTree>>;
let office: { id: string; code: string };
const users = {} as Record<"drafter" | "dept" | "dept2" | "classifier" | "leader" | "principal" | "viewer" | "otherDrafter", { id: string }>;

const staffOf = async (userId: string, code = office.code): Promise<StaffContext> =>
  requireStaff(await signedInRequest(context, userId, `/t/${code}/admin`), context, code);

async function create(userId: string, input: { title?: string; important?: boolean; type?: string } = {}): Promise<WorkflowDocument> {
  const ctx = await staffOf(userId);
  const r = await withTenant(ctx, (trx) =>
    createDocument(trx, ctx, { documentType: input.type ?? TYPE, title: input.title ?? "关于2026年第一批行政处罚决定的公开", payload: { body: "正文" }, important: input.important }),
  );
  if (!r.ok) throw new Error(r.refusal.key);
  return r.document;
}

const calendar = new WorkCalendar();
const now = new Date("2026-11-20T02:00:00Z"); // Friday 10:00 in China

async function decide(userId: string, input: ActInput) {
  const ctx = await staffOf(userId);
  return withTenant(ctx, (trx) => act(trx, ctx, input, { calendar, now }));
}

async function decideOk(userId: string, input: Omit<ActInput, "expectedVersion">, doc: WorkflowDocument): Promise<WorkflowDocument> {
  const r = await decide(userId, { ...input, expectedVersion: doc.version });
  if (!r.ok) throw new Error(`${input.action} refused: ${r.refusal.code}`);
  return r.document;
}

/** The classifier's record: 主动公开, no state secret. */
async function classify(userId: string, doc: WorkflowDocument, input: Record<string, unknown> = { attribute: "proactive", noStateSecret: true }) {
  const ctx = await staffOf(userId);
  return withTenant(ctx, (trx) => recordClassification(trx, ctx, doc.id, input));
}

async function reload(doc: WorkflowDocument): Promise<WorkflowDocument> {
  const ctx = await staffOf(users.drafter.id);
  return withTenant(ctx, (trx) => trx.selectFrom("workflow_documents").selectAll().where("id", "=", doc.id).executeTakeFirstOrThrow());
}

async function decisions(doc: WorkflowDocument) {
  const ctx = await staffOf(users.drafter.id);
  return withTenant(ctx, (trx) => decisionsOf(trx, office.id, doc.id));
}

async function auditOf(doc: WorkflowDocument) {
  const ctx = await staffOf(users.drafter.id);
  return withTenant(ctx, (trx) =>
    trx
      .selectFrom("audit_events")
      .select(["action", "outcome", "actor_id", "data"])
      .where("tenant_id", "=", office.id)
      .where("target_id", "=", doc.id)
      .orderBy("seq")
      .execute(),
  );
}

async function inbox(userId: string) {
  const ctx = await staffOf(userId);
  return withTenant(ctx, (trx) => inboxOf(trx, ctx));
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const registry = await fixtureWithDocumentTypes([
      { key: TYPE, label: "fixture-notes:name", requiresClassification: true, payload: z.object({ body: z.string().min(1) }) },
      { key: PLAIN_TYPE, label: "fixture-notes:name", requiresClassification: false, payload: z.object({ body: z.string() }) },
    ]);
  tree = await createTenantTree(handle, 2);
  context = await testContext(handle, {}, registry);
  office = tree.offices[0]!;
  const roles: Record<keyof typeof users, BusinessRole[]> = {
    drafter: ["drafter"],
    otherDrafter: ["drafter"],
    dept: ["dept_reviewer"],
    dept2: ["dept_reviewer"],
    classifier: ["classifier"],
    leader: ["leader"],
    principal: ["principal"],
    viewer: ["viewer"],
  };
  for (const [name, r] of Object.entries(roles)) users[name as keyof typeof users] = await createUser(handle, { [office.id]: r });
});
afterAll(() => handle.close());

describe("workflow engine", () => {
  it("runs a document through the default chain to approval, skipping 主要领导 when not important, with due dates in working days", async () => {
    let doc = await create(users.drafter.id);
    expect([doc.status, doc.version]).toEqual(["draft", 1]);
    doc = await decideOk(users.drafter.id, { documentId: doc.id, action: "submit" }, doc);
    expect([doc.status, doc.waiting_role, doc.version]).toEqual(["in_review", "dept_reviewer", 2]);
    // Friday 2026-11-20 + 2 working days = Tuesday 2026-11-24.
    expect(doc.due_date).toBe("2026-11-24");
    expect((await inbox(users.dept.id)).map((i) => i.id)).toContain(doc.id);
    expect((await inbox(users.classifier.id)).map((i) => i.id)).not.toContain(doc.id);
    doc = await decideOk(users.dept.id, { documentId: doc.id, action: "approve" }, doc);
    expect(doc.waiting_role).toBe("classifier");
    expect(doc.due_date).toBe("2026-11-25");
    expect((await classify(users.classifier.id, doc)).ok).toBe(true);
    doc = await decideOk(users.classifier.id, { documentId: doc.id, action: "approve" }, doc);
    expect(doc.waiting_role).toBe("leader");
    doc = await decideOk(users.leader.id, { documentId: doc.id, action: "approve" }, doc);
    expect([doc.status, doc.current_step, doc.waiting_role, doc.due_date, doc.version]).toEqual(["approved", null, null, null, 5]);
    const ds = await decisions(doc);
    expect(ds.map((d) => [d.seq, d.action, d.step_key, d.to_status])).toEqual([
      [1, "submit", null, "in_review"],
      [2, "approve", "dept_review", "in_review"],
      [3, "approve", "classification", "in_review"],
      [4, "approve", "leader", "approved"],
    ]);
    const audit = await auditOf(doc);
    expect(audit.map((a) => `${a.action}:${a.outcome}`)).toEqual([
      "workflow.create:success",
      "workflow.submit:success",
      "workflow.approve:success",
      "classification.review:success",
      "workflow.approve:success",
      "workflow.approve:success",
    ]);
    expect(audit.map((a) => a.actor_id)).toEqual([users.drafter.id, users.drafter.id, users.dept.id, users.classifier.id, users.classifier.id, users.leader.id]);
  });

  it("sends an important document to 主要领导 last", async () => {
    let doc = await create(users.drafter.id, { important: true });
    doc = await decideOk(users.drafter.id, { documentId: doc.id, action: "submit" }, doc);
    for (const u of [users.dept, users.classifier, users.leader]) {
      if (u === users.classifier) await classify(u.id, doc);
      doc = await decideOk(u.id, { documentId: doc.id, action: "approve" }, doc);
    }
    expect([doc.status, doc.waiting_role]).toEqual(["in_review", "principal"]);
    expect((await inbox(users.principal.id)).map((i) => i.id)).toContain(doc.id);
    doc = await decideOk(users.principal.id, { documentId: doc.id, action: "approve" }, doc);
    expect(doc.status).toBe("approved");
    expect((await decisions(doc)).at(-1)!.step_key).toBe("principal");
  });

  it("skips 保密审查 only for a type that does not require it", async () => {
    let doc = await create(users.drafter.id, { type: PLAIN_TYPE });
    doc = await decideOk(users.drafter.id, { documentId: doc.id, action: "submit" }, doc);
    doc = await decideOk(users.dept.id, { documentId: doc.id, action: "approve" }, doc);
    expect(doc.waiting_role).toBe("leader");
  });

  it("returns only with a comment; a refused return changes nothing and is audited as a failure", async () => {
    let doc = await create(users.drafter.id);
    doc = await decideOk(users.drafter.id, { documentId: doc.id, action: "submit" }, doc);
    doc = await decideOk(users.dept.id, { documentId: doc.id, action: "approve" }, doc);
    const refused = await decide(users.classifier.id, { documentId: doc.id, action: "return", expectedVersion: doc.version, comment: "  " });
    expect(refused.ok ? null : refused.refusal.key).toBe("workflow.errors.commentRequired");
    expect(await reload(doc)).toEqual(doc);
    doc = await decideOk(users.classifier.id, { documentId: doc.id, action: "return", comment: "第二段含个人手机号，请删除" }, doc);
    expect([doc.status, doc.current_step, doc.due_date]).toEqual(["returned", null, null]);
    const last = (await decisions(doc)).at(-1)!;
    expect([last.action, last.step_key, last.comment, last.actor_id]).toEqual(["return", "classification", "第二段含个人手机号，请删除", users.classifier.id]);
    const audit = await auditOf(doc);
    expect(audit.slice(-2).map((a) => `${a.action}:${a.outcome}`)).toEqual(["workflow.return:failure", "workflow.return:success"]);
    // The drafter fixes it and resubmits: the chain starts over.
    doc = await decideOk(users.drafter.id, { documentId: doc.id, action: "submit" }, doc);
    expect(doc.waiting_role).toBe("dept_reviewer");
  });

  it("keeps the opinion given on 同意 with the decision and its audit, and tells the approver where the document went", async () => {
    let doc = await create(users.drafter.id, { type: PLAIN_TYPE });
    doc = await decideOk(users.drafter.id, { documentId: doc.id, action: "submit" }, doc);
    const first = await decide(users.dept.id, { documentId: doc.id, action: "approve", expectedVersion: doc.version, comment: " 拟同意 " });
    if (!first.ok) throw new Error(first.refusal.code);
    expect(first.outcome).toEqual({ kind: "forwarded", step: "workflow.steps.leader" });
    const last = await decide(users.leader.id, { documentId: doc.id, action: "approve", expectedVersion: first.document.version });
    if (!last.ok) throw new Error(last.refusal.code);
    // A type that neither publishes nor sends: the review is complete, in core's words.
    expect([last.document.status, last.outcome]).toEqual(["approved", { kind: "approved", message: null }]);
    const ds = await decisions(doc);
    expect(ds.map((d) => [d.action, d.step_key, d.comment, d.actor_id])).toEqual([
      ["submit", null, null, users.drafter.id],
      ["approve", "dept_review", "拟同意", users.dept.id],
      ["approve", "leader", null, users.leader.id],
    ]);
    const approvals = (await auditOf(doc)).filter((a) => a.action === "workflow.approve");
    expect(approvals.map((a) => (a.data as { comment?: string }).comment ?? null)).toEqual(["拟同意", null]);
  });

  it("lets the submitter withdraw, nobody else, and never after approval", async () => {
    let doc = await create(users.drafter.id);
    doc = await decideOk(users.drafter.id, { documentId: doc.id, action: "submit" }, doc);
    const byOther = await decide(users.otherDrafter.id, { documentId: doc.id, action: "withdraw", expectedVersion: doc.version });
    expect(byOther.ok ? null : byOther.refusal.code).toBe("notSubmitter");
    doc = await decideOk(users.drafter.id, { documentId: doc.id, action: "withdraw" }, doc);
    expect(doc.status).toBe("withdrawn");
    expect((await inbox(users.dept.id)).map((i) => i.id)).not.toContain(doc.id);

    let approved = await create(users.drafter.id, { type: PLAIN_TYPE });
    approved = await decideOk(users.drafter.id, { documentId: approved.id, action: "submit" }, approved);
    for (const u of [users.dept, users.leader]) approved = await decideOk(u.id, { documentId: approved.id, action: "approve" }, approved);
    const late = await decide(users.drafter.id, { documentId: approved.id, action: "withdraw", expectedVersion: approved.version });
    expect(late.ok ? null : late.refusal.code).toBe("alreadyApproved");
    expect((await reload(approved)).status).toBe("approved");
  });

  it("refuses a user without the current step's role, and a viewer who cannot create", async () => {
    let doc = await create(users.drafter.id);
    doc = await decideOk(users.drafter.id, { documentId: doc.id, action: "submit" }, doc);
    for (const u of [users.classifier, users.leader, users.viewer, users.drafter]) {
      const r = await decide(u.id, { documentId: doc.id, action: "approve", expectedVersion: doc.version });
      expect(r.ok ? null : r.refusal.key).toBe("workflow.errors.missingRole");
    }
    expect(await reload(doc)).toEqual(doc);
    expect(await decisions(doc)).toHaveLength(1);
    const ctx = await staffOf(users.viewer.id);
    const r = await withTenant(ctx, (trx) => createDocument(trx, ctx, { documentType: TYPE, title: "x", payload: { body: "y" } }));
    expect(r.ok ? null : r.refusal.code).toBe("missingRole");
  });

  it("lets exactly one of two concurrent approvals on the same version win", async () => {
    let doc = await create(users.drafter.id);
    doc = await decideOk(users.drafter.id, { documentId: doc.id, action: "submit" }, doc);
    const ctxs = await Promise.all([users.dept, users.dept2].map((u) => staffOf(u.id)));
    let inFlight = 0;
    let mostInFlight = 0;
    const [a, b] = await Promise.all(
      ctxs.map(async (ctx) => {
        return withTenant(ctx, async (trx) => {
          mostInFlight = Math.max(mostInFlight, ++inFlight);
          const r = await act(trx, ctx, { documentId: doc.id, action: "approve", expectedVersion: doc.version }, { calendar, now });
          // Hold the row lock a moment so that, on PostgreSQL, the other decision waits on it.
          await sql`SELECT pg_sleep(0.05)`.execute(trx);
          inFlight--;
          return r;
        });
      }),
    );
    // PGlite has one connection; on PostgreSQL both decisions really race for the row.
    if (handle.engine === "postgres") expect(mostInFlight).toBe(2);
    const results = [a!, b!];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser && !loser.ok ? loser.refusal.key : null).toBe("workflow.errors.staleVersion");
    const after = await reload(doc);
    expect([after.version, after.waiting_role]).toEqual([doc.version + 1, "classifier"]);
    const approvals = (await decisions(doc)).filter((d) => d.action === "approve");
    expect(approvals).toHaveLength(1);
    const audit = await auditOf(doc);
    expect(audit.filter((e) => e.action === "workflow.approve").map((e) => e.outcome).sort()).toEqual(["failure", "success"]);
  });

  it("reassigns the current step to a named holder of its role, whose inbox then has it alone", async () => {
    let doc = await create(users.drafter.id);
    doc = await decideOk(users.drafter.id, { documentId: doc.id, action: "submit" }, doc);
    const wrong = await decide(users.dept.id, { documentId: doc.id, action: "reassign", expectedVersion: doc.version, assignee: users.leader.id });
    expect(wrong.ok ? null : wrong.refusal.code).toBe("assigneeLacksRole");
    doc = await decideOk(users.dept.id, { documentId: doc.id, action: "reassign", assignee: users.dept2.id }, doc);
    expect([doc.assignee_id, doc.waiting_role, doc.due_date]).toEqual([users.dept2.id, "dept_reviewer", "2026-11-24"]);
    expect((await inbox(users.dept.id)).map((i) => i.id)).not.toContain(doc.id);
    const mine = (await inbox(users.dept2.id)).find((i) => i.id === doc.id);
    expect(mine?.assignedToMe).toBe(true);
    const byOriginal = await decide(users.dept.id, { documentId: doc.id, action: "approve", expectedVersion: doc.version });
    expect(byOriginal.ok ? null : byOriginal.refusal.code).toBe("notAssignee");
    doc = await decideOk(users.dept2.id, { documentId: doc.id, action: "approve" }, doc);
    expect([doc.assignee_id, doc.waiting_role]).toEqual([null, "classifier"]);
    const ds = await decisions(doc);
    expect(ds.find((d) => d.action === "reassign")?.assignee_id).toBe(users.dept2.id);
  });

  it("runs a tenant's own chain and refuses one without 保密审查 for a type that requires it", async () => {
    const ctx = await staffOf(users.leader.id, tree.offices[1]!.code).catch(() => null);
    expect(ctx).toBeNull(); // not a member of office 2
    const own = tree.offices[1]!;
    const drafter = await createUser(handle, { [own.id]: ["drafter"] });
    const leader = await createUser(handle, { [own.id]: ["leader", "classifier"] });
    const lctx = await staffOf(leader.id, own.code);
    const noClassification = [{ key: "leader", role: "leader", dueWorkdays: 5 }];
    const refused = await withTenant(lctx, (trx) => saveChain(trx, lctx, { documentType: TYPE, steps: noClassification, requiresClassification: true }));
    expect(refused).toEqual({ ok: false, errors: ["workflow.errors.chainMissingClassification"] });
    const steps = [
      { key: "secrecy", role: "classifier", dueWorkdays: 1, classification: true },
      { key: "leader", role: "leader", dueWorkdays: 5 },
    ];
    expect(await withTenant(lctx, (trx) => saveChain(trx, lctx, { documentType: TYPE, steps, requiresClassification: true }))).toEqual({ ok: true });
    expect(await withTenant(lctx, (trx) => chainFor(trx, own.id, TYPE))).toEqual(steps);
    // Office 1 still runs the default.
    const d1 = await staffOf(users.drafter.id);
    expect(await withTenant(d1, (trx) => chainFor(trx, office.id, TYPE))).toEqual(DEFAULT_CHAIN);

    const dctx = await staffOf(drafter.id, own.code);
    const created = await withTenant(dctx, (trx) => createDocument(trx, dctx, { documentType: TYPE, title: "t", payload: { body: "b" } }));
    if (!created.ok) throw new Error(created.refusal.key);
    const submitted = await withTenant(dctx, (trx) => act(trx, dctx, { documentId: created.document.id, action: "submit", expectedVersion: 1 }, { calendar, now }));
    expect(submitted.ok && [submitted.document.waiting_role, submitted.document.due_date]).toEqual(["classifier", "2026-11-23"]);
    // Another office's users neither see nor decide it.
    const other = await decide(users.dept.id, { documentId: created.document.id, action: "approve", expectedVersion: 2 });
    expect(other.ok ? null : other.refusal.code).toBe("notFound");
  });
});

describe("supervision", () => {
  it("lets a supervisor from the office above see nothing to decide and decide nothing", async () => {
    let doc = await create(users.drafter.id);
    doc = await decideOk(users.drafter.id, { documentId: doc.id, action: "submit" }, doc);
    const supervisor = await createUser(handle, { [tree.city.id]: ["supervisor", "dept_reviewer"] });
    const ctx = await staffOf(supervisor.id);
    expect(ctx.access.mode).toBe("supervisor");
    expect(await withTenant(ctx, (trx) => inboxOf(trx, ctx))).toEqual([]);
    const r = await withTenant(ctx, (trx) => act(trx, ctx, { documentId: doc.id, action: "approve", expectedVersion: doc.version }, { calendar, now }));
    expect(r.ok ? null : r.refusal.code).toBe("missingRole");
    expect(await reload(doc)).toEqual(doc);
  });
});

describe("inbox page", () => {
  it("lists what waits for the user, most urgent first, to be opened: 同意 is never taken from the list", async () => {
    let doc = await create(users.drafter.id, { title: "收件箱测试" });
    doc = await decideOk(users.drafter.id, { documentId: doc.id, action: "submit" }, doc);
    const req = await signedInRequest(context, users.dept.id, `/t/${office.code}/admin/inbox`);
    const data = await inboxRoute.loader({ request: req, params: { tenant: office.code }, context });
    const item = data.items.find((i) => i.id === doc.id);
    expect(item).toMatchObject({ title: "收件箱测试", dueDate: "2026-11-24" });
    const dues = data.items.map((i) => i.dueDate ?? "9999");
    expect([...dues].sort()).toEqual(dues);
    // The route takes no decision: a POST to the list has no action to reach (Remix answers 405).
    expect("action" in inboxRoute).toBe(false);
  });
});
