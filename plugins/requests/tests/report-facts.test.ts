import { beforeAll, describe, expect, it } from "vitest";
import { reportContext } from "../../../app/plugin-api/testing";
import { ApplicationInput } from "../server/applicant";
import { createApplication } from "../server/applications.server";
import { reportFactsSection } from "../server/figures/report-facts.server";
import { applicationForm, openRequests, type RequestsEnv } from "./setup";

let env: RequestsEnv;
let officeId: string;
let otherId: string;

/** The facts of `year` for the two offices, read as the report reader reads them. */
async function facts(year: number) {
  const ids = [officeId, otherId];
  const ctx = reportContext(env, { pluginId: "requests", key: reportFactsSection.key }, env.users.supervisor.id, ids);
  return reportFactsSection.compute(ctx, ids, year);
}

describe("the facts the annual report quotes about applications", () => {
  beforeAll(async () => {
    env = await openRequests();
    officeId = env.tree.offices[1]!.id;
    otherId = env.tree.offices[0]!.id;
    const ctx = env.systemContext(officeId);
    await ctx.withTenant(async (trx) => {
      async function application(form: "paper" | "electronic", receivedOn: string, fee?: { fen: number; paidOn: string }) {
        const input = ApplicationInput.parse(applicationForm({}));
        const created = await createApplication(ctx, trx, { input, channel: "in_person", receipt: { submittedOn: receivedOn } });
        if (!created.ok) throw new Error(created.error);
        await trx.updateTable("requests_applications").set({ form, fee_fen: fee?.fen ?? null, fee_paid_on: fee?.paidOn ?? null }).where("id", "=", created.id).execute();
      }
      await application("paper", "2025-12-20", { fen: 10_000, paidOn: "2025-12-28" });
      await application("paper", "2026-02-03", { fen: 4_000, paidOn: "2026-02-20" });
      await application("electronic", "2026-05-06", { fen: 350, paidOn: "2026-05-30" });
      await application("electronic", "2026-09-09");
      await application("paper", "2026-10-09");
    });
  }, 60_000);

  it("counts the year's applications by form, and the fees paid in it in 分, for each office in one read", async () => {
    const byOffice = await facts(2026);
    const own = byOffice.get(officeId)!;
    expect(own["requests.facts.electronic"]).toBe(2);
    expect(own["requests.facts.paper"]).toBe(2);
    expect(own["requests.facts.feesCharged"]).toBe(2);
    expect(own["requests.facts.feesFen"]).toBe(4_350);
    expect(byOffice.get(otherId)).toEqual({ "requests.facts.electronic": 0, "requests.facts.paper": 0, "requests.facts.feesCharged": 0, "requests.facts.feesFen": 0 });
  });

  it("counts a fee in the year it was paid", async () => {
    expect((await facts(2025)).get(officeId)!["requests.facts.feesFen"]).toBe(10_000);
  });
});
