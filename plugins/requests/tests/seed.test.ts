import { beforeAll, describe, expect, it } from "vitest";
import { isValidIdNumber } from "../../../app/plugin-api";
import { clockId } from "../db/schema";
import { APPLICANT_TYPES } from "../law/applicants";
import { RECEIPT_CHANNELS } from "../law/receipt";
import { seedOf } from "../data/random";
import { openApplicant } from "../server/applications.server";
import { isValidCreditCode, maskName } from "../server/identity";
import { seedDemoRequests, seedRequests } from "../server/seed.server";
import { openRequests, type RequestsEnv } from "./setup";
import type { RequestsTransaction } from "../server/context";

const TODAY = "2026-11-23";
// Test offices are not named like the demo's: seed one as the Donghu branch office.
const BRANCH = { branch: true, area: "东湖区", prefix: "示环东", seed: seedOf("demo-donghu") };

let env: RequestsEnv;
const ctx = () => env.systemContext(env.office.id);
const read = <T>(fn: (trx: RequestsTransaction) => Promise<T>) => ctx().withTenant(fn);

async function counts() {
  return read(async (trx) => {
    const n = async (table: "requests_applications" | "requests_notices" | "requests_supplements" | "requests_consultations" | "requests_appeals" | "clock_events") => Number((await trx.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).where("tenant_id", "=", env.office.id).executeTakeFirstOrThrow()).n);
    return {
      applications: await n("requests_applications"),
      notices: await n("requests_notices"),
      supplements: await n("requests_supplements"),
      consultations: await n("requests_consultations"),
      appeals: await n("requests_appeals"),
      clockEvents: await n("clock_events"),
    };
  });
}

beforeAll(async () => {
  env = await openRequests();
  await seedDemoRequests(ctx(), TODAY, BRANCH);
}, 60_000);

describe("the demo year of a branch office", () => {
  it("is written once: seeding again adds nothing", async () => {
    const before = await counts();
    expect(before.applications).toBeGreaterThanOrEqual(30);
    expect(before.applications).toBeLessThanOrEqual(60);
    await seedDemoRequests(ctx(), TODAY, BRANCH);
    expect(await counts()).toEqual(before);
  });

  it("seeds only the demo offices", async () => {
    const other = env.systemContext(env.tree.offices[1]!.id);
    await seedRequests(other);
    const n = await other.withTenant((trx) => trx.selectFrom("requests_applications").select("id").execute());
    expect(n).toEqual([]);
  });

  it("comes in through every channel from every kind of applicant", async () => {
    const rows = await read<{ channel: string; applicant_type: string }[]>((trx) => trx.selectFrom("requests_applications").select(["channel", "applicant_type"]).execute());
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(RECEIPT_CHANNELS));
    expect(new Set(rows.map((r) => r.applicant_type))).toEqual(new Set(APPLICANT_TYPES));
  });

  it("has applications open in every state, on clocks the law allows", async () => {
    const { apps, statuses, consultations } = await read<{
      apps: { id: string; status: string; received_on: string | null; supplement_due: string | null; fee_fen: number | null; fee_due: string | null; closed_on: string | null }[];
      statuses: Map<string, NonNullable<Awaited<ReturnType<ReturnType<typeof ctx>["clocks"]["status"]>>>>;
      consultations: { application_id: string; answered_on: string | null }[];
    }>(async (trx) => {
      const apps = await trx.selectFrom("requests_applications").select(["id", "status", "received_on", "supplement_due", "fee_fen", "fee_due", "closed_on"]).execute();
      const statuses = await ctx().clocks.statusMany(trx, apps.map((a) => clockId(a.id)), TODAY);
      const consultations = await trx.selectFrom("requests_consultations").select(["application_id", "answered_on"]).execute();
      return { apps, statuses, consultations };
    });
    const clock = (id: string) => statuses.get(clockId(id));
    const inState = (s: string) => apps.filter((a) => a.status === s);

    expect(inState("unconfirmed").length).toBeGreaterThan(0);
    for (const a of inState("unconfirmed")) expect(clock(a.id)).toBeUndefined();
    for (const a of apps.filter((x) => x.status !== "unconfirmed")) expect(clock(a.id)?.periodStart).toBeDefined();

    const supplementing = inState("awaiting_supplement");
    expect(supplementing.length).toBeGreaterThan(0);
    for (const a of supplementing) {
      expect(clock(a.id)?.openPause?.reason).toBe("supplement");
      expect(a.supplement_due! > TODAY).toBe(true);
    }
    const consulting = inState("consulting");
    expect(consulting.length).toBeGreaterThan(0);
    for (const a of consulting) {
      expect(clock(a.id)?.openPause?.reason).toMatch(/third-party|other-agency/);
      expect(consultations.find((c) => c.application_id === a.id)?.answered_on).toBeNull();
    }
    const paying = inState("awaiting_fee");
    expect(paying.length).toBeGreaterThan(0);
    for (const a of paying) {
      expect(clock(a.id)?.openPause?.reason).toBe("fee-notice");
      expect(a.fee_fen).toBeGreaterThan(0);
      expect(a.fee_due! > TODAY).toBe(true);
    }
    const processing = inState("processing").map((a) => clock(a.id)!);
    expect(processing.some((s) => s.state === "running" && !s.extension)).toBe(true);
    expect(processing.some((s) => s.state === "running" && s.extension)).toBe(true);
    expect(processing.some((s) => s.state === "overdue")).toBe(true);

    for (const a of inState("closed")) expect(clock(a.id)?.stop?.date).toBe(a.closed_on);
    const stopReasons = new Set(inState("closed").map((a) => clock(a.id)!.stop!.reason));
    expect(stopReasons).toEqual(new Set(["replied", "withdrawn", "deemed-withdrawn", "fee-unpaid"]));
    for (const s of statuses.values()) expect(s.warnings.filter((w) => w.kind === "late-supplement-notice")).toEqual([]);
  });

  it("records the notices that were sent, and appeals of every kind and outcome", async () => {
    const { notices, appeals, closed } = await read<{
      notices: { application_id: string; kind: string; sent_on: string | null; document_id: string | null; body: string }[];
      appeals: { kind: string; outcome: string; filed_on: string; decided_on: string | null }[];
      closed: { id: string }[];
    }>(async (trx) => ({
      notices: await trx.selectFrom("requests_notices").select(["application_id", "kind", "sent_on", "document_id", "body"]).execute(),
      appeals: await trx.selectFrom("requests_appeals").select(["kind", "outcome", "filed_on", "decided_on"]).execute(),
      closed: await trx.selectFrom("requests_applications").select("id").where("status", "=", "closed").execute(),
    }));
    expect(new Set(notices.map((n) => n.kind))).toEqual(new Set(["supplement", "extension", "third_party", "other_agency", "fee", "reply"]));
    for (const n of notices) {
      expect(n.document_id).toBeNull();
      expect(n.sent_on! <= TODAY).toBe(true);
    }
    for (const c of closed) expect(notices.filter((n) => n.application_id === c.id && n.kind === "reply")).toHaveLength(1);
    expect(new Set(appeals.map((a) => a.kind))).toEqual(new Set(["review", "direct_suit", "suit_after_review"]));
    expect(new Set(appeals.map((a) => a.outcome))).toEqual(new Set(["upheld", "corrected", "other", "pending"]));
    for (const a of appeals) expect(a.decided_on === null || (a.decided_on >= a.filed_on && a.decided_on <= TODAY)).toBe(true);
  });

  it("keeps applicants' identities sealed: nothing personal in clear in the rows", async () => {
    const { apps, notices } = await read<{ apps: Record<string, unknown>[]; notices: string[] }>(async (trx) => ({
      apps: await trx.selectFrom("requests_applications").selectAll().execute(),
      notices: (await trx.selectFrom("requests_notices").select(["body", "title", "details", "released"]).execute()).map((n) => JSON.stringify(n)),
    }));
    const allNotices = notices.join("\n");
    for (const row of apps) {
      const applicant = openApplicant(ctx(), row.applicant_sealed as string);
      const { applicant_sealed: _sealed, ...clear } = row;
      const text = JSON.stringify(clear);
      const personal = [applicant.name, applicant.idNumber, applicant.phone, applicant.email, applicant.address].filter((v): v is string => !!v);
      for (const value of personal) {
        expect(text).not.toContain(value);
        expect(allNotices).not.toContain(value);
      }
      expect(row.applicant_masked).toBe(maskName(applicant.organisation ?? applicant.name));
      if (applicant.idType === "resident_id") expect(isValidIdNumber(applicant.idNumber!)).toBe(true);
      if (applicant.creditCode) expect(isValidCreditCode(applicant.creditCode)).toBe(true);
    }
  });
});
