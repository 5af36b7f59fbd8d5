import { sql, type Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { chinaDate, chinaYear } from "../calendar/china-time";
import type { WorkCalendar } from "../calendar/work-calendar";
import { reviewBlocker, reviewState, type ReviewState } from "../classification/review.server";
import type { BusinessRole } from "../permissions/roles";
import type { DocumentTypes } from "./document-types";
import { INDEX_SEQUENCE, nextNumber } from "../numbering/sequences.server";
import { auditTenant, withTenant, type StaffContext } from "../tenancy/staff.server";
import { DecisionRefused } from "./decision-refused";
import type { WorkflowDocument } from "./document";
import { chainProblems, DEFAULT_CHAIN, storedChainInForce, SUBMITTER_ROLE, type ChainStep } from "./chain";
import { refusal, transition, type Refusal, type WorkflowAction, type WorkflowState } from "./transitions";

type Trx = Transaction<CoreDatabase>;
export type { WorkflowDocument };

/**
 * What an approval did, for the decider's message: sent to the next step (its label), published
 * (with its 索引号, if numbered), kept unpublished because 保密审查 decided 不予公开, or approved at
 * the last step — with the type's own words when its `onApproved` sent something (a reply letter).
 */
export type DecisionOutcome =
  | { kind: "forwarded"; step: string }
  | { kind: "published"; indexNumber: string | null }
  | { kind: "withheld" }
  | { kind: "approved"; message: string | null };

export type WorkflowResult = { ok: true; document: WorkflowDocument; outcome?: DecisionOutcome } | { ok: false; refusal: Refusal };

/** The audit target of a workflow document. */
const TARGET = "workflow_document";

/**
 * Every column but the payload. A batch's payload is megabytes (10,000 rows): a step that does not
 * change it keeps the copy it has instead of reading it back from each statement.
 */
export const WITHOUT_PAYLOAD = [
  "tenant_id",
  "id",
  "document_type",
  "title",
  "important",
  "requires_classification",
  "status",
  "steps",
  "current_step",
  "waiting_role",
  "assignee_id",
  "version",
  "created_by",
  "created_at",
  "updated_at",
  "due_date",
  "round",
  "published_at",
  "index_number",
] as const satisfies readonly Exclude<keyof WorkflowDocument, "payload">[];

/** The business role that drafts and submits a document type (the 经办人 unless the type names another). */
export function drafterRoleOf(types: DocumentTypes, key: string): BusinessRole {
  return types.find(key)?.type.drafterRole ?? SUBMITTER_ROLE;
}

/** The chain a tenant runs for a document type: its own override, or the default (also when the stored one breaks today's rules). */
export async function chainFor(trx: Trx, tenantId: string, documentType: string): Promise<ChainStep[]> {
  const row = await trx
    .selectFrom("workflow_chains")
    .select("steps")
    .where("tenant_id", "=", tenantId)
    .where("document_type", "=", documentType)
    .executeTakeFirst();
  return storedChainInForce(row?.steps) ?? [...DEFAULT_CHAIN];
}

/**
 * Sets this tenant's chain for a document type (null returns it to the default). The caller
 * checks the permission; the chain is validated here, and refused when the type requires
 * classification review and the chain has no 保密审查 step every document passes.
 */
export async function saveChain(
  trx: Trx,
  ctx: StaffContext,
  input: { documentType: string; steps: unknown; requiresClassification: boolean },
): Promise<{ ok: true } | { ok: false; errors: string[] }> {
  const tenantId = ctx.access.writeTenantId;
  if (input.steps === null) {
    await trx.deleteFrom("workflow_chains").where("tenant_id", "=", tenantId).where("document_type", "=", input.documentType).execute();
  } else {
    const roles = ctx.context.services.permissions.roles;
    const errors = chainProblems(input.steps, input.requiresClassification, (role) => roles.has(role));
    if (errors.length) return { ok: false, errors };
    const steps = JSON.stringify(input.steps);
    await trx
      .insertInto("workflow_chains")
      .values({ tenant_id: tenantId, document_type: input.documentType, steps, updated_by: ctx.user.id, updated_at: new Date() })
      .onConflict((oc) => oc.columns(["tenant_id", "document_type"]).doUpdateSet({ steps, updated_by: ctx.user.id, updated_at: new Date() }))
      .execute();
  }
  await auditTenant(ctx, trx, {
    action: "workflow.chain.update",
    target: { type: "workflow_chain", id: input.documentType },
    data: { steps: input.steps },
  });
  return { ok: true };
}

/**
 * Creates a draft of a declared document type, its payload validated by the type's schema. Only a
 * 经办人 (drafter) of this tenant creates documents; the draft is theirs to submit or withdraw.
 */
export async function createDocument(
  trx: Trx,
  ctx: StaffContext,
  input: { documentType: string; title: string; payload: unknown; important?: boolean },
  options: Pick<ActOptions, "now"> = {},
): Promise<WorkflowResult> {
  if (ctx.access.mode !== "member") return refusal("missingRole");
  const declared = ctx.context.services.documentTypes.find(input.documentType);
  if (!declared) return refusal("unknownType");
  if (!ctx.access.roles.includes(drafterRoleOf(ctx.context.services.documentTypes, input.documentType))) return refusal("missingRole");
  const payload = declared.type.payload.safeParse(input.payload);
  if (!payload.success) return refusal("invalidPayload");
  const title = input.title.trim();
  if (!title) return refusal("titleRequired");
  const json = JSON.stringify(payload.data ?? {});
  const row = await trx
    .insertInto("workflow_documents")
    .values({
      tenant_id: ctx.access.writeTenantId,
      document_type: input.documentType,
      title,
      payload: json,
      important: input.important ?? false,
      requires_classification: declared.type.requiresClassification,
      status: "draft",
      steps: "[]",
      current_step: null,
      waiting_role: null,
      assignee_id: null,
      version: 1,
      created_by: ctx.user.id,
      created_at: options.now ?? new Date(),
      updated_at: options.now ?? new Date(),
      due_date: null,
    })
    .returning(WITHOUT_PAYLOAD)
    .executeTakeFirstOrThrow();
  const document: WorkflowDocument = { ...row, payload: JSON.parse(json) as unknown };
  await auditTenant(ctx, trx, {
    action: "workflow.create",
    target: { type: TARGET, id: document.id },
    data: { documentType: input.documentType, important: document.important },
  });
  return { ok: true, document };
}

/**
 * Edits a draft or a returned document: only its creator, only on the version they saw. The scan
 * runs again on the new text, so decisions on findings that moved or changed no longer count.
 */
export async function updateDocument(
  trx: Trx,
  ctx: StaffContext,
  input: { documentId: string; expectedVersion: number; title?: string; payload?: unknown; important?: boolean },
): Promise<WorkflowResult> {
  if (ctx.access.mode !== "member") return refusal("missingRole");
  const doc = await trx
    .selectFrom("workflow_documents")
    .selectAll()
    .where("tenant_id", "=", ctx.access.writeTenantId)
    .where("id", "=", input.documentId)
    .forUpdate()
    .executeTakeFirst();
  if (!doc) return refusal("notFound");
  if (doc.version !== input.expectedVersion) return refusal("staleVersion");
  if (doc.status !== "draft" && doc.status !== "returned") return refusal("wrongStatus");
  if (doc.created_by !== ctx.user.id) return refusal("notSubmitter");
  const declared = ctx.context.services.documentTypes.find(doc.document_type);
  if (!declared) return refusal("unknownType");
  const payload = input.payload === undefined ? { success: true as const, data: doc.payload } : declared.type.payload.safeParse(input.payload);
  if (!payload.success) return refusal("invalidPayload");
  const title = (input.title ?? doc.title).trim();
  if (!title) return refusal("titleRequired");
  const json = JSON.stringify(payload.data ?? {});
  const row = await trx
    .updateTable("workflow_documents")
    .set({
      title,
      payload: json,
      important: input.important ?? doc.important,
      version: doc.version + 1,
      updated_at: new Date(),
    })
    .where("tenant_id", "=", doc.tenant_id)
    .where("id", "=", doc.id)
    .returning(WITHOUT_PAYLOAD)
    .executeTakeFirstOrThrow();
  const updated: WorkflowDocument = { ...row, payload: JSON.parse(json) as unknown };
  await auditTenant(ctx, trx, { action: "workflow.update", target: { type: TARGET, id: doc.id }, data: { version: updated.version } });
  return { ok: true, document: updated };
}

export interface ActInput {
  documentId: string;
  action: WorkflowAction;
  expectedVersion: number;
  comment?: string | null;
  /** For reassign: the user who takes over the current step. */
  assignee?: string | null;
  /** For publish: whether the document takes the next 索引号 (default true). */
  numbered?: boolean;
}

export interface ActOptions {
  /** The working-day calendar for due dates; the process-wide one when omitted. */
  calendar?: WorkCalendar;
  now?: Date;
}

function stateOf(doc: WorkflowDocument, approvedBy: string[], submitterRole: string): WorkflowState {
  return {
    submitterRole,
    status: doc.status,
    currentStep: doc.current_step,
    assigneeId: doc.assignee_id,
    version: doc.version,
    createdBy: doc.created_by,
    important: doc.important,
    requiresClassification: doc.requires_classification,
    approvedBy,
  };
}

/** Who approved a step of the document since it was last submitted. */
async function approversOfRound(trx: Trx, doc: WorkflowDocument): Promise<string[]> {
  const rows = await trx
    .selectFrom("workflow_decisions")
    .select(["action", "actor_id"])
    .where("tenant_id", "=", doc.tenant_id)
    .where("document_id", "=", doc.id)
    .orderBy("seq", "desc")
    .execute();
  const sinceSubmit = rows.slice(0, Math.max(0, rows.findIndex((r) => r.action === "submit")));
  return sinceSubmit.filter((r) => r.action === "approve").map((r) => r.actor_id);
}

/**
 * Takes one decision on a document inside the caller's transaction: locks the row, refuses a
 * decision taken on another version than the current one (someone decided first) or one the
 * transition rules refuse, else writes the decision, advances the document and records the audit
 * event `workflow.<action>` — all or nothing. A refusal changes no document or decision; it is
 * audited as a failure.
 */
export async function act(trx: Trx, ctx: StaffContext, input: ActInput, options: ActOptions = {}): Promise<WorkflowResult> {
  const tenantId = ctx.access.writeTenantId;
  const refuse = async (r: { ok: false; refusal: Refusal }, stepKey: string | null = null): Promise<WorkflowResult> => {
    await auditTenant(ctx, trx, {
      action: `workflow.${input.action}`,
      target: { type: TARGET, id: input.documentId },
      outcome: "failure",
      data: { reason: r.refusal.code, expectedVersion: input.expectedVersion, step: stepKey },
    });
    return r;
  };
  // A supervisor looking at a subordinate office decides nothing there.
  if (ctx.access.mode !== "member" || tenantId !== ctx.tenant.id) return refusal("missingRole");
  const doc = await trx
    .selectFrom("workflow_documents")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", input.documentId)
    .forUpdate()
    .executeTakeFirst();
  if (!doc) return refusal("notFound");

  let steps: ChainStep[] = doc.steps as ChainStep[];
  if (input.action === "submit" && doc.status !== "in_review") steps = await chainFor(trx, tenantId, doc.document_type);

  let assignee: { id: string; roles: string[] } | null = null;
  if (input.action === "reassign" && input.assignee) {
    const m = await trx
      .selectFrom("memberships")
      .select("roles")
      .where("tenant_id", "=", tenantId)
      .where("user_id", "=", input.assignee)
      .executeTakeFirst();
    assignee = { id: input.assignee, roles: m?.roles ?? [] };
  }

  const types = ctx.context.services.documentTypes;
  const declared = types.find(doc.document_type);
  const submitterRole = drafterRoleOf(types, doc.document_type);
  const result = transition(stateOf(doc, await approversOfRound(trx, doc), submitterRole), steps, {
    action: input.action,
    actor: { id: ctx.user.id, roles: ctx.access.roles },
    expectedVersion: input.expectedVersion,
    comment: input.comment,
    assignee,
  });
  const currentKey = doc.current_step !== null ? (doc.steps[doc.current_step]?.key ?? null) : null;
  if (!result.ok) return refuse(result, currentKey);
  // The decision's one scan of the text: 保密审查's check, the withheld check and the published rendition read it.
  let review: ReviewState | undefined;
  const reviewed = async () => (review ??= await reviewState(trx, doc));
  const withheld = async () => doc.requires_classification && (await reviewed()).review?.attribute === "withheld";
  // 保密审查 passes only with its record complete and every scan finding decided.
  if (input.action === "approve" && result.decidedStep?.classification) {
    const blocker = reviewBlocker(await reviewed());
    if (blocker) return refuse(refusal(blocker), currentKey);
  }
  // What 保密审查 decided not to disclose is published by no path, a plugin's own call included.
  if (input.action === "publish" && (await withheld())) return refuse(refusal("withheld"), currentKey);

  const now = options.now ?? new Date();
  let updated = await record(trx, ctx, { doc, steps, input, result, now, calendar: options.calendar });
  // The row is locked, so this only fails if row-level security hides it from writing.
  if (!updated) return refuse(refusal("staleVersion"), currentKey);

  let outcome: DecisionOutcome | undefined;
  if (input.action === "approve" && result.waitingStep) outcome = { kind: "forwarded", step: result.waitingStep.label ?? result.waitingStep.key };
  if (updated.status === "approved" && doc.status !== "approved") {
    await types.approved(trx, ctx, updated);
    const publish = declared?.type.publishOnApproval;
    if (publish && !(await withheld())) {
      const numbered = typeof publish.numbered === "function" ? publish.numbered(doc.payload) : publish.numbered;
      updated = await publishApproved(trx, ctx, { doc: updated, steps, numbered, submitterRole, now, calendar: options.calendar });
    }
    outcome =
      updated.status === "published"
        ? { kind: "published", indexNumber: updated.index_number }
        : publish
          ? { kind: "withheld" }
          : { kind: "approved", message: declared?.type.approvedMessage ?? null };
  }
  if (updated.status === "published" && doc.status !== "published") await types.published(trx, ctx, updated, await reviewed());
  return { ok: true, document: updated, ...(outcome ? { outcome } : {}) };
}

/** The publication that follows the last approval of a `publishOnApproval` type, in the same transaction and by the same person. */
async function publishApproved(
  trx: Trx,
  ctx: StaffContext,
  { doc, steps, numbered, submitterRole, now, calendar }: { doc: WorkflowDocument; steps: ChainStep[]; numbered: boolean; submitterRole: BusinessRole; now: Date; calendar?: WorkCalendar },
): Promise<WorkflowDocument> {
  const input = { documentId: doc.id, action: "publish" as const, expectedVersion: doc.version, numbered };
  const result = transition(stateOf(doc, [], submitterRole), steps, { action: "publish", actor: { id: ctx.user.id, roles: ctx.access.roles }, expectedVersion: doc.version });
  if (!result.ok) throw new Error(`document ${doc.id} approved but not publishable: ${result.refusal.code}`);
  const published = await record(trx, ctx, { doc, steps, input, result, now, calendar });
  if (!published) throw new Error(`document ${doc.id} changed while it was published`);
  return published;
}

/** Writes one decision: the document's new state, the decision row and the audit event. Null when the row could not be written. */
async function record(
  trx: Trx,
  ctx: StaffContext,
  { doc, steps, input, result, now, calendar }: { doc: WorkflowDocument; steps: ChainStep[]; input: ActInput; result: Extract<ReturnType<typeof transition>, { ok: true }>; now: Date; calendar?: WorkCalendar },
): Promise<WorkflowDocument | null> {
  const tenantId = doc.tenant_id;
  const { next, decidedStep, waitingStep } = result;
  let dueDate = doc.due_date;
  if (!waitingStep) dueDate = null;
  else if (input.action !== "reassign") {
    dueDate = (calendar ?? ctx.context.services.calendar.calendar).addWorkdays(chinaDate(now), waitingStep.dueWorkdays).value;
  }

  const publishing = input.action === "publish";
  const index = publishing && input.numbered !== false ? await indexNumberFor(trx, ctx, now) : null;
  const changed = await trx
    .updateTable("workflow_documents")
    .set({
      ...(input.action === "submit" ? { round: doc.round + 1 } : {}),
      ...(publishing ? { published_at: now, index_number: index } : {}),
      status: next.status,
      steps: JSON.stringify(steps),
      current_step: next.currentStep,
      waiting_role: waitingStep?.role ?? null,
      assignee_id: next.assigneeId,
      version: next.version,
      updated_at: now,
      due_date: dueDate,
    })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", doc.id)
    .where("version", "=", doc.version)
    .returning(WITHOUT_PAYLOAD)
    .executeTakeFirst();
  if (!changed) return null;

  const last = await trx
    .selectFrom("workflow_decisions")
    .select(sql<number>`coalesce(max(seq), 0)`.as("seq"))
    .where("tenant_id", "=", tenantId)
    .where("document_id", "=", doc.id)
    .executeTakeFirstOrThrow();
  const comment = input.comment?.trim() || null;
  await trx
    .insertInto("workflow_decisions")
    .values({
      tenant_id: tenantId,
      document_id: doc.id,
      seq: Number(last.seq) + 1,
      step_key: decidedStep?.key ?? null,
      action: input.action,
      actor_id: ctx.user.id,
      assignee_id: input.action === "reassign" ? next.assigneeId : null,
      from_status: doc.status,
      to_status: next.status,
      comment,
      at: now,
    })
    .execute();
  await auditTenant(ctx, trx, {
    action: `workflow.${input.action}`,
    target: { type: TARGET, id: doc.id },
    data: {
      documentType: doc.document_type,
      step: decidedStep?.key ?? null,
      next: waitingStep?.key ?? null,
      from: doc.status,
      to: next.status,
      version: next.version,
      ...(comment ? { comment } : {}),
      ...(input.action === "reassign" ? { assignee: next.assigneeId } : {}),
      ...(index ? { indexNumber: index } : {}),
    },
  });
  // A decision never changes the payload.
  return { ...changed, payload: doc.payload };
}

/**
 * `act` in a transaction of its own, as a page takes a decision: a plugin hook that refuses
 * (`DecisionRefused`) undoes the whole decision and comes back as a refusal with the plugin's reason.
 */
export async function decide(ctx: StaffContext, input: ActInput): Promise<WorkflowResult> {
  try {
    return await withTenant(ctx, (trx) => act(trx, ctx, input));
  } catch (e) {
    if (e instanceof DecisionRefused) return { ok: false, refusal: { code: "refusedByPlugin", key: e.key } };
    throw e;
  }
}

/** The next 索引号 of the office, taken in the publishing transaction (a rollback hands it back). */
async function indexNumberFor(trx: Trx, ctx: StaffContext, now: Date): Promise<string> {
  const t = ctx.tenant;
  const { number } = await nextNumber(trx, {
    tenantId: t.id,
    sequence: INDEX_SEQUENCE,
    year: chinaYear(now),
    pattern: t.settings.indexNumberPattern,
    creditCode: t.creditCode,
    tenantCode: t.code,
  });
  return number;
}

export function documentById(trx: Trx, tenantId: string, id: string): Promise<WorkflowDocument | undefined> {
  return trx.selectFrom("workflow_documents").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
}

export interface InboxItem {
  id: string;
  documentType: string;
  title: string;
  important: boolean;
  version: number;
  step: ChainStep;
  assignedToMe: boolean;
  dueDate: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * What waits for this user here: documents in review whose current step is assigned to them, or
 * unassigned and waiting for a role they hold. Most urgent (earliest due) first, then the longest
 * waiting.
 */
export async function inboxOf(trx: Trx, ctx: StaffContext): Promise<InboxItem[]> {
  if (ctx.access.mode !== "member") return [];
  const roles = ctx.access.roles as string[];
  const rows = await trx
    .selectFrom("workflow_documents")
    .select(WITHOUT_PAYLOAD)
    .where("tenant_id", "=", ctx.tenant.id)
    .where("status", "=", "in_review")
    .where((eb) =>
      eb.or([
        eb("assignee_id", "=", ctx.user.id),
        eb.and([eb("assignee_id", "is", null), eb("waiting_role", "in", roles.length ? roles : ["-"])]),
      ]),
    )
    .orderBy(sql`due_date ASC NULLS LAST`)
    .orderBy("updated_at", "asc")
    .orderBy("id")
    .limit(500)
    .execute();
  return rows.map((r) => ({
      id: r.id,
      documentType: r.document_type,
      title: r.title,
      important: r.important,
      version: r.version,
      step: r.steps[r.current_step!] as ChainStep,
      assignedToMe: r.assignee_id === ctx.user.id,
      dueDate: r.due_date,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
}

/** A document's decisions, oldest first. */
export function decisionsOf(trx: Trx, tenantId: string, documentId: string) {
  return trx
    .selectFrom("workflow_decisions")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("document_id", "=", documentId)
    .orderBy("seq")
    .execute();
}
