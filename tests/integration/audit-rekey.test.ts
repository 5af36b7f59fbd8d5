import { readFile } from "node:fs/promises";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { PLATFORM_CHAIN } from "../../db/roles";
import { PLATFORM_SCOPE, withScope } from "../../db/scope";
import { ANCHOR_ACTION } from "../../app/core/audit/anchor.server";
import { legacyChainHasher } from "../../app/core/audit/chain";
import { appendAuditEvent } from "../../app/core/audit/record.server";
import { REKEY_ACTION, REKEY_REFUSED_ACTION } from "../../app/core/audit/rekey.server";
import { startAuditTrail } from "../../app/core/audit/start.server";
import { verifyAuditChains } from "../../app/core/audit/verify.server";
import { appendEvents, ownAuditDatabase, rewriteChain } from "../helpers/audit";
import { TEST_AUDIT_KEY } from "../helpers/audit-key";
import { createTenantTree } from "../helpers/db";

/** Databases written by earlier versions hold unkeyed SHA-256 chains: the switch to keyed chains must leave no hole. */
let db: Awaited<ReturnType<typeof ownAuditDatabase>>;
let handle: DatabaseHandle;
let tree: Awaited<ReturnType<typeof createTenantTree>>;

const start = () => startAuditTrail(handle.db, { key: TEST_AUDIT_KEY, anchorFile: db.anchorFile });
const verify = () => verifyAuditChains(handle.db, { anchorFile: db.anchorFile });
const chainOf = (tenantId: string) => handle.db.selectFrom("audit_events").selectAll().where("tenant_id", "=", tenantId).orderBy("seq").execute();

/** The platform-chain anchor an earlier version wrote: every office's head, hashed with SHA-256. */
async function legacyAnchor() {
  const heads = await handle.db.selectFrom("audit_events").distinctOn("tenant_id").select(["tenant_id", "seq", "hash"]).where("tenant_id", "!=", PLATFORM_CHAIN).orderBy("tenant_id").orderBy("seq", "desc").execute();
  await withScope(handle.db, PLATFORM_SCOPE, (trx) =>
    appendAuditEvent(trx, { tenantId: PLATFORM_CHAIN, actor: { id: null, name: "system" }, action: ANCHOR_ACTION, data: { heads: Object.fromEntries(heads.map((h) => [h.tenant_id, { seq: h.seq, hash: h.hash }])) } }, legacyChainHasher),
  );
}

beforeAll(async () => {
  db = await ownAuditDatabase();
  handle = await db.open();
});
afterAll(async () => {
  await handle.close();
  await db.drop();
});

describe("re-keying the unkeyed chains of earlier versions", () => {
  it("does nothing on a database without unkeyed chains", async () => {
    expect((await start()).rekey).toBeNull();
  });

  it("re-keys every chain whose SHA-256 links hold, once, and leaves a broken or cut one unkeyed", async () => {
    // As an earlier version wrote them (tenant sync records on the platform chain with SHA-256 too).
    tree = await rewriteSyncEventsAsLegacy(await createTenantTree(handle, 3));
    const [office1, office2, office3] = tree.offices;
    for (const t of [tree.city, office1!, office2!, office3!]) await appendEvents(handle, t.id, 4, legacyChainHasher);
    await legacyAnchor();
    // Tampering before the switch: an edited event, and newest events cut off after the anchor.
    await handle.db.updateTable("audit_events").set({ actor_name: "someone else" }).where("tenant_id", "=", office2!.id).where("seq", "=", 2).execute();
    await handle.db.deleteFrom("audit_events").where("tenant_id", "=", office3!.id).where("seq", ">=", 3).execute();

    const before = await verify();
    expect(before.breaks.map((b) => b.reason)).toEqual(["unkeyed", "unkeyed", "unkeyed", "unkeyed", "unkeyed"]);

    const { rekey } = await start();
    expect(rekey?.alreadyKeyed).toBeNull();
    expect(rekey?.rekeyed.map((r) => r.code).sort()).toEqual(["platform", tree.city.code, office1!.code].sort());
    expect(rekey?.refused).toEqual(
      expect.arrayContaining([
        { tenantId: office2!.id, code: office2!.code, seq: 2, reason: "altered" },
        { tenantId: office3!.id, code: office3!.code, seq: 3, reason: "truncated" },
      ]),
    );
    const platform = await chainOf(PLATFORM_CHAIN);
    expect(platform.findLast((e) => e.action.startsWith("audit.rekey"))).toMatchObject({ action: REKEY_ACTION, outcome: "failure", data: expect.objectContaining({ algorithm: "hmac-sm3", previous: "sha256" }) });
    // The re-keyed chains were anchored in the file at once.
    expect((await readFile(db.anchorFile, "utf8")).trim().split("\n")).toHaveLength(1);

    const after = await verify();
    // The legacy in-database anchor (SHA-256 heads) predates the re-keying and is not compared.
    expect(after.breaks.map((b) => [b.code, b.seq, b.reason])).toEqual(
      expect.arrayContaining([
        [office2!.code, 1, "unkeyed"],
        [office3!.code, 1, "unkeyed"],
      ]),
    );
    expect(after.breaks).toHaveLength(2);
  });

  it("refuses to re-key a chain rewritten with SHA-256 after the switch, and the verifier names it", async () => {
    const office1 = tree.offices[0]!;
    await appendEvents(handle, office1.id, 2);
    await rewriteChain(handle, office1.id, legacyChainHasher, (events) => events.map((e) => (e.seq === 3 ? { ...e, data: { i: 42 } } : e)));
    const forged = await chainOf(office1.id);

    const { rekey } = await start();
    expect(rekey?.rekeyed).toEqual([]);
    expect(rekey?.alreadyKeyed).toMatch(/already keyed/);
    expect(rekey?.refused).toContainEqual({ tenantId: office1.id, code: office1.code, seq: 1, reason: "unkeyed" });
    expect(await chainOf(office1.id)).toEqual(forged);
    expect((await chainOf(PLATFORM_CHAIN)).at(-1)).toMatchObject({ action: REKEY_REFUSED_ACTION, outcome: "failure" });
    expect((await verify()).breaks).toContainEqual(expect.objectContaining({ tenantId: office1.id, seq: 1, reason: "unkeyed" }));
  });

  it("refuses even when every chain was rewritten with SHA-256, because the anchor file shows the switch", async () => {
    for (const id of [PLATFORM_CHAIN, tree.city.id, ...tree.offices.map((o) => o.id)]) await rewriteChain(handle, id, legacyChainHasher);
    const { rekey } = await start();
    expect(rekey?.rekeyed).toEqual([]);
    expect(rekey?.alreadyKeyed).toMatch(/anchor file holds \d+ anchors/);
    // Only the refusal itself is keyed: every chain stays reported.
    const { breaks } = await verify();
    expect(breaks.map((b) => b.tenantId).sort()).toEqual([PLATFORM_CHAIN, tree.city.id, ...tree.offices.map((o) => o.id)].sort());
  });
});

describe("re-keying in production on PostgreSQL", () => {
  it.skipIf(!inject("databaseUrl"))("works as a database owner that is neither superuser nor BYPASSRLS, under forced row-level security", async () => {
    const own = await ownAuditDatabase({ ownerRole: true });
    const superuser = await own.openAsSuperuser();
    const app = await own.open();
    try {
      const { city } = await createTenantTree(superuser, 0);
      await rewriteChain(superuser, PLATFORM_CHAIN, legacyChainHasher);
      await appendEvents(app, city.id, 3, legacyChainHasher);
      const { rekey } = await startAuditTrail(app.db, { key: TEST_AUDIT_KEY, anchorFile: own.anchorFile });
      expect(rekey).toMatchObject({ alreadyKeyed: null, refused: [] });
      expect(rekey?.rekeyed.map((r) => r.code).sort()).toEqual(["platform", city.code].sort());
      expect((await verifyAuditChains(app.db, { anchorFile: own.anchorFile })).breaks).toEqual([]);
      // The owner's lifting of forced row-level security ended with its transaction.
      const forced = await sql<{ relforcerowsecurity: boolean }>`SELECT relforcerowsecurity FROM pg_class WHERE relname = 'audit_events'`.execute(superuser.db);
      expect(forced.rows).toEqual([{ relforcerowsecurity: true }]);
    } finally {
      await app.close();
      await superuser.close();
      await own.drop();
    }
  });
});

/** Tenant sync recorded on the platform chain with the test key; an earlier version hashed it with SHA-256. */
async function rewriteSyncEventsAsLegacy<T>(t: T): Promise<T> {
  await rewriteChain(handle, PLATFORM_CHAIN, legacyChainHasher);
  return t;
}
