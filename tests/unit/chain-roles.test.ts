import { describe, expect, it } from "vitest";
import { chainProblems, DEFAULT_CHAIN, storedChainInForce, type ChainStep } from "../../app/core/workflow/chain";
import { transition, type WorkflowState } from "../../app/core/workflow/transitions";

/** Issue 13, failure 7: a chain could name the 查阅员 (viewer) as an approving step. */
describe("roles that cannot decide a step", () => {
  const withStep = (role: string) => [{ key: "dept_review", role: "dept_reviewer", dueWorkdays: 2 }, { key: "look", role, dueWorkdays: 1 }];

  it("refuses a viewer or a supervisor step in a chain", () => {
    expect(chainProblems(withStep("viewer"), false)).toEqual(["workflow.errors.chainRoleCannotDecide"]);
    expect(chainProblems(withStep("supervisor"), false)).toEqual(["workflow.errors.chainRoleCannotDecide"]);
    expect(chainProblems(withStep("leader"), false)).toEqual([]);
  });

  it("does not run a stored chain that breaks the rules", () => {
    expect(storedChainInForce(withStep("viewer"))).toBeNull();
    expect(storedChainInForce(undefined)).toBeNull();
    expect(storedChainInForce(DEFAULT_CHAIN)).toEqual(DEFAULT_CHAIN);
  });

  it("lets nobody decide a step of a document submitted under such a chain", () => {
    const steps = withStep("viewer") as ChainStep[];
    const doc: WorkflowState = {
      submitterRole: "drafter",
      status: "in_review",
      currentStep: 1,
      assigneeId: null,
      version: 3,
      createdBy: "drafter-id",
      important: false,
      requiresClassification: false,
      approvedBy: ["reviewer-id"],
    };
    const viewer = { id: "viewer-id", roles: ["viewer"] };
    expect(transition(doc, steps, { action: "approve", actor: viewer, expectedVersion: 3 })).toMatchObject({ ok: false, refusal: { code: "missingRole" } });
    // The drafter withdraws it and submits again under the chain in force.
    expect(transition(doc, steps, { action: "withdraw", actor: { id: "drafter-id", roles: ["drafter"] }, expectedVersion: 3 })).toMatchObject({ ok: true });
  });
});
