import type { Transaction } from "kysely";
import type { z } from "zod";
import type { CoreDatabase } from "../../../db/schema";
import type { ReviewState } from "../classification/review.server";
import type { BusinessRole } from "../permissions/roles";
import type { StaffContext } from "../tenancy/staff.server";
import type { WorkflowDocument } from "./document";

/** What the workflow needs to know of a document type a plugin declares. */
export interface DeclaredDocumentType {
  key: string;
  /** An i18n key. */
  label: string;
  requiresClassification: boolean;
  /**
   * Whether its 保密审查 records a 公开属性 (default true). A reply letter is sent to its applicant,
   * never published: its reviewer records only the 保密审查 declaration, and core refuses an attribute.
   */
  requiresAttribute?: boolean;
  /** The 公开属性 the drafter proposed in the payload, preselected for the reviewer (who decides). */
  proposedAttribute?: (payload: never) => string | null | undefined;
  /** The business role that drafts and submits it (the 经办人 unless given). */
  drafterRole?: BusinessRole;
  payload: z.ZodType;
  summary?: (payload: never) => string;
  /** How the document page shows payload values that are codes or rich text (see the plugin contract). */
  describe?: (ctx: never, payload: never) => Promise<Record<string, string | { html: string }>>;
  /**
   * Publish in the approving transaction when the last step approves (unless 保密审查 decided 不予公开),
   * taking the next 索引号 when `numbered` says so for the payload.
   */
  publishOnApproval?: { numbered: boolean | ((payload: unknown) => boolean) };
  /**
   * An i18n key (the plugin's namespace) saying what the last approval did, when the type's
   * `onApproved` sends or records something (a reply letter sent): the decider reads it instead of
   * "approved".
   */
  approvedMessage?: string;
}

/**
 * The document types of the enabled plugins and their hooks. The composition root provides it
 * from the plugin registry: core never imports plugin code.
 */
export interface DocumentTypes {
  find(key: string): { pluginId: string; type: DeclaredDocumentType } | undefined;
  /** Runs the declaring plugin's `onApproved` inside the decision's transaction: if it throws, the decision is undone. */
  approved(trx: Transaction<CoreDatabase>, ctx: StaffContext, doc: WorkflowDocument): Promise<void>;
  /** Runs `onPublished` with the review the decision was taken on (its one scan of the text). */
  published(trx: Transaction<CoreDatabase>, ctx: StaffContext, doc: WorkflowDocument, review: ReviewState): Promise<void>;
}
