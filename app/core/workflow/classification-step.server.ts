import type { Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import {
  KindResolutionInput,
  ResolutionInput,
  ReviewInput,
  reviewState,
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

/** Records the 公开属性, the ground when not 主动公开, and the "no state secret" declaration. */
export async function recordClassification(trx: Trx, ctx: StaffContext, documentId: string, input: unknown): Promise<StepResult> {
  const parsed = ReviewInput.safeParse(input);
  if (!parsed.success) return { ok: false, errors: formErrors(parsed.error.issues) };
  const target = await classificationTarget(trx, ctx, documentId);
  if ("refusal" in target) return { ok: false, refusal: target.refusal };
  await saveReview(trx, target.doc, ctx.user.id, parsed.data);
  await auditTenant(ctx, trx, {
    action: "classification.review",
    target: { type: "workflow_document", id: documentId },
    data: { round: target.doc.round, attribute: parsed.data.attribute, ground: parsed.data.ground, noStateSecret: true },
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
