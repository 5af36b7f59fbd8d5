import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { DatabaseHandle } from "../../db/client";
import { withScope } from "../../db/scope";
import type { BusinessRole } from "../../app/core/permissions/roles";
import { renditionOf, reviewState } from "../../app/core/classification/review.server";
import { requireStaff, withTenant } from "../../app/core/tenancy/staff.server";
import { SHOWN_FINDINGS } from "../../app/core/workflow/document-view.server";
import { act, createDocument, documentById } from "../../app/core/workflow/service.server";
import { action, loader } from "../../app/routes/t.$tenant.admin.documents.$id";
import { createTenantTree, fixtureWithDocumentTypes, openTestDatabase } from "../helpers/db";
import { createUser, signedInRequest, testContext } from "../helpers/context";

/**
 * A document whose payload is a batch of rows (an import of thousands of records) goes through
 * 保密审查 like any other: the scan addresses each row's texts (`payload.rows.17.body`), the page
 * shows a summary and the rows with findings instead of every row, and a reviewer can decide all
 * findings of one kind at once.
 */

const MOBILE = "13812345678";
const ROWS = SHOWN_FINDINGS + 100;

let handle: DatabaseHandle;
let context: AppLoadContext;
let office: { id: string; code: string };
const users = {} as Record<"drafter" | "dept" | "classifier", { id: string }>;
let docId: string;

const Batch = z.object({ rows: z.array(z.object({ title: z.string(), body: z.string() })) });
const rows = Array.from({ length: ROWS }, (_, i) => ({
  title: `第${i + 1}号公告`,
  // Every row but the first carries the same office phone; row 3 also an e-mail address.
  body: i === 0 ? "无联系方式。" : `联系电话 ${MOBILE}${i === 2 ? "，邮箱 contact@example.gov.cn" : ""}。`,
}));

async function staff(userId: string) {
  return requireStaff(await signedInRequest(context, userId, `/t/${office.code}/admin`), context, office.code);
}
async function load(userId: string) {
  const request = await signedInRequest(context, userId, `/t/${office.code}/admin/documents/${docId}`);
  return loader({ request, params: { tenant: office.code, id: docId }, context });
}
async function post(userId: string, fields: Record<string, string>) {
  const get = await signedInRequest(context, userId, `/t/${office.code}/admin/documents/${docId}`);
  const request = new Request(get.url, { method: "POST", headers: get.headers, body: new URLSearchParams(fields) });
  const response = (await action({ request, params: { tenant: office.code, id: docId }, context })) as unknown as {
    data: { ok: boolean; message?: string; errors?: Record<string, string>; count?: number };
    init: { status?: number } | null;
  };
  return { ...response.data, status: response.init?.status ?? 200 };
}
async function decide(userId: string, actionName: "submit" | "approve") {
  const ctx = await staff(userId);
  return withTenant(ctx, async (trx) => {
    const doc = (await documentById(trx, office.id, docId))!;
    return act(trx, ctx, { documentId: docId, action: actionName, expectedVersion: doc.version });
  });
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const registry = await fixtureWithDocumentTypes([
    {
      key: "fixture-notes.batch",
      label: "fixture-notes:name",
      requiresClassification: true,
      payload: Batch,
      describe: async (_ctx, payload: z.infer<typeof Batch>) => ({ "payload.rows": `${payload.rows.length} rows` }),
    },
  ]);
  const tree = await createTenantTree(handle, 1);
  office = tree.offices[0]!;
  context = await testContext(handle, {}, registry);
  const roles: Record<keyof typeof users, BusinessRole[]> = { drafter: ["drafter"], dept: ["dept_reviewer"], classifier: ["classifier"] };
  for (const [name, r] of Object.entries(roles)) users[name as keyof typeof users] = await createUser(handle, { [office.id]: r });
  const ctx = await staff(users.drafter.id);
  const created = await withTenant(ctx, (trx) => createDocument(trx, ctx, { documentType: "fixture-notes.batch", title: "导入批次", payload: { rows } }));
  if (!created.ok) throw new Error(created.refusal.code);
  docId = created.document.id;
  for (const [who, step] of [
    [users.drafter.id, "submit"],
    [users.dept.id, "approve"],
  ] as const) {
    const r = await decide(who, step);
    if (!r.ok) throw new Error(r.refusal.code);
  }
}, 60_000);
afterAll(() => handle.close());

describe(`a batch document (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("shows the summary and the rows with findings, and lists at most SHOWN_FINDINGS findings, counting the rest by kind", async () => {
    const { document: doc } = await load(users.classifier.id);
    expect(doc.fields[0]!.path).toBe("title");
    expect(doc.fields[1]).toEqual({ path: "payload.rows", segments: [{ text: `${ROWS} rows` }] });
    // Row 1 has no finding: its two texts are left out, every other row is shown whole.
    expect(doc.fields.some((f) => f.path.startsWith("payload.rows.0."))).toBe(false);
    expect(doc.fields.filter((f) => f.path.startsWith("payload.rows.2.")).map((f) => f.path)).toEqual(["payload.rows.2.title", "payload.rows.2.body"]);
    expect(doc.omitted).toBe(2);
    const c = doc.classification!;
    expect([c.total, c.open, c.findings.length]).toEqual([ROWS, ROWS, SHOWN_FINDINGS]);
    expect(c.findings[0]).toMatchObject({ field: "payload.rows.1.body", kind: "mobile" });
    expect(c.openByKind).toEqual([
      { kind: "mobile", label: "手机号码", open: ROWS - 1 },
      { kind: "email", label: "电子邮箱地址", open: 1 },
    ]);
  });

  it("decides every open finding of a kind at once, audited once, and keeps decisions already taken", async () => {
    expect(await post(users.classifier.id, { intent: "resolveKind", kind: "mobile", action: "keep" })).toMatchObject({ ok: false, status: 400, errors: { reason: "classification.errors.keepReason" } });
    expect(await post(users.classifier.id, { intent: "resolveKind", kind: "phone", action: "redact" })).toMatchObject({ ok: false, errors: { kind: "classification.errors.kind" } });
    // One mobile decided by hand first: kept, with a reason.
    const first = (await load(users.classifier.id)).document.classification!.findings.find((f) => f.kind === "mobile")!;
    expect(await post(users.classifier.id, { intent: "resolve", field: first.field, key: first.key, action: "keep", reason: "单位公开的办公电话" })).toMatchObject({ ok: true });
    expect(await post(users.dept.id, { intent: "resolveKind", kind: "mobile", action: "redact" })).toMatchObject({ ok: false, message: "workflow.errors.missingRole" });

    expect(await post(users.classifier.id, { intent: "resolveKind", kind: "mobile", action: "redact" })).toMatchObject({ ok: true, message: "classification.done.resolvedKind", count: ROWS - 2 });
    const c = (await load(users.classifier.id)).document.classification!;
    expect([c.open, c.openByKind]).toEqual([1, [{ kind: "email", label: "电子邮箱地址", open: 1 }]]);
    expect(await post(users.classifier.id, { intent: "resolveKind", kind: "mobile", action: "redact" })).toMatchObject({ ok: false, status: 404 });
    expect(await post(users.classifier.id, { intent: "resolveKind", kind: "email", action: "keep", reason: "单位公开的邮箱" })).toMatchObject({ ok: true, count: 1 });

    const events = await withScope(handle.db, { tenantId: office.id, readTenantIds: [office.id], userId: null }, (trx) =>
      trx.selectFrom("audit_events").select("data").where("tenant_id", "=", office.id).where("action", "=", "classification.resolve").orderBy("seq").execute(),
    );
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ field: first.field, action: "keep" }),
      expect.objectContaining({ kind: "mobile", count: ROWS - 2, action: "redact" }),
      expect.objectContaining({ kind: "email", count: 1, action: "keep" }),
    ]);
  });

  it("renders the published rendition row by row: each redacted finding masked in its own row, kept ones as written", async () => {
    expect(await post(users.classifier.id, { intent: "classify", attribute: "proactive", noStateSecret: "on" })).toMatchObject({ ok: true });
    expect((await decide(users.classifier.id, "approve")).ok).toBe(true);
    const rendition = await withScope(handle.db, { tenantId: office.id, readTenantIds: [office.id], userId: null }, async (trx) => {
      const doc = (await documentById(trx, office.id, docId))!;
      return renditionOf(doc, await reviewState(trx, doc));
    });
    const out = (rendition.payload as z.infer<typeof Batch>).rows;
    expect(out).toHaveLength(ROWS);
    expect(out[0]!.body).toBe("无联系方式。");
    expect(out[1]!.body).toBe(`联系电话 ${MOBILE}。`);
    expect(out[2]!.body).toBe("联系电话 138****5678，邮箱 contact@example.gov.cn。");
    expect(out.at(-1)!.body).toBe("联系电话 138****5678。");
    expect(out.filter((r) => r.body.includes(MOBILE))).toHaveLength(1);
  });
});
