import type { Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import {
  DeclarationInput,
  KindResolutionInput,
  ResolutionInput,
  ReviewInput,
  reviewState,
  type ReviewInputValue,
  saveResolution,
  saveResolutions,
  saveReview,
  type ReviewState,
} from "../classification/review.server";
import { firstMessages, issueErrors, topFields, type Issue } from "../input/field-errors";
import { auditTenant, type StaffContext } from "../tenancy/staff.server";
import type { ChainStep } from "./chain";
import { refusal, type Refusal } from "./transitions";
import type { WorkflowDocument } from "./service.server";

type Trx = Transaction<CoreDatabase>;

export type StepResult = { ok: true; state: ReviewState } | { ok: false; refusal?: Refusal; errors?: Record<string, string> };

/**
 * Loads the document for a 保密审查 record or decision, refusing unless it waits at its
 * classification step and the user may decide that step (holds its role, is not the author, and
 * the step is not reassigned to someone else). Locks the row: the record and the approval that
 * depends on it cannot interleave.
 */
async function classificationTarget(trx: Trx, ctx: StaffContext, documentId: string): Promise<{ doc: WorkflowDocument } | { refusal: Refusal }> {
  if (ctx.access.mode !== "member") return refusal("missingRole");
  const doc = await trx
    .selectFrom("workflow_documents")
    .selectAll()
    .where("tenant_id", "=", ctx.access.writeTenantId)
    .where("id", "=", documentId)
    .forUpdate()
    .executeTakeFirst();
  if (!doc) return refusal("notFound");
  const step = doc.current_step !== null ? (doc.steps[doc.current_step] as ChainStep | undefined) : undefined;
  if (doc.status !== "in_review" || !step?.classification) return refusal("wrongStatus");
  if (!ctx.access.roles.includes(step.role)) return refusal("missingRole");
  if (doc.assignee_id !== null && doc.assignee_id !== ctx.user.id) return refusal("notAssignee");
  if (doc.created_by === ctx.user.id) return refusal("ownDocument");
  return { doc };
}

/** The review page shows one message per field: the first of each. */
const formErrors = (issues: readonly Issue[]): Record<string, string> => firstMessages(topFields(issueErrors(issues)));

/** Whether a document type's 保密审查 records a 公开属性 (a reply letter, never published, does not). */
export function carriesAttribute(ctx: StaffContext, documentType: string): boolean {
  return ctx.context.services.documentTypes.find(documentType)?.type.requiresAttribute !== false;
}

const given = (v: unknown) => v !== undefined && v !== null && String(v).trim() !== "";

/**
 * Records the 公开属性, the ground when not 主动公开, and the "no state secret" declaration — for a
 * type that carries no 公开属性, the declaration alone, and an attribute or ground sent is refused.
 */
export async function recordClassification(trx: Trx, ctx: StaffContext, documentId: string, input: unknown): Promise<StepResult> {
  const target = await classificationTarget(trx, ctx, documentId);
  if ("refusal" in target) return { ok: false, refusal: target.refusal };
  const fields = (input ?? {}) as { attribute?: unknown; ground?: unknown };
  let value: ReviewInputValue;
  if (carriesAttribute(ctx, target.doc.document_type)) {
    const parsed = ReviewInput.safeParse(input);
    if (!parsed.success) return { ok: false, errors: formErrors(parsed.error.issues) };
    value = parsed.data;
  } else {
    const parsed = DeclarationInput.safeParse(input);
    const errors = parsed.success ? {} : formErrors(parsed.error.issues);
    if (given(fields.attribute)) errors.attribute = "classification.errors.attributeNotAsked";
    if (given(fields.ground)) errors.ground = "classification.errors.attributeNotAsked";
    if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
    value = { attribute: null, ground: null, noStateSecret: true };
  }
  await saveReview(trx, target.doc, ctx.user.id, value);
  await auditTenant(ctx, trx, {
    action: "classification.review",
    target: { type: "workflow_document", id: documentId },
    data: { round: target.doc.round, attribute: value.attribute, ground: value.ground, noStateSecret: true },
  });
  return { ok: true, state: await reviewState(trx, target.doc) };
}

/** Records the decision on one scan finding: redact, or keep with a reason. */
export async function resolveFinding(trx: Trx, ctx: StaffContext, documentId: string, input: unknown): Promise<StepResult> {
  const parsed = ResolutionInput.safeParse(input);
  if (!parsed.success) return { ok: false, errors: formErrors(parsed.error.issues) };
  const target = await classificationTarget(trx, ctx, documentId);
  if ("refusal" in target) return { ok: false, refusal: target.refusal };
  const before = await reviewState(trx, target.doc);
  if (!(await saveResolution(trx, target.doc, before, ctx.user.id, parsed.data))) return { ok: false, refusal: refusal("notFound").refusal };
  const finding = before.findings.find((f) => f.field === parsed.data.field && f.key === parsed.data.key)!;
  // The audit trail names the kind and place of the finding, never the personal data itself.
  await auditTenant(ctx, trx, {
    action: "classification.resolve",
    target: { type: "workflow_document", id: documentId },
    data: { field: parsed.data.field, kind: finding.finding.kind, start: finding.finding.start, action: parsed.data.action, reason: parsed.data.reason },
  });
  return { ok: true, state: await reviewState(trx, target.doc) };
}

/**
 * Decides every finding of one kind that has no decision yet (or a "keep" without its reason) in
 * one step: a batch of thousands of rows can carry the same kind of finding on every row (an
 * office's contact number). Decisions already taken stay as they are.
 */
export async function resolveFindingsOfKind(
  trx: Trx,
  ctx: StaffContext,
  documentId: string,
  input: unknown,
): Promise<{ ok: true; count: number } | Extract<StepResult, { ok: false }>> {
  const parsed = KindResolutionInput.safeParse(input);
  if (!parsed.success) return { ok: false, errors: formErrors(parsed.error.issues) };
  const target = await classificationTarget(trx, ctx, documentId);
  if ("refusal" in target) return { ok: false, refusal: target.refusal };
  const before = await reviewState(trx, target.doc);
  const open = before.findings.filter((f) => f.finding.kind === parsed.data.kind && (!f.resolution || (f.resolution.action === "keep" && !f.resolution.reason.trim())));
  if (open.length === 0) return { ok: false, refusal: refusal("notFound").refusal };
  await saveResolutions(trx, target.doc, ctx.user.id, open, { action: parsed.data.action, reason: parsed.data.reason });
  await auditTenant(ctx, trx, {
    action: "classification.resolve",
    target: { type: "workflow_document", id: documentId },
    data: { kind: parsed.data.kind, count: open.length, action: parsed.data.action, reason: parsed.data.reason },
  });
  return { ok: true, count: open.length };
}
