import { createHash } from "node:crypto";
import type { Transaction } from "kysely";
import { z } from "zod";
import type { CoreDatabase } from "../../../db/schema";
import type { WorkflowDocument } from "../workflow/document";
import { FINDING_KINDS, findingKey, type Finding } from "./finding";
import { openFindings, renderDocument, resolutionIndex, scanFields, textFields, type FieldResolution, type ScannedField } from "./document-text";
import { DISCLOSURE_ATTRIBUTES, isGroundAllowed, type DisclosureAttribute } from "./grounds";
import { sensitiveWordsIn } from "./sensitive-words.server";

type Trx = Transaction<CoreDatabase>;

export interface ClassificationReview {
  round: number;
  /** Null for a type that carries no 公开属性 (a reply letter): only the declaration is recorded. */
  attribute: DisclosureAttribute | null;
  ground: string | null;
  reviewerId: string;
  reviewedAt: Date;
}

export interface ReviewedFinding {
  field: string;
  key: string;
  finding: Finding;
  resolution: FieldResolution | null;
}

/** Everything classification review knows about a document: the scan, the decisions, the record. */
export interface ReviewState {
  scanned: ScannedField[];
  findings: ReviewedFinding[];
  resolutions: FieldResolution[];
  /** The record of the document's current round; an earlier round's record does not count. */
  review: ClassificationReview | null;
  open: number;
}

/** Scans of large documents, by content: a batch's every decision and page view would otherwise scan it again. */
const recentScans = new Map<string, ScannedField[]>();
const CACHED_SCANS = 4;
const CACHE_FROM_FIELDS = 1000;

/** The scan of every text of the document; the same content (with the same words) is scanned once. Callers must not change it. */
function scanDocument(doc: Pick<WorkflowDocument, "tenant_id" | "id" | "title" | "payload">, words: readonly string[]): ScannedField[] {
  const fields = textFields(doc.title, doc.payload);
  if (fields.length < CACHE_FROM_FIELDS) return scanFields(fields, { sensitiveWords: words });
  const key = createHash("sha256").update(JSON.stringify([doc.tenant_id, doc.id, doc.title, doc.payload, words])).digest("hex");
  let scanned = recentScans.get(key);
  if (!scanned) {
    scanned = scanFields(fields, { sensitiveWords: words });
    if (recentScans.size >= CACHED_SCANS) recentScans.delete(recentScans.keys().next().value!);
  } else recentScans.delete(key);
  recentScans.set(key, scanned);
  return scanned;
}

/** Scans the document's every text (with the office's and its ancestors' sensitive words) and loads the decisions. */
export async function reviewState(trx: Trx, doc: WorkflowDocument): Promise<ReviewState> {
  const [words, rows, record] = await Promise.all([
    sensitiveWordsIn(trx),
    trx
      .selectFrom("classification_resolutions")
      .selectAll()
      .where("tenant_id", "=", doc.tenant_id)
      .where("document_id", "=", doc.id)
      .execute(),
    trx
      .selectFrom("classification_reviews")
      .selectAll()
      .where("tenant_id", "=", doc.tenant_id)
      .where("document_id", "=", doc.id)
      .executeTakeFirst(),
  ]);
  const scanned = scanDocument(doc, words);
  const resolutions: FieldResolution[] = rows.map((r) =>
    r.action === "redact" ? { field: r.field, key: r.finding_key, action: "redact" } : { field: r.field, key: r.finding_key, action: "keep", reason: r.reason ?? "" },
  );
  const decided = resolutionIndex(resolutions);
  const findings = scanned.flatMap((f) =>
    f.findings.map((finding) => {
      const key = findingKey(finding);
      return { field: f.path, key, finding, resolution: decided.get(`${f.path}\u0000${key}`) ?? null };
    }),
  );
  const review =
    record && record.round === doc.round
      ? { round: record.round, attribute: record.attribute, ground: record.ground, reviewerId: record.reviewer_id, reviewedAt: record.reviewed_at }
      : null;
  return { scanned, findings, resolutions, review, open: openFindings(scanned, resolutions).length };
}

/** Why the classification step cannot be approved yet, or null. */
export function reviewBlocker(state: ReviewState): "reviewIncomplete" | "findingsUnresolved" | null {
  if (state.open > 0) return "findingsUnresolved";
  if (!state.review) return "reviewIncomplete";
  return null;
}

/**
 * The text the public sees: redactions applied. Throws while a finding is unresolved. A type
 * without classification review has no decisions to apply, so its text is its own.
 */
export function renditionOf(doc: WorkflowDocument, state: ReviewState): { title: string; payload: unknown } {
  if (!doc.requires_classification) return { title: doc.title, payload: doc.payload };
  return renderDocument({ title: doc.title, payload: doc.payload }, state.scanned, state.resolutions);
}

/**
 * The text as it will be published if nothing changes, for the reviewers' page: findings decided
 * as decided, findings still open masked (what 保密审查 presumes). Null when the scan no longer fits
 * the text.
 */
export function expectedRenditionOf(doc: WorkflowDocument, state: ReviewState): { title: string; payload: unknown } | null {
  if (!doc.requires_classification) return { title: doc.title, payload: doc.payload };
  const decided = resolutionIndex(state.resolutions);
  const resolutions = state.findings.map((f): FieldResolution => {
    const r = decided.get(`${f.field}\u0000${f.key}`);
    return r && (r.action === "redact" || r.reason.trim()) ? r : { field: f.field, key: f.key, action: "redact" };
  });
  try {
    return renderDocument({ title: doc.title, payload: doc.payload }, state.scanned, resolutions);
  } catch {
    return null;
  }
}

export const ReviewInput = z
  .object({
    attribute: z.enum(DISCLOSURE_ATTRIBUTES, { message: "classification.errors.attribute" }),
    ground: z.string().trim().optional().transform((g) => g || null),
    noStateSecret: z.literal(true, { message: "classification.errors.declaration" }),
  })
  .superRefine((v, issue) => {
    if (v.attribute === "proactive") {
      if (v.ground) issue.addIssue({ code: "custom", path: ["ground"], message: "classification.errors.groundNotAllowed" });
    } else if (!v.ground) issue.addIssue({ code: "custom", path: ["ground"], message: "classification.errors.groundRequired" });
    else if (!isGroundAllowed(v.attribute, v.ground)) issue.addIssue({ code: "custom", path: ["ground"], message: "classification.errors.groundNotAllowed" });
  });

/** The record of a type without a 公开属性: the declaration alone (an attribute or ground sent is refused by the caller). */
export const DeclarationInput = z.object({
  noStateSecret: z.literal(true, { message: "classification.errors.declaration" }),
});

export type ReviewInputValue = z.output<typeof ReviewInput> | { attribute: null; ground: null; noStateSecret: true };

/** Records (or corrects) the review of the document's current round. */
export async function saveReview(trx: Trx, doc: WorkflowDocument, reviewerId: string, input: ReviewInputValue, now = new Date()): Promise<void> {
  const values = { round: doc.round, attribute: input.attribute, ground: input.ground, no_state_secret: true, reviewer_id: reviewerId, reviewed_at: now };
  await trx
    .insertInto("classification_reviews")
    .values({ tenant_id: doc.tenant_id, document_id: doc.id, ...values })
    .onConflict((oc) => oc.columns(["tenant_id", "document_id"]).doUpdateSet(values))
    .execute();
}

export const ResolutionInput = z
  .object({
    field: z.string().min(1),
    key: z.string().min(1),
    action: z.enum(["redact", "keep"], { message: "classification.errors.resolution" }),
    reason: z.string().trim().max(500).optional().transform((r) => r || null),
  })
  .refine((v) => v.action === "redact" || !!v.reason, { path: ["reason"], message: "classification.errors.keepReason" });

export type ResolutionInputValue = z.output<typeof ResolutionInput>;

/** One decision for every still undecided finding of a kind. */
export const KindResolutionInput = z
  .object({
    kind: z.enum(FINDING_KINDS, { message: "classification.errors.kind" }),
    action: z.enum(["redact", "keep"], { message: "classification.errors.resolution" }),
    reason: z.string().trim().max(500).optional().transform((r) => r || null),
  })
  .refine((v) => v.action === "redact" || !!v.reason, { path: ["reason"], message: "classification.errors.keepReason" });

/** Records one decision on many findings the current scan reports (a few hundred rows per statement). */
export async function saveResolutions(
  trx: Trx,
  doc: WorkflowDocument,
  deciderId: string,
  targets: readonly { field: string; key: string }[],
  decision: { action: "redact" | "keep"; reason: string | null },
  now = new Date(),
): Promise<void> {
  const values = { action: decision.action, reason: decision.reason, decided_by: deciderId, decided_at: now };
  for (let i = 0; i < targets.length; i += 500) {
    await trx
      .insertInto("classification_resolutions")
      .values(targets.slice(i, i + 500).map((t) => ({ tenant_id: doc.tenant_id, document_id: doc.id, field: t.field, finding_key: t.key, ...values })))
      .onConflict((oc) =>
        oc.columns(["tenant_id", "document_id", "field", "finding_key"]).doUpdateSet((eb) => ({
          action: eb.ref("excluded.action"),
          reason: eb.ref("excluded.reason"),
          decided_by: eb.ref("excluded.decided_by"),
          decided_at: eb.ref("excluded.decided_at"),
        })),
      )
      .execute();
  }
}

/** Records the decision on one finding the current scan reports; false when there is no such finding. */
export async function saveResolution(
  trx: Trx,
  doc: WorkflowDocument,
  state: ReviewState,
  deciderId: string,
  input: ResolutionInputValue,
  now = new Date(),
): Promise<boolean> {
  if (!state.findings.some((f) => f.field === input.field && f.key === input.key)) return false;
  const values = { action: input.action, reason: input.reason, decided_by: deciderId, decided_at: now };
  await trx
    .insertInto("classification_resolutions")
    .values({ tenant_id: doc.tenant_id, document_id: doc.id, field: input.field, finding_key: input.key, ...values })
    .onConflict((oc) => oc.columns(["tenant_id", "document_id", "field", "finding_key"]).doUpdateSet(values))
    .execute();
  return true;
}
