import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { DatabaseHandle } from "../../db/client";
import type { BusinessRole } from "../../app/core/permissions/roles";
import { requireStaff, withTenant, type StaffContext } from "../../app/core/tenancy/staff.server";
import { createDocument, decide, type WorkflowDocument } from "../../app/core/workflow/service.server";
import { DecisionRefused, type PluginDocumentType } from "../../app/plugin-api";
import { createTenantTree, fixtureWithDocumentTypes, openTestDatabase } from "../helpers/db";
import { createUser, signedInRequest, testContext } from "../helpers/context";

const TYPE = "fixture-notes.memo";
let handle: DatabaseHandle;
let context: AppLoadContext;
let office: { id: string; code: string };
const users = {} as Record<"drafter" | "dept" | "leader", { id: string }>;
const approved: string[] = [];

const staffOf = async (userId: string): Promise<StaffContext> => requireStaff(await signedInRequest(context, userId, `/t/${office.code}/admin`), context, office.code);

async function step(userId: string, doc: WorkflowDocument, action: "submit" | "approve") {
  return decide(await staffOf(userId), { documentId: doc.id, expectedVersion: doc.version, action });
}

async function atLeader(refuse: boolean): Promise<WorkflowDocument> {
  const drafter = await staffOf(users.drafter.id);
  const created = await withTenant(drafter, (trx) => createDocument(trx, drafter, { documentType: TYPE, title: "答复", payload: { refuse } }));
  if (!created.ok) throw new Error(created.refusal.code);
  let doc = created.document;
  for (const [user, action] of [[users.drafter, "submit"], [users.dept, "approve"]] as const) {
    const r = await step(user.id, doc, action);
    if (!r.ok) throw new Error(r.refusal.code);
    doc = r.document;
  }
  expect(doc.waiting_role).toBe("leader");
  return doc;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const documentTypes: PluginDocumentType[] = [
    {
      key: TYPE,
      label: "fixture-notes:name",
      requiresClassification: false,
      payload: z.object({ refuse: z.boolean() }),
      async onApproved(ctx, doc) {
        await ctx.audit(ctx.trx, { action: "fixture-notes.note.create", target: { type: "workflow_document", id: doc.id } });
        if ((doc.payload as { refuse: boolean }).refuse) throw new DecisionRefused("fixture-notes:errors.lapsed");
        approved.push(doc.id);
      },
    },
  ];
  const tree = await createTenantTree(handle, 1);
  context = await testContext(handle, {}, await fixtureWithDocumentTypes(documentTypes));
  office = tree.offices[0]!;
  const roles: Record<keyof typeof users, BusinessRole[]> = { drafter: ["drafter"], dept: ["dept_reviewer"], leader: ["leader"] };
  for (const [name, r] of Object.entries(roles)) users[name as keyof typeof users] = await createUser(handle, { [office.id]: r });
});
afterAll(() => handle.close());

describe(`a plugin hook refusing a decision (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("undoes the whole approval and gives the plugin's reason instead of an error", async () => {
    const doc = await atLeader(true);
    const r = await step(users.leader.id, doc, "approve");
    expect(r).toEqual({ ok: false, refusal: { code: "refusedByPlugin", key: "fixture-notes:errors.lapsed" } });
    const leader = await staffOf(users.leader.id);
    const after = await withTenant(leader, async (trx) => ({
      doc: await trx.selectFrom("workflow_documents").select(["status", "version", "waiting_role"]).where("id", "=", doc.id).executeTakeFirstOrThrow(),
      decisions: await trx.selectFrom("workflow_decisions").select("action").where("document_id", "=", doc.id).execute(),
    }));
    // Still waiting for the leader, as before: no decision, no version bump.
    expect(after.doc).toEqual({ status: doc.status, version: doc.version, waiting_role: "leader" });
    expect(after.decisions.map((d) => d.action)).toEqual(["submit", "approve"]);
    const hookEvents = await handle.db.selectFrom("audit_events").select("action").where("action", "=", "fixture-notes.note.create").where("target_id", "=", doc.id).execute();
    expect(hookEvents).toEqual([]);
  });

  it("lets an approval the hook accepts through", async () => {
    const doc = await atLeader(false);
    const r = await step(users.leader.id, doc, "approve");
    expect(r.ok && r.document.status).toBe("approved");
    expect(approved).toEqual([doc.id]);
  });
});
