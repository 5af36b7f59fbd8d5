import { z } from "zod";
import { isCoreRole, isPlatformRole, type BusinessRole } from "../permissions/roles";

/**
 * One review step after the 经办人 (drafter) submits. `role` is the business role that decides it;
 * `dueWorkdays` gives the step's due date in working days from the moment it starts waiting.
 * `onlyIfImportant` steps (主要领导) apply only to documents flagged important; the
 * `classification` step (保密审查) applies to every document whose type requires classification
 * review — no tenant chain may leave it out for such a type.
 */
export interface ChainStep {
  key: string;
  role: BusinessRole;
  /** i18n key (`workflow.steps.…`) or the tenant's own wording. */
  label?: string;
  dueWorkdays: number;
  onlyIfImportant?: boolean;
  classification?: boolean;
}

/** The role that submits: the 经办人. */
export const SUBMITTER_ROLE: BusinessRole = "drafter";

/**
 * Roles that never decide a step: the 查阅员 only reads, and the 督查员 oversees the offices' work
 * (read-only by construction in a branch office), so neither approves what they supervise.
 */
export const NON_DECIDING_ROLES: readonly BusinessRole[] = ["viewer", "supervisor"];

export function canDecide(role: string): boolean {
  return !(NON_DECIDING_ROLES as readonly string[]).includes(role);
}

/** 经办人 submit → 科室负责人 → 保密审查 → 分管领导 → 主要领导 (important documents only). */
export const DEFAULT_CHAIN: readonly ChainStep[] = [
  { key: "dept_review", role: "dept_reviewer", label: "workflow.steps.dept_review", dueWorkdays: 2 },
  { key: "classification", role: "classifier", label: "workflow.steps.classification", dueWorkdays: 3, classification: true },
  { key: "leader", role: "leader", label: "workflow.steps.leader", dueWorkdays: 2 },
  { key: "principal", role: "principal", label: "workflow.steps.principal", dueWorkdays: 3, onlyIfImportant: true },
];

const StepSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]*$/, "workflow.errors.chainStepKey"),
    // A role key of core or of a plugin; the chains page offers only roles in the catalogue.
    role: z.custom<BusinessRole>((v) => typeof v === "string" && /^[a-z][a-z0-9_]*$/.test(v) && !isPlatformRole(v)),
    label: z.string().min(1).max(100).optional(),
    dueWorkdays: z.number().int().min(1).max(60),
    onlyIfImportant: z.boolean().optional(),
    classification: z.boolean().optional(),
  })
  .strict();

/** A tenant's chain for one document type, as stored in `workflow_chains.steps`. */
export const ChainSchema = z
  .array(StepSchema)
  .min(1, "workflow.errors.chainEmpty")
  .max(12)
  .superRefine((steps, issue) => {
    const keys = steps.map((s) => s.key);
    if (new Set(keys).size !== keys.length) issue.addIssue({ code: "custom", message: "workflow.errors.chainDuplicateKey" });
    steps.forEach((s, i) => {
      if (!canDecide(s.role)) issue.addIssue({ code: "custom", path: [i, "role"], message: "workflow.errors.chainRoleCannotDecide" });
    });
    if (steps.some((s) => s.classification && s.role !== "classifier"))
      issue.addIssue({ code: "custom", message: "workflow.errors.chainClassifierRole" });
    if (steps.some((s) => s.classification && s.onlyIfImportant))
      issue.addIssue({ code: "custom", message: "workflow.errors.chainClassificationSkippable" });
  });

/** Refuses a chain that a document type requiring classification review could pass without one. */
export function chainProblems(steps: unknown, requiresClassification: boolean, isRole: (role: string) => boolean = isCoreRole): string[] {
  const parsed = ChainSchema.safeParse(steps);
  if (!parsed.success) return [...new Set(parsed.error.issues.map((i) => (i.message.startsWith("workflow.") ? i.message : "workflow.errors.chainInvalid")))];
  // A role nobody can hold (no such role, or its plugin is gone) would leave the step undecidable.
  if (parsed.data.some((s) => !isRole(s.role))) return ["workflow.errors.chainInvalid"];
  if (requiresClassification && !parsed.data.some((s) => s.classification))
    return ["workflow.errors.chainMissingClassification"];
  return [];
}

/**
 * The chain an office runs from what it stored: a stored chain that breaks today's rules (one
 * saved before a step's role was refused, such as a 查阅员 step) is not run; the default
 * chain is, until the office saves a valid one. Null means "use the default".
 */
export function storedChainInForce(stored: unknown): ChainStep[] | null {
  if (stored === undefined || stored === null) return null;
  const parsed = ChainSchema.safeParse(stored);
  return parsed.success ? (parsed.data as ChainStep[]) : null;
}

export interface StepConditions {
  important: boolean;
  requiresClassification: boolean;
}

/** Whether a step applies to a document: important-only steps and the classification step are conditional. */
export function stepApplies(step: ChainStep, doc: StepConditions): boolean {
  if (step.onlyIfImportant && !doc.important) return false;
  if (step.classification && !doc.requiresClassification) return false;
  return true;
}

/** The index of the first applicable step at or after `from`, or null when the chain is done. */
export function nextApplicableStep(steps: readonly ChainStep[], from: number, doc: StepConditions): number | null {
  for (let i = from; i < steps.length; i++) if (stepApplies(steps[i]!, doc)) return i;
  return null;
}
