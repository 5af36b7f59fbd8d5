import type { Locale } from "../../core/i18n/config";
import type { ReviewState } from "../../core/classification/review.server";
import { carriesAttribute, recordClassification, resolveFinding, type StepResult } from "../../core/workflow/classification-step.server";
import { documentView, type DocumentView } from "../../core/workflow/document-view.server";
import { createDocument, decide, documentById, type WorkflowDocument, type WorkflowResult } from "../../core/workflow/service.server";
import { reviewState } from "../../core/classification/review.server";
import { withScope } from "../../../db/scope";
import { asStaffOf } from "./staff";
import type { Testbed } from "./testbed";

export type { DocumentView, ReviewState, StepResult, WorkflowDocument, WorkflowResult };

/** 保密审查's record as its form posts it (`attribute`, and `ground` when not disclosed proactively); core validates it. */
export type ReviewRecord = Record<string, unknown>;

/** A finding's decision: redact it, or keep it with the reason. */
export type FindingDecision = { action: "redact" } | { action: "keep"; reason: string };

type Env = Pick<Testbed, "handle" | "context" | "office" | "member">;

/**
 * The office's document as stored now (read outside any user's session). Like every helper here it
 * opens its own transaction: never call it inside another (PGlite has one connection, it would wait forever).
 */
export async function documentOf(env: Env, documentId: string): Promise<WorkflowDocument> {
  const doc = await withScope(env.handle.db, { tenantId: env.office.id, readTenantIds: [env.office.id], userId: null }, (trx) => documentById(trx, env.office.id, documentId));
  if (!doc) throw new Error(`no document ${documentId} in the office`);
  return doc;
}

/** A new draft of a document type, as its drafter creates it. */
export function draftDocument(env: Env, userId: string, input: { documentType: string; title: string; payload: unknown; important?: boolean }): Promise<WorkflowResult> {
  return asStaffOf(env, userId, (trx, ctx) => createDocument(trx, ctx, input));
}

/**
 * One decision on the document's current version by `userId`, in a transaction of its own as the
 * document page takes it: a plugin hook's `DecisionRefused` comes back as a refusal.
 */
export async function actOn(env: Env, userId: string, documentId: string, action: "submit" | "approve" | "return" | "withdraw", comment?: string): Promise<WorkflowResult> {
  const doc = await documentOf(env, documentId);
  const staff = await asStaffOf(env, userId, async (_trx, ctx) => ctx);
  return decide(staff, { documentId, action, expectedVersion: doc.version, comment });
}

/** The document page as `userId` reads it. */
export function documentPage(env: Env, userId: string, documentId: string, locale: Locale = "zh-CN"): Promise<DocumentView | null> {
  return asStaffOf(env, userId, (trx, ctx) => documentView(trx, ctx, documentId, locale));
}

/** What 保密审查 sees: the scan's findings and the decisions taken. */
export async function reviewOf(env: Env, documentId: string): Promise<ReviewState> {
  const doc = await documentOf(env, documentId);
  return asStaffOf(env, classifierOf(env), (trx) => reviewState(trx, doc));
}

/** The classifier's decision on one finding. */
export function decideFinding(env: Env, documentId: string, finding: { field: string; key: string }, decision: FindingDecision, userId = classifierOf(env)): Promise<StepResult> {
  return asStaffOf(env, userId, (trx, ctx) => resolveFinding(trx, ctx, documentId, { field: finding.field, key: finding.key, ...decision }));
}

/** The classifier's 保密审查 record (no state secret confirmed). */
export function recordReview(env: Env, documentId: string, review: ReviewRecord, userId = classifierOf(env)): Promise<StepResult> {
  return asStaffOf(env, userId, (trx, ctx) => recordClassification(trx, ctx, documentId, { ...review, noStateSecret: true }));
}

export interface ClassifyOptions {
  /** Every finding's decision (default: redact). */
  decision?: FindingDecision;
  /** The record (default: 主动公开, or the declaration alone for a type without a 公开属性, such as a reply letter). */
  review?: ReviewRecord;
}

/** 保密审查 of the document: every finding decided, then the record. Returns the state before, with the findings. */
export async function classify(env: Env, documentId: string, options: ClassifyOptions = {}): Promise<ReviewState> {
  const state = await reviewOf(env, documentId);
  for (const f of state.findings) {
    const r = await decideFinding(env, documentId, f, options.decision ?? { action: "redact" });
    if (!r.ok) throw new Error(`finding ${f.field} ${f.key}: ${JSON.stringify(r)}`);
  }
  const doc = await documentOf(env, documentId);
  const asked = await asStaffOf(env, classifierOf(env), async (_trx, ctx) => carriesAttribute(ctx, doc.document_type));
  const recorded = await recordReview(env, documentId, options.review ?? (asked ? { attribute: "proactive" } : {}));
  if (!recorded.ok) throw new Error(`保密审查 record: ${JSON.stringify(recorded)}`);
  return state;
}

/**
 * Drives a submitted document through the office's chain: each waiting step is approved by the
 * testbed's member of the step's role, 保密审查 first deciding every finding and recording
 * `options.review`. Throws naming the step that refused. Returns the document as it ends.
 */
export async function approveChain(env: Env, documentId: string, options: ClassifyOptions = {}): Promise<WorkflowDocument> {
  let doc = await documentOf(env, documentId);
  while (doc.status === "in_review") {
    const step = doc.steps[doc.current_step!]!;
    const member = env.member(step.role);
    if (step.classification) await classify(env, documentId, options);
    const r = await actOn(env, member.id, documentId, "approve");
    if (!r.ok) throw new Error(`approveChain: ${step.key}: ${r.refusal.code} (${r.refusal.key})`);
    doc = r.document;
  }
  return doc;
}

function classifierOf(env: Env): string {
  return env.member("classifier").id;
}
