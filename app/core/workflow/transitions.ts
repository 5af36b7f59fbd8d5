import type { WorkflowAction, WorkflowStatus } from "../../../db/schema";
import { canDecide, nextApplicableStep, SUBMITTER_ROLE, type ChainStep } from "./chain";

export type { WorkflowAction, WorkflowStatus };

export const WORKFLOW_ACTIONS: readonly WorkflowAction[] = ["submit", "approve", "return", "withdraw", "reassign", "publish"];

/** What the transition function needs to know about a document. */
export interface WorkflowState {
  status: WorkflowStatus;
  /** Index into `steps` of the step waiting for a decision; null unless in review. */
  currentStep: number | null;
  assigneeId: string | null;
  version: number;
  createdBy: string;
  important: boolean;
  requiresClassification: boolean;
  /** Who approved a step since the document was last submitted. */
  approvedBy: readonly string[];
  /** The role that submits this document's type; the 经办人 unless the type names another. */
  submitterRole?: string;
}

export interface Actor {
  id: string;
  roles: readonly string[];
}

export interface TransitionRequest {
  action: WorkflowAction;
  actor: Actor;
  /** The version the actor saw; a decision on any other version is stale. */
  expectedVersion: number;
  comment?: string | null;
  /** For reassign: the user the step moves to, with their roles in the tenant. */
  assignee?: Actor | null;
}

export type RefusalCode =
  | "staleVersion"
  | "wrongStatus"
  | "missingRole"
  | "notAssignee"
  | "commentRequired"
  | "notSubmitter"
  | "alreadyApproved"
  | "ownDocument"
  | "decidedEarlierStep"
  | "reviewIncomplete"
  | "findingsUnresolved"
  | "withheld"
  | "assigneeRequired"
  | "assigneeLacksRole"
  | "emptyChain"
  | "notFound"
  | "unknownType"
  | "invalidPayload"
  | "titleRequired"
  | "refusedByPlugin";

export interface Refusal {
  code: RefusalCode;
  /** i18n key: `workflow.errors.<code>` in the core namespace, or a plugin's own ("requests:…") for `refusedByPlugin`. */
  key: string;
}

export type TransitionResult =
  | {
      ok: true;
      next: WorkflowState;
      /** The step the decision was taken on (null for submitting or withdrawing outside review). */
      decidedStep: ChainStep | null;
      /** The step now waiting, when the document is (still) in review. */
      waitingStep: ChainStep | null;
    }
  | { ok: false; refusal: Refusal };

export function refusal(code: RefusalCode): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { code, key: `workflow.errors.${code}` } };
}

/**
 * The workflow as a pure function: given a document, the chain it runs on, and a decision, the
 * document's next state or why the decision is refused. It never looks at a database or a clock.
 */
export function transition(doc: WorkflowState, steps: readonly ChainStep[], req: TransitionRequest): TransitionResult {
  if (req.expectedVersion !== doc.version) return refusal("staleVersion");
  const base = { ...doc, version: doc.version + 1 };
  const current = doc.status === "in_review" && doc.currentStep !== null ? (steps[doc.currentStep] ?? null) : null;

  switch (req.action) {
    case "submit": {
      if (doc.status !== "draft" && doc.status !== "returned") return refusal("wrongStatus");
      if (!req.actor.roles.includes(doc.submitterRole ?? SUBMITTER_ROLE)) return refusal("missingRole");
      if (req.actor.id !== doc.createdBy) return refusal("notSubmitter");
      const first = nextApplicableStep(steps, 0, doc);
      if (first === null) return refusal("emptyChain");
      return { ok: true, next: { ...base, status: "in_review", currentStep: first, assigneeId: null, approvedBy: [] }, decidedStep: null, waitingStep: steps[first]! };
    }
    case "approve":
    case "return":
    case "reassign": {
      if (!current) return refusal(doc.status === "approved" ? "alreadyApproved" : "wrongStatus");
      // A step saved before its role was refused (查阅员, 督查员) is decided by nobody: the drafter withdraws and resubmits.
      if (!canDecide(current.role) || !req.actor.roles.includes(current.role)) return refusal("missingRole");
      if (doc.assigneeId !== null && doc.assigneeId !== req.actor.id) return refusal("notAssignee");
      // Four eyes: nobody reviews their own document, and each step is decided by someone else.
      if (req.action !== "reassign" && req.actor.id === doc.createdBy) return refusal("ownDocument");
      if (req.action === "approve" && doc.approvedBy.includes(req.actor.id)) return refusal("decidedEarlierStep");
      if (req.action === "return") {
        if (!req.comment?.trim()) return refusal("commentRequired");
        return { ok: true, next: { ...base, status: "returned", currentStep: null, assigneeId: null }, decidedStep: current, waitingStep: null };
      }
      if (req.action === "reassign") {
        if (!req.assignee) return refusal("assigneeRequired");
        if (!req.assignee.roles.includes(current.role)) return refusal("assigneeLacksRole");
        return { ok: true, next: { ...base, assigneeId: req.assignee.id }, decidedStep: current, waitingStep: current };
      }
      const approvedBy = [...doc.approvedBy, req.actor.id];
      const following = nextApplicableStep(steps, doc.currentStep! + 1, doc);
      if (following === null)
        return { ok: true, next: { ...base, status: "approved", currentStep: null, assigneeId: null, approvedBy }, decidedStep: current, waitingStep: null };
      return { ok: true, next: { ...base, currentStep: following, assigneeId: null, approvedBy }, decidedStep: current, waitingStep: steps[following]! };
    }
    case "publish": {
      if (doc.status !== "approved") return refusal("wrongStatus");
      return { ok: true, next: { ...base, status: "published" }, decidedStep: null, waitingStep: null };
    }
    case "withdraw": {
      if (doc.status === "approved" || doc.status === "published") return refusal("alreadyApproved");
      if (doc.status === "withdrawn") return refusal("wrongStatus");
      if (req.actor.id !== doc.createdBy) return refusal("notSubmitter");
      return { ok: true, next: { ...base, status: "withdrawn", currentStep: null, assigneeId: null }, decidedStep: current, waitingStep: null };
    }
  }
}
