import { actOn, approveChain, draftDocument, openTestbed, type ReviewRecord, type WorkflowDocument } from "../../../app/plugin-api/testing";
import type { DisclosureDatabase } from "../db/schema";

/** A test database with the disclosure plugin migrated and enabled for a city and two offices, and staff in the first office. */
export async function openDisclosure() {
  const env = await openTestbed<DisclosureDatabase>({ plugins: ["disclosure"] });
  const m = env.member;
  const users = { drafter: m("drafter"), dept: m("dept_reviewer"), classifier: m("classifier"), leader: m("leader"), viewer: m("viewer") };

  /**
   * A `disclosure.item` through the whole default chain: the drafter submits, 科室负责人 approves,
   * 保密审查 redacts every finding and records `review` (主动公开 unless given), 分管领导 approves.
   */
  async function publishThrough(title: string, payload: Record<string, unknown>, review: ReviewRecord = { attribute: "proactive" }): Promise<WorkflowDocument> {
    const created = await draftDocument(env, users.drafter.id, { documentType: "disclosure.item", title, payload });
    if (!created.ok) throw new Error(created.refusal.code);
    const submitted = await actOn(env, users.drafter.id, created.document.id, "submit");
    if (!submitted.ok) throw new Error(`submit: ${submitted.refusal.code}`);
    return approveChain(env, created.document.id, { review });
  }

  return { ...env, users, publishThrough };
}
