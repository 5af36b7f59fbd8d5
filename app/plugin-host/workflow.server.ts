import type { Transaction } from "kysely";
import type { CoreDatabase } from "../../db/schema";
import { renditionOf, reviewState, type ReviewState } from "../core/classification/review.server";
import type { StaffContext } from "../core/tenancy/staff.server";
import { isUuid } from "../core/input/uuid";
import { auditTenant } from "../core/tenancy/staff.server";
import type { DocumentTypes } from "../core/workflow/document-types";
import { act, createDocument, documentById, updateDocument, type ActOptions, type WorkflowDocument, type WorkflowResult } from "../core/workflow/service.server";
import type { PluginDocument, PluginDocumentHookContext, PluginPublishedDocument, PluginTransaction, PluginWorkflow, PluginWorkflowResult } from "../plugin-api/context";
import { checkDeclared, coreServices, pluginSettings, pluginTenant } from "./context-parts.server";
import type { LoadedPlugin, PluginRegistry } from "./registry";

const core = (trx: PluginTransaction) => trx as Transaction<CoreDatabase>;

/** The staff page where a document is read and decided. */
export function documentUrl(tenantCode: string, id: string): string {
  return `/t/${tenantCode}/admin/documents/${id}`;
}

export function toPluginDocument(doc: WorkflowDocument, tenantCode: string): PluginDocument {
  return {
    id: doc.id,
    type: doc.document_type,
    title: doc.title,
    payload: doc.payload,
    status: doc.status,
    important: doc.important,
    version: doc.version,
    indexNumber: doc.index_number,
    publishedAt: doc.published_at,
    createdBy: doc.created_by,
    createdAt: doc.created_at,
    updatedAt: doc.updated_at,
    url: documentUrl(tenantCode, doc.id),
  };
}

/**
 * `ctx.workflow` of a staff request: the plugin's own document types only (`<pluginId>.<name>`),
 * every call inside the caller's transaction and under the staff member's roles. `options.now`
 * dates what it creates and decides (a demo seed's past); absent, the present.
 */
export function pluginWorkflow(staff: StaffContext, pluginId: string, options: Pick<ActOptions, "now"> = {}): PluginWorkflow {
  const owns = (type: string) => type.startsWith(`${pluginId}.`);
  const result = (r: WorkflowResult): PluginWorkflowResult =>
    r.ok ? { ok: true, document: toPluginDocument(r.document, staff.tenant.code) } : { ok: false, error: r.refusal.key.includes(":") ? r.refusal.key : `core:${r.refusal.key}`, code: r.refusal.code };
  const own = async (trx: PluginTransaction, id: string) => {
    if (!isUuid(id)) return undefined;
    const doc = await documentById(core(trx), staff.tenant.id, id);
    return doc && owns(doc.document_type) ? doc : undefined;
  };
  // Deciding or editing needs the type only, not a payload that may be megabytes.
  const ownsId = async (trx: PluginTransaction, id: string) => {
    if (!isUuid(id)) return false;
    const doc = await core(trx).selectFrom("workflow_documents").select("document_type").where("tenant_id", "=", staff.tenant.id).where("id", "=", id).executeTakeFirst();
    return !!doc && owns(doc.document_type);
  };
  const notFound: PluginWorkflowResult = { ok: false, error: "core:workflow.errors.notFound", code: "notFound" };
  return {
    async create(trx, input) {
      if (!owns(input.type)) throw new Error(`Plugin ${pluginId} may only create its own document types "${pluginId}.<name>", not "${input.type}"`);
      return result(await createDocument(core(trx), staff, { documentType: input.type, title: input.title, payload: input.payload, important: input.important }, options));
    },
    async update(trx, input) {
      if (!(await ownsId(trx, input.id))) return notFound;
      return result(await updateDocument(core(trx), staff, { documentId: input.id, ...input }));
    },
    async act(trx, input) {
      if (!(await ownsId(trx, input.id))) return notFound;
      return result(await act(core(trx), staff, { documentId: input.id, ...input }, options));
    },
    async get(trx, id) {
      const doc = await own(trx, id);
      return doc ? toPluginDocument(doc, staff.tenant.code) : null;
    },
    async list(trx, filter = {}) {
      let q = core(trx)
        .selectFrom("workflow_documents")
        .selectAll()
        .where("tenant_id", "=", staff.tenant.id)
        .where("document_type", "like", `${pluginId}.%`);
      if (filter.type) q = q.where("document_type", "=", filter.type);
      if (filter.statuses?.length) q = q.where("status", "in", filter.statuses);
      if (filter.createdBy) q = q.where("created_by", "=", filter.createdBy);
      const rows = await q.orderBy("updated_at", "desc").limit(500).execute();
      return rows.map((r) => toPluginDocument(r, staff.tenant.code));
    },
    async review(trx, id) {
      const doc = await own(trx, id);
      if (!doc) return null;
      const state = await reviewState(core(trx), doc);
      return { record: state.review, openFindings: state.open, findings: pluginFindings(state) };
    },
    async rendition(trx, id) {
      const doc = await own(trx, id);
      if (!doc) throw new Error(`No document ${id} of plugin ${pluginId} here`);
      return renditionOf(doc, await reviewState(core(trx), doc));
    },
  };
}

/** The registry's document types as the workflow sees them, with their hooks. */
export function pluginDocumentTypes(registry: PluginRegistry): DocumentTypes {
  const byKey = new Map(registry.plugins.flatMap((p) => p.manifest.documentTypes.map((type) => [type.key, { pluginId: p.manifest.id, type }] as const)));
  const hookContext = (trx: Transaction<CoreDatabase>, staff: StaffContext, plugin: LoadedPlugin): PluginDocumentHookContext => ({
    ...coreServices(staff.context.services, plugin, staff.tenant, { userId: staff.user.id, audit: (t, e) => auditTenant(staff, core(t), e) }),
    pluginId: plugin.manifest.id,
    tenant: pluginTenant(staff.tenant),
    settings: pluginSettings(plugin, staff.tenant),
    user: { id: staff.user.id, username: staff.user.username, displayName: staff.user.displayName },
    trx,
    workflow: pluginWorkflow(staff, plugin.manifest.id),
    audit: (t, e) => {
      checkDeclared(plugin, e);
      return auditTenant(staff, core(t), e);
    },
  });
  return {
    find: (key) => byKey.get(key),
    async approved(trx, staff, doc) {
      const declared = byKey.get(doc.document_type);
      if (!declared?.type.onApproved) return;
      await declared.type.onApproved(hookContext(trx, staff, registry.get(declared.pluginId)!), toPluginDocument(doc, staff.tenant.code));
    },
    async published(trx, staff, doc, review) {
      const declared = byKey.get(doc.document_type);
      if (!declared?.type.onPublished) return;
      const published: PluginPublishedDocument = {
        ...toPluginDocument(doc, staff.tenant.code),
        rendition: renditionOf(doc, review),
        review: review.review,
        findings: pluginFindings(review),
      };
      await declared.type.onPublished(hookContext(trx, staff, registry.get(declared.pluginId)!), published);
    },
  };
}

/** What the scan found and how each finding was decided, without the matched text. */
function pluginFindings(state: ReviewState): PluginPublishedDocument["findings"] {
  return state.findings.map((f) => ({ field: f.field, kind: f.finding.kind, resolution: f.resolution?.action ?? null }));
}
