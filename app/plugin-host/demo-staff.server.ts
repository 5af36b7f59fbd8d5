import type { AppLoadContext } from "@remix-run/node";
import { sql } from "kysely";
import { PLATFORM_SCOPE, withScope } from "../../db/scope";
import { reviewState } from "../core/classification/review.server";
import { carriesAttribute, recordClassification, resolveFinding } from "../core/workflow/classification-step.server";
import type { ChainStep } from "../core/workflow/chain";
import { act, documentById, type WorkflowDocument } from "../core/workflow/service.server";
import { staffIn, withTenant, type StaffContext } from "../core/tenancy/staff.server";
import type { Tenant } from "../core/tenancy/directory.server";
import type { PluginDemoStaff } from "../plugin-api/context";
import type { LoadedPlugin } from "./registry";
import { staffPluginContext } from "./request-context.server";
import { pluginWorkflow, toPluginDocument } from "./workflow.server";

/** The written opinions of a demo chain: 保密审查's conclusion, 拟同意 on the way, 同意 at the last step. */
const OPINIONS = { classification: "经保密审查，不涉及国家秘密。", proactive: "经保密审查，不涉及国家秘密，同意主动公开。", forward: "拟同意。", last: "同意。" } as const;

/** The seed's stand-in for an HTTP request: no client, no cookies, the default language. */
function seedRequestContext(services: AppLoadContext["services"]): AppLoadContext {
  return { services, requestId: "demo-seed", nonce: "", csrfToken: "", clientIp: null, secureCookies: false, logFields: {} };
}

/** The office's member holding `role` (the demo gives each role one account), as their staff context. */
async function memberStaff(context: AppLoadContext, tenant: Tenant, role: string): Promise<StaffContext> {
  const db = context.services.db;
  const member = await withScope(db, { tenantId: tenant.id, readTenantIds: [tenant.id], userId: null }, (trx) =>
    trx.selectFrom("memberships").select("user_id").where("tenant_id", "=", tenant.id).where(sql<boolean>`${role} = ANY(roles)`).orderBy("user_id").executeTakeFirst(),
  );
  if (!member) throw new Error(`demo: ${tenant.code} has no member holding the role "${role}"`);
  const user = await withScope(db, PLATFORM_SCOPE, (trx) =>
    trx.selectFrom("users").select(["id", "username", "display_name", "platform_role"]).where("id", "=", member.user_id).executeTakeFirstOrThrow(),
  );
  const auth = {
    user: { id: user.id, username: user.username, displayName: user.display_name, platformRole: user.platform_role },
    session: { token: "", idHash: "demo-seed", createdAt: new Date(), expiresAt: new Date() },
  };
  const staff = await staffIn(context, auth, tenant);
  if (!staff) throw new Error(`demo: ${user.username} may not enter the workspace of ${tenant.code}`);
  return staff;
}

/**
 * `ctx.demo` of a seed: the office's demo members act through the real workflow, so what a seed
 * publishes carries a chain of decisions, a 保密审查 record and a 索引号 like anything an office
 * publishes. `at` dates the documents and decisions in the demo's past; the audit trail still says
 * when the seed wrote them.
 */
export function demoStaff(services: AppLoadContext["services"], plugin: LoadedPlugin, tenant: Tenant): PluginDemoStaff {
  const context = seedRequestContext(services);
  return {
    async as(role, options = {}) {
      const staff = await memberStaff(context, tenant, role);
      const request = new Request(`http://localhost/t/${tenant.code}/admin`);
      const ctx = await staffPluginContext({ request, context }, plugin, tenant, staff);
      return { ...ctx, workflow: pluginWorkflow(staff, plugin.manifest.id, { now: options.at }) };
    },

    async approveChain(documentId, options = {}) {
      const now = options.at;
      const read = (staff: StaffContext) => withTenant(staff, (trx) => documentById(trx, tenant.id, documentId));
      let doc: WorkflowDocument | undefined = await read(await memberStaff(context, tenant, "drafter"));
      while (doc?.status === "in_review") {
        const current: WorkflowDocument = doc;
        const steps = current.steps as ChainStep[];
        const step = steps[current.current_step!]!;
        const staff = await memberStaff(context, tenant, step.role);
        const last = !steps.slice(current.current_step! + 1).some((s) => !s.onlyIfImportant || current.important);
        const attribute = carriesAttribute(staff, current.document_type);
        doc = await withTenant(staff, async (trx) => {
          if (step.classification) {
            const state = await reviewState(trx, current);
            for (const f of state.findings) await expectOk(step.key, resolveFinding(trx, staff, documentId, { field: f.field, key: f.key, action: "redact" }));
            await expectOk(step.key, recordClassification(trx, staff, documentId, { ...(attribute ? { attribute: "proactive" } : {}), noStateSecret: true }));
          }
          const comment = step.classification ? (attribute ? OPINIONS.proactive : OPINIONS.classification) : last ? OPINIONS.last : OPINIONS.forward;
          const r = await act(trx, staff, { documentId, action: "approve", expectedVersion: current.version, comment }, { now });
          if (!r.ok) throw new Error(`demo: ${tenant.code} ${step.key} refused ${documentId}: ${r.refusal.code}`);
          return r.document;
        });
      }
      if (!doc) throw new Error(`demo: no document ${documentId} in ${tenant.code}`);
      return toPluginDocument(doc, tenant.code);
    },
  };
}

async function expectOk(step: string, result: Promise<{ ok: boolean }>) {
  const r = await result;
  if (!r.ok) throw new Error(`demo: 保密审查 at ${step}: ${JSON.stringify(r)}`);
}
