import { appendFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { PLATFORM_CHAIN } from "../../db/roles";
import { AuditAnchorer } from "../../app/core/audit/anchor.server";
import { KeyedChainHasher, legacyChainHasher } from "../../app/core/audit/chain";
import { verifyAuditChains } from "../../app/core/audit/verify.server";
import { verifyJobOf } from "../../app/core/audit/verify-jobs.server";
import { action as auditPageAction, loader as auditPageLoader } from "../../app/routes/admin.audit";
import { appendEvents, ownAuditDatabase, rewriteChain, runVerifyCli } from "../helpers/audit";
import { createUser, signedInRequest, testContext } from "../helpers/context";
import { createTenantTree } from "../helpers/db";

/**
 * Issue 13, failure 5: as the database superuser, edit an event, delete another, re-hash the
 * office's chain and rewrite the platform chain's anchors; the verifier must still name the office.
 */
let db: Awaited<ReturnType<typeof ownAuditDatabase>>;
let handle: DatabaseHandle;
let city: { id: string; code: string };
let office: { id: string; code: string };
let anchorer: AuditAnchorer;
/** tsx and a fresh PGlite in a child process take seconds, more on a busy machine. */
const CLI_TIMEOUT = 180_000;

const verify = (h = handle, anchorFile: string | null = db.anchorFile) => verifyAuditChains(h.db, { anchorFile });

/** Everything the superuser can do without the key, to the office's chain and to the platform chain that anchors it. */
async function rewriteHistory(hasher: KeyedChainHasher | typeof legacyChainHasher) {
  await rewriteChain(handle, office.id, hasher, (events) =>
    events.filter((e) => e.seq !== 4).map((e) => (e.seq === 2 ? { ...e, actor_name: "someone else", data: { i: 99 } } : e)),
  );
  const heads = await handle.db.selectFrom("audit_events").select(["seq", "hash"]).where("tenant_id", "=", office.id).orderBy("seq", "desc").limit(1).executeTakeFirstOrThrow();
  await rewriteChain(handle, PLATFORM_CHAIN, hasher, (events) =>
    events.map((e) => {
      const anchored = (e.data as { heads?: Record<string, unknown> }).heads;
      return anchored?.[office.id] ? { ...e, data: { heads: { ...anchored, [office.id]: { seq: heads.seq, hash: heads.hash } } } } : e;
    }),
  );
}

beforeAll(async () => {
  db = await ownAuditDatabase();
  handle = await db.open();
  const tree = await createTenantTree(handle, 1);
  city = tree.city;
  office = tree.offices[0]!;
  await appendEvents(handle, city.id, 3);
  await appendEvents(handle, office.id, 6);
  anchorer = new AuditAnchorer(handle.db, db.anchorFile);
  expect((await anchorer.anchor()).map((h) => h.code).sort()).toEqual(["platform", city.code, office.code].sort());
});
afterAll(async () => {
  await handle.close();
  await db.drop();
});

describe("an audit trail the database superuser cannot rewrite", () => {
  it("verifies a clean database with 0 broken, counting chains, events and anchors", async () => {
    await appendEvents(handle, office.id, 2);
    expect((await anchorer.anchor()).map((h) => h.code).sort()).toEqual(["platform", office.code].sort());
    expect(await anchorer.anchor()).toEqual([]);
    const report = await verify();
    expect(report.breaks).toEqual([]);
    expect(report).toMatchObject({ chains: 3, anchorFile: { found: true, lines: 2, problems: [] } });
    expect(report.events).toBeGreaterThanOrEqual(3 + 8 + 2);
    expect(report.anchors).toBeGreaterThanOrEqual(5);
  });

  it("the CLI prints what it checked and exits 0 on the clean trail", async () => {
    await handle.close();
    const result = await runVerifyCli(db);
    handle = await db.open();
    anchorer = new AuditAnchorer(handle.db, db.anchorFile);
    expect(result.out).toMatch(/3 chains, \d+ events and \d+ anchors checked \(anchor file .*audit-anchors\.jsonl: 2 lines\); 0 broken\./);
    expect(result.code).toBe(0);
  }, CLI_TIMEOUT);

  it("reports newest events cut off after an anchor in the file, even with the platform chain's anchors gone", async () => {
    const snapshot = await handle.db.selectFrom("audit_events").selectAll().execute();
    // The office's two newest events and the platform chain's anchors since they were written.
    const cutFrom = (await handle.db.selectFrom("audit_events").select("seq").where("tenant_id", "=", office.id).orderBy("seq", "desc").executeTakeFirstOrThrow()).seq - 1;
    await handle.db.deleteFrom("audit_events").where("tenant_id", "=", office.id).where("seq", ">=", cutFrom).execute();
    await handle.db.deleteFrom("audit_events").where("tenant_id", "=", PLATFORM_CHAIN).where("action", "=", "audit.anchor").where("seq", ">", 1).execute();
    expect((await verify(handle, null)).breaks.filter((b) => b.tenantId === office.id)).toEqual([]);
    const breaks = (await verify()).breaks;
    expect(breaks.find((b) => b.tenantId === office.id)).toMatchObject({ code: office.code, seq: cutFrom, reason: "truncated" });
    expect(breaks.find((b) => b.tenantId === PLATFORM_CHAIN)).toMatchObject({ reason: "truncated" });
    await handle.db.deleteFrom("audit_events").execute();
    await handle.db.insertInto("audit_events").values(snapshot.map((r) => ({ ...r, data: JSON.stringify(r.data) }))).execute();
    expect((await verify()).breaks).toEqual([]);
  });

  it("names the office whose chain was edited, cut and re-hashed with plain SHA-256, its anchors rewritten", async () => {
    const snapshot = await handle.db.selectFrom("audit_events").selectAll().execute();
    await rewriteHistory(legacyChainHasher);
    const { breaks } = await verify();
    expect(breaks).toContainEqual({ tenantId: office.id, code: office.code, name: expect.objectContaining({ "zh-CN": "测试分局1" }), seq: 1, reason: "unkeyed" });
    expect(breaks).toContainEqual(expect.objectContaining({ tenantId: PLATFORM_CHAIN, seq: 1, reason: "unkeyed" }));
    expect(breaks.map((b) => b.tenantId)).not.toContain(city.id);
    await handle.db.deleteFrom("audit_events").execute();
    await handle.db.insertInto("audit_events").values(snapshot.map((r) => ({ ...r, data: JSON.stringify(r.data) }))).execute();
  });

  it("names the office whose chain was re-hashed with HMAC-SM3 under a wrong key, and the CLI exits 1 naming it", async () => {
    await rewriteHistory(new KeyedChainHasher(Buffer.alloc(32, 0x13)));
    const { breaks } = await verify();
    expect(breaks).toContainEqual(expect.objectContaining({ tenantId: office.id, code: office.code, seq: 1, reason: "altered" }));
    expect(breaks).toContainEqual(expect.objectContaining({ tenantId: PLATFORM_CHAIN, seq: 1, reason: "altered" }));

    await handle.close();
    await appendFile(db.anchorFile, '{"at":"2026-12-08T00:00:00.000Z","heads":[{"tenantId":"nonsense"}]}\n');
    const result = await runVerifyCli(db);
    handle = await db.open();
    expect(result.code).toBe(1);
    expect(result.out).toContain(`BROKEN: 测试分局1 (${office.code}, ${office.id}), event #1: altered`);
    expect(result.out).toContain("BROKEN: platform chain, event #1: altered");
    expect(result.out).toMatch(/BROKEN: anchor file .*audit-anchors\.jsonl, line 3: not an anchor/);
    expect(result.out).toMatch(/3 chains, \d+ events and \d+ anchors checked .*; 3 broken\./);
  }, CLI_TIMEOUT);

  it("the auditor's integrity check runs the same verification, anchor file included, and names the office", async () => {
    const auditor = await createUser(handle, {}, ["auditor"]);
    const context = await testContext(handle, { GONGKAI_DATA_DIR: db.dir });
    const signedIn = await signedInRequest(context, auditor.id, "/admin/audit?lng=en");
    const request = new Request(signedIn.url, { method: "POST", headers: signedIn.headers, body: new URLSearchParams({ intent: "verify" }) });
    // The verification runs in the background: the page is shown again at once, with its progress.
    const started = (await auditPageAction({ request, context, params: {} })) as Response;
    expect(started.status).toBe(302);
    await verifyJobOf(auditor.id)!.finished;
    const page = (await auditPageLoader({ request: await signedInRequest(context, auditor.id, "/admin/audit?lng=en"), context, params: {} })) as unknown as {
      data: { verification: { running: boolean; report: { breaks: { tenant: string | null; code: string | null; reason: string }[]; anchorProblems: number[] } } };
    };
    expect(page.data.verification.running).toBe(false);
    const result = page.data.verification.report;
    expect(result.breaks).toContainEqual(expect.objectContaining({ tenant: "Test Office 1", code: office.code, reason: "altered" }));
    expect(result.anchorProblems).toEqual([3]);
    const recorded = await handle.db.selectFrom("audit_events").selectAll().where("tenant_id", "=", PLATFORM_CHAIN).orderBy("seq", "desc").limit(1).executeTakeFirstOrThrow();
    expect(recorded).toMatchObject({ action: "audit.verify", outcome: "failure", actor_name: auditor.username });
  });
});
