import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { withScope } from "../../db/scope";
import { anchorAuditChains } from "../../app/core/audit/anchor.server";
import { recordAudit } from "../../app/core/audit/record.server";
import { verifyAuditChains } from "../../app/core/audit/verify.server";
import { createTenantTree, openTestDatabase } from "../helpers/db";

let handle: DatabaseHandle;
let tenantId: string;

async function appendEvents(h: DatabaseHandle, tenant: string, n: number) {
  for (let i = 0; i < n; i++) {
    await withScope(h.db, { tenantId: tenant, readTenantIds: [tenant], userId: null }, (trx) =>
      recordAudit(trx, { tenantId: tenant, actor: { id: null, name: "tester" }, action: "test.event", data: { i, nested: { b: 2, a: [1, "二"] } } }),
    );
  }
}

const breaksOf = async (h: DatabaseHandle, tenant: string) => (await verifyAuditChains(h.db)).breaks.filter((b) => b.tenantId === tenant);

beforeAll(async () => {
  handle = await openTestDatabase();
  tenantId = (await createTenantTree(handle, 0)).city.id;
  await appendEvents(handle, tenantId, 5);
});
afterAll(() => handle.close());

describe("audit trail", () => {
  it("chains each tenant's events gaplessly and verifies clean", async () => {
    const rows = await withScope(handle.db, { tenantId: null, readTenantIds: [tenantId], userId: null }, (trx) =>
      trx.selectFrom("audit_events").select(["seq", "prev_hash", "hash"]).where("tenant_id", "=", tenantId).orderBy("seq").execute(),
    );
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i]!.hash));
    expect(await breaksOf(handle, tenantId)).toEqual([]);
  });

  it("the serving role can neither change nor delete an event", async () => {
    const scope = { tenantId, readTenantIds: [tenantId], userId: null };
    await expect(withScope(handle.db, scope, (trx) => trx.updateTable("audit_events").set({ action: "x" }).where("tenant_id", "=", tenantId).execute())).rejects.toThrow(/permission denied/);
    await expect(withScope(handle.db, scope, (trx) => trx.deleteFrom("audit_events").where("tenant_id", "=", tenantId).execute())).rejects.toThrow(/permission denied/);
  });

  it("names the first altered event when the owner edits a row, and a missing one when a row is removed", async () => {
    await handle.db.updateTable("audit_events").set({ actor_name: "someone else" }).where("tenant_id", "=", tenantId).where("seq", "=", 3).execute();
    expect(await breaksOf(handle, tenantId)).toEqual([{ tenantId, seq: 3, reason: "altered" }]);

    await handle.db.deleteFrom("audit_events").where("tenant_id", "=", tenantId).where("seq", "=", 3).execute();
    expect(await breaksOf(handle, tenantId)).toEqual([{ tenantId, seq: 3, reason: "missing" }]);
  });

  it("shows the newest events cut off once the chain's head was anchored in the platform chain", async () => {
    const tenant = (await createTenantTree(handle, 0)).city.id;
    await appendEvents(handle, tenant, 4);
    const heads = await anchorAuditChains(handle.db);
    expect(heads?.[tenant]?.seq).toBe(4);
    // Nothing moved: no second anchor.
    expect(await anchorAuditChains(handle.db)).toBeNull();
    expect(await breaksOf(handle, tenant)).toEqual([]);

    // Removing the newest event leaves a chain that verifies link by link, but ends before its anchor.
    await handle.db.deleteFrom("audit_events").where("tenant_id", "=", tenant).where("seq", "=", 4).execute();
    expect(await breaksOf(handle, tenant)).toEqual([{ tenantId: tenant, seq: 4, reason: "truncated" }]);
  });
});

describe("npm run audit:verify", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "gongkai-audit-"));
    const url = inject("databaseUrl");
    env = { ...process.env, GONGKAI_DATA_DIR: dir, ...(url ? { DATABASE_URL: url } : {}) };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const run = () =>
    promisify(execFile)("npx", ["tsx", "app/core/audit/verify-cli.ts"], { env }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );

  it("exits 0 on an intact trail and 1 naming the broken event after a row is edited", async () => {
    const url = inject("databaseUrl");
    let own: DatabaseHandle = handle;
    let tenant = tenantId;
    if (!url) {
      // PGlite: the CLI is another process, so it needs a data directory of its own.
      own = await openDatabase({ dataDir: dir });
      await migrateToLatest(own.db);
      tenant = (await createTenantTree(own, 0)).city.id;
      await appendEvents(own, tenant, 3);
      await own.close();
      expect(await run()).toMatchObject({ code: 0 });
      own = await openDatabase({ dataDir: dir });
    } else {
      tenant = (await createTenantTree(own, 0)).city.id;
      await appendEvents(own, tenant, 3);
    }
    await own.db.updateTable("audit_events").set({ data: JSON.stringify({ i: 99 }) as never }).where("tenant_id", "=", tenant).where("seq", "=", 2).execute();
    if (!url) await own.close();
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.out).toContain(`chain ${tenant}, event #2: altered`);
  });
});
