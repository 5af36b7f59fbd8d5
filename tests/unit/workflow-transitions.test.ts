import { describe, expect, it } from "vitest";
import { chainProblems, DEFAULT_CHAIN, nextApplicableStep, type ChainStep } from "../../app/core/workflow/chain";
import { transition, type Actor, type TransitionRequest, type WorkflowState } from "../../app/core/workflow/transitions";

const drafter: Actor = { id: "u-drafter", roles: ["drafter"] };
const reviewer: Actor = { id: "u-dept", roles: ["dept_reviewer"] };
const reviewer2: Actor = { id: "u-dept-2", roles: ["dept_reviewer"] };
const classifier: Actor = { id: "u-classifier", roles: ["classifier"] };
const leader: Actor = { id: "u-leader", roles: ["leader"] };
const principal: Actor = { id: "u-principal", roles: ["principal"] };
const viewer: Actor = { id: "u-viewer", roles: ["viewer"] };

const draft = (extra: Partial<WorkflowState> = {}): WorkflowState => ({
  status: "draft",
  currentStep: null,
  assigneeId: null,
  version: 1,
  createdBy: drafter.id,
  important: false,
  requiresClassification: true,
  approvedBy: [],
  ...extra,
});

function run(doc: WorkflowState, req: Omit<TransitionRequest, "expectedVersion"> & { expectedVersion?: number }, steps: readonly ChainStep[] = DEFAULT_CHAIN) {
  return transition(doc, steps, { expectedVersion: doc.version, ...req });
}

function ok(doc: WorkflowState, req: Omit<TransitionRequest, "expectedVersion">, steps: readonly ChainStep[] = DEFAULT_CHAIN): WorkflowState {
  const r = run(doc, req, steps);
  if (!r.ok) throw new Error(`refused: ${r.refusal.code}`);
  return r.next;
}

function refusedWith(doc: WorkflowState, req: Omit<TransitionRequest, "expectedVersion"> & { expectedVersion?: number }, steps: readonly ChainStep[] = DEFAULT_CHAIN) {
  const r = run(doc, req, steps);
  return r.ok ? "accepted" : r.refusal.code;
}

const keyOf = (s: WorkflowState) => (s.currentStep === null ? null : DEFAULT_CHAIN[s.currentStep]!.key);

describe("workflow transition", () => {
  it("lets nobody approve their own document or decide two steps of one round", () => {
    const both: Actor = { id: "u-both", roles: ["drafter", "dept_reviewer", "leader", "classifier"] };
    let s = ok(draft({ createdBy: both.id }), { action: "submit", actor: both });
    expect(refusedWith(s, { action: "approve", actor: both })).toBe("ownDocument");
    expect(refusedWith(s, { action: "return", actor: both, comment: "x" })).toBe("ownDocument");

    const multi: Actor = { id: "u-multi", roles: ["dept_reviewer", "classifier"] };
    s = ok(draft(), { action: "submit", actor: drafter });
    s = ok(s, { action: "approve", actor: multi });
    expect(refusedWith(s, { action: "approve", actor: multi })).toBe("decidedEarlierStep");
    // After a return and a new submission, the round starts afresh.
    s = ok(s, { action: "return", actor: classifier, comment: "补充依据" });
    s = ok(s, { action: "submit", actor: drafter });
    s = ok(s, { action: "approve", actor: reviewer });
    expect(keyOf(ok(s, { action: "approve", actor: multi }))).toBe("leader");
  });

  it("publishes an approved document once, and never withdraws it through the workflow", () => {
    let s = ok(draft(), { action: "submit", actor: drafter });
    expect(refusedWith(s, { action: "publish", actor: leader })).toBe("wrongStatus");
    for (const a of [reviewer, classifier, leader]) s = ok(s, { action: "approve", actor: a });
    s = ok(s, { action: "publish", actor: leader });
    expect(s.status).toBe("published");
    expect(refusedWith(s, { action: "publish", actor: leader })).toBe("wrongStatus");
    expect(refusedWith(s, { action: "withdraw", actor: drafter })).toBe("alreadyApproved");
  });

  it("runs an ordinary document through 科室负责人 → 保密审查 → 分管领导 and skips 主要领导", () => {
    let s = ok(draft(), { action: "submit", actor: drafter });
    expect([s.status, keyOf(s), s.version]).toEqual(["in_review", "dept_review", 2]);
    s = ok(s, { action: "approve", actor: reviewer });
    expect(keyOf(s)).toBe("classification");
    s = ok(s, { action: "approve", actor: classifier });
    expect(keyOf(s)).toBe("leader");
    s = ok(s, { action: "approve", actor: leader });
    expect([s.status, s.currentStep, s.version]).toEqual(["approved", null, 5]);
  });

  it("sends an important document on to 主要领导", () => {
    let s = ok(draft({ important: true }), { action: "submit", actor: drafter });
    for (const a of [reviewer, classifier, leader]) s = ok(s, { action: "approve", actor: a });
    expect([s.status, keyOf(s)]).toEqual(["in_review", "principal"]);
    expect(refusedWith(s, { action: "approve", actor: leader })).toBe("missingRole");
    s = ok(s, { action: "approve", actor: principal });
    expect(s.status).toBe("approved");
  });

  it("skips 保密审查 only for a type that does not require it", () => {
    let s = ok(draft({ requiresClassification: false }), { action: "submit", actor: drafter });
    s = ok(s, { action: "approve", actor: reviewer });
    expect(keyOf(s)).toBe("leader");
  });

  it("refuses a stale version, whatever the action", () => {
    const s = ok(draft(), { action: "submit", actor: drafter });
    expect(refusedWith(s, { action: "approve", actor: reviewer, expectedVersion: 1 })).toBe("staleVersion");
    expect(refusedWith(s, { action: "withdraw", actor: drafter, expectedVersion: 3 })).toBe("staleVersion");
  });

  it("refuses decisions in the wrong status", () => {
    expect(refusedWith(draft(), { action: "approve", actor: reviewer })).toBe("wrongStatus");
    expect(refusedWith(draft(), { action: "return", actor: reviewer, comment: "x" })).toBe("wrongStatus");
    const s = ok(draft(), { action: "submit", actor: drafter });
    expect(refusedWith(s, { action: "submit", actor: drafter })).toBe("wrongStatus");
    const withdrawn = ok(s, { action: "withdraw", actor: drafter });
    expect(refusedWith(withdrawn, { action: "withdraw", actor: drafter })).toBe("wrongStatus");
    expect(refusedWith(withdrawn, { action: "submit", actor: drafter })).toBe("wrongStatus");
  });

  it("refuses an actor without the current step's role", () => {
    const s = ok(draft(), { action: "submit", actor: drafter });
    expect(refusedWith(s, { action: "approve", actor: classifier })).toBe("missingRole");
    expect(refusedWith(s, { action: "approve", actor: viewer })).toBe("missingRole");
    expect(refusedWith(s, { action: "return", actor: leader, comment: "no" })).toBe("missingRole");
    expect(refusedWith(draft(), { action: "submit", actor: viewer })).toBe("missingRole");
  });

  it("lets only the drafter submit their own document", () => {
    expect(refusedWith(draft(), { action: "submit", actor: { id: "other-drafter", roles: ["drafter"] } })).toBe("notSubmitter");
  });

  it("returns only with a comment, to the drafter, who may resubmit from the start", () => {
    let s = ok(draft(), { action: "submit", actor: drafter });
    s = ok(s, { action: "approve", actor: reviewer });
    expect(refusedWith(s, { action: "return", actor: classifier })).toBe("commentRequired");
    expect(refusedWith(s, { action: "return", actor: classifier, comment: "   " })).toBe("commentRequired");
    s = ok(s, { action: "return", actor: classifier, comment: "第3段含身份证号" });
    expect([s.status, s.currentStep]).toEqual(["returned", null]);
    s = ok(s, { action: "submit", actor: drafter });
    expect([s.status, keyOf(s)]).toEqual(["in_review", "dept_review"]);
  });

  it("lets only the submitter withdraw, and never after approval", () => {
    let s = ok(draft(), { action: "submit", actor: drafter });
    expect(refusedWith(s, { action: "withdraw", actor: reviewer })).toBe("notSubmitter");
    expect(ok(s, { action: "withdraw", actor: drafter }).status).toBe("withdrawn");
    expect(ok(draft(), { action: "withdraw", actor: drafter }).status).toBe("withdrawn");
    for (const a of [reviewer, classifier, leader]) s = ok(s, { action: "approve", actor: a });
    expect(s.status).toBe("approved");
    expect(refusedWith(s, { action: "withdraw", actor: drafter })).toBe("alreadyApproved");
    expect(refusedWith(s, { action: "approve", actor: leader })).toBe("alreadyApproved");
  });

  it("reassigns the current step to a named holder of its role, who alone may then decide it", () => {
    let s = ok(draft(), { action: "submit", actor: drafter });
    expect(refusedWith(s, { action: "reassign", actor: reviewer })).toBe("assigneeRequired");
    expect(refusedWith(s, { action: "reassign", actor: reviewer, assignee: leader })).toBe("assigneeLacksRole");
    s = ok(s, { action: "reassign", actor: reviewer, assignee: reviewer2 });
    expect([s.status, keyOf(s), s.assigneeId]).toEqual(["in_review", "dept_review", reviewer2.id]);
    expect(refusedWith(s, { action: "approve", actor: reviewer })).toBe("notAssignee");
    s = ok(s, { action: "approve", actor: reviewer2 });
    expect([keyOf(s), s.assigneeId]).toEqual(["classification", null]);
  });

  it("refuses to submit into a chain with no applicable step", () => {
    const onlyImportant: ChainStep[] = [{ key: "p", role: "principal", dueWorkdays: 1, onlyIfImportant: true }];
    expect(refusedWith(draft(), { action: "submit", actor: drafter }, onlyImportant)).toBe("emptyChain");
  });

  it("gives every refusal an i18n key", () => {
    const r = run(draft(), { action: "approve", actor: reviewer });
    expect(r.ok ? null : r.refusal.key).toBe("workflow.errors.wrongStatus");
  });
});

describe("workflow chains", () => {
  it("finds the next applicable step", () => {
    expect(nextApplicableStep(DEFAULT_CHAIN, 3, { important: false, requiresClassification: true })).toBeNull();
    expect(nextApplicableStep(DEFAULT_CHAIN, 3, { important: true, requiresClassification: true })).toBe(3);
  });

  it("accepts the default chain and refuses chains that would let classification review be skipped", () => {
    expect(chainProblems(DEFAULT_CHAIN, true)).toEqual([]);
    const without = DEFAULT_CHAIN.filter((s) => !s.classification);
    expect(chainProblems(without, true)).toEqual(["workflow.errors.chainMissingClassification"]);
    expect(chainProblems(without, false)).toEqual([]);
    expect(chainProblems([{ key: "c", role: "classifier", dueWorkdays: 2, classification: true, onlyIfImportant: true }], true)).toContain(
      "workflow.errors.chainClassificationSkippable",
    );
    expect(chainProblems([{ key: "c", role: "leader", dueWorkdays: 2, classification: true }], true)).toContain("workflow.errors.chainClassifierRole");
    expect(chainProblems([], false)).toEqual(["workflow.errors.chainEmpty"]);
    expect(chainProblems([{ key: "a", role: "leader", dueWorkdays: 1 }, { key: "a", role: "principal", dueWorkdays: 1 }], false)).toEqual([
      "workflow.errors.chainDuplicateKey",
    ]);
    expect(chainProblems([{ key: "a", role: "nobody", dueWorkdays: 1 }], false)).toEqual(["workflow.errors.chainInvalid"]);
  });
});
