import type { AppLoadContext } from "@remix-run/node";
import { validateManifest } from "../../../app/plugin-host/discover";
import { migratePlugins } from "../../../app/plugin-host/migrate";
import { PluginRegistry } from "../../../app/plugin-host/registry";
import { tenantContext } from "../../../app/plugin-host/request-context.server";
import type { BusinessRole } from "../../../app/core/permissions/roles";
import { reviewState } from "../../../app/core/classification/review.server";
import { requireStaff, withTenant, type StaffContext } from "../../../app/core/tenancy/staff.server";
import { recordClassification, resolveFinding } from "../../../app/core/workflow/classification-step.server";
import { act, createDocument, type WorkflowDocument } from "../../../app/core/workflow/service.server";
import { createTenantTree, openTestDatabase, switchPlugin } from "../../../tests/helpers/db";
import { createUser, signedInRequest, testContext } from "../../../tests/helpers/context";
import manifest from "../manifest";

/** A test database with the disclosure plugin migrated and enabled for a city and two offices, and staff in the first office. */
export async function openDisclosure() {
  const handle = await openTestDatabase();
  const dir = new URL("..", import.meta.url).pathname;
  const registry = new PluginRegistry([{ manifest: validateManifest("disclosure", manifest), dir }]);
  await migratePlugins(handle.db, registry);
  const tree = await createTenantTree(handle, 2);
  for (const t of [tree.city, ...tree.offices]) await switchPlugin(handle, t.id, true, {}, "disclosure");
  const context: AppLoadContext = await testContext(handle, {}, registry);
  const office = tree.offices[0]!;
  const roles = { drafter: ["drafter"], dept: ["dept_reviewer"], classifier: ["classifier"], leader: ["leader"], viewer: ["viewer"] } satisfies Record<string, BusinessRole[]>;
  const users = {} as Record<keyof typeof roles, { id: string; username: string }>;
  for (const [name, r] of Object.entries(roles)) users[name as keyof typeof roles] = await createUser(handle, { [office.id]: r });
  const systemContext = (tenantId: string) =>
    tenantContext(context, registry.get("disclosure")!, context.services.tenants.byId(tenantId)!, { id: null, name: "test" });

  /** Runs `fn` in the office's transaction as the signed-in staff member. */
  async function asStaff<T>(userId: string, fn: (trx: Parameters<Parameters<typeof withTenant>[1]>[0], ctx: StaffContext) => Promise<T>): Promise<T> {
    const ctx = await requireStaff(await signedInRequest(context, userId, `/t/${office.code}/admin`), context, office.code);
    return withTenant(ctx, (trx) => fn(trx, ctx));
  }

  async function decide(userId: string, doc: WorkflowDocument, action: "submit" | "approve"): Promise<WorkflowDocument> {
    const r = await asStaff(userId, (trx, ctx) => act(trx, ctx, { documentId: doc.id, action, expectedVersion: doc.version }));
    if (!r.ok) throw new Error(`${action}: ${r.refusal.code}`);
    return r.document;
  }

  /**
   * A `disclosure.item` through the whole default chain: the drafter submits, 科室负责人 approves,
   * 保密审查 redacts every finding and records `review` (主动公开 unless given), 分管领导 approves.
   */
  async function publishThrough(title: string, payload: Record<string, unknown>, review: Record<string, unknown> = { attribute: "proactive" }): Promise<WorkflowDocument> {
    const created = await asStaff(users.drafter.id, (trx, ctx) => createDocument(trx, ctx, { documentType: "disclosure.item", title, payload }));
    if (!created.ok) throw new Error(created.refusal.code);
    let doc = await decide(users.drafter.id, created.document, "submit");
    doc = await decide(users.dept.id, doc, "approve");
    const state = await asStaff(users.classifier.id, (trx) => reviewState(trx, doc));
    for (const f of state.findings) await asStaff(users.classifier.id, (trx, ctx) => resolveFinding(trx, ctx, doc.id, { field: f.field, key: f.key, action: "redact" }));
    const recorded = await asStaff(users.classifier.id, (trx, ctx) => recordClassification(trx, ctx, doc.id, { ...review, noStateSecret: true }));
    if (!recorded.ok) throw new Error(JSON.stringify(recorded));
    doc = await decide(users.classifier.id, doc, "approve");
    return decide(users.leader.id, doc, "approve");
  }

  return { handle, registry, tree, context, office, users, systemContext, asStaff, publishThrough };
}
