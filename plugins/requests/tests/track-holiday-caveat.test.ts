import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDate } from "../../../app/plugin-api";
import { packageYears } from "../../../app/plugin-api/testing";
import { clockId } from "../db/schema";
import { action as applyAction } from "../routes/public/apply";
import { action } from "../routes/public/track";
import type { ApplyAnswer } from "../server/public/apply.server";
import type { TrackAnswer } from "../server/public/track.server";
import { applicationForm, openRequests, post, publicPath, type RequestsEnv } from "./setup";
import type { RequestsTransaction } from "../server/context";

// Received 2026-12-07: the reply is due 2027-01-05, in a year whose holiday notice the package
// (chinese-days 1.5.7) does not hold. Staff are told 调休 may still move it; the applicant is told the date.
const RECEIVED = "2026-12-07";

let env: RequestsEnv;
beforeAll(async () => {
  env = await openRequests();
});
afterAll(async () => {
  await env?.handle.close();
});

const ctx = () => env.systemContext(env.office.id);
const system = <T,>(fn: (trx: RequestsTransaction) => Promise<T>) => ctx().withTenant(fn);
const CAVEAT = /调休|調休|make-up working days/;

describe("the statutory-holiday caveat on the reply clock", () => {
  it.runIf(chinaDate() >= RECEIVED)("the applicant's tracking page gives the due date without it; staff read it", async () => {
    const applied = await post<ApplyAnswer>(env, applyAction, null, publicPath(env, "/new"), { intent: "submit", ...applicationForm() }, {}, "192.0.2.77");
    if (applied.data.outcome !== "submitted") throw new Error(JSON.stringify(applied.data));
    const { trackingNo, queryCode } = applied.data;
    const id = await system(async (trx) => {
      const row = await trx.selectFrom("requests_applications").select("id").where("tracking_no", "=", trackingNo).executeTakeFirstOrThrow();
      await trx.updateTable("requests_applications").set({ status: "processing", received_on: RECEIVED }).where("id", "=", row.id).execute();
      await ctx().clocks.append(trx, clockId(row.id), { kind: "start", date: RECEIVED, note: "internet" });
      return row.id;
    });
    const status = (await system((trx) => ctx().clocks.status(trx, clockId(id), RECEIVED)))!;
    // 1 January is a statutory holiday every year: not 2027-01-04.
    expect(status.dueDate).toBe("2027-01-05");
    if (!packageYears.includes(2027)) {
      expect(status.warnings).toContainEqual({ kind: "unknown-years", years: [2027] });
      expect(ctx().clocks.explain(status, "zh-CN")).toMatch(CAVEAT);
    }

    for (const lng of ["zh-CN", "zh-TW", "en"]) {
      const r = await post<TrackAnswer>(env, action, null, publicPath(env, `/track?lng=${lng}`), { intent: "lookup", trackingNo, queryCode }, {}, "192.0.2.78");
      if (r.data.outcome !== "found") throw new Error(JSON.stringify(r.data));
      expect(r.data.view.dueDate).toBe("2027-01-05");
      expect(r.data.view.clock).toContain("2027-01-05");
      expect(r.data.view.clock, lng).not.toMatch(CAVEAT);
    }
  });
});
