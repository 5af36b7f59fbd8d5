import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { withScope } from "../../db/scope";
import { anchorAuditChains } from "../../app/core/audit/anchor.server";
import { verifyAuditChains } from "../../app/core/audit/verify.server";
import { appendEvents } from "../helpers/audit";
import { createTenantTree, openTestDatabase } from "../helpers/db";

let handle: DatabaseHandle;
let tenantId: string;

const breaksOf = async (h: DatabaseHandle, tenant: string) =>
  (await verifyAuditChains(h.db)).breaks.filter((b) => b.tenantId === tenant).map(({ tenantId, seq, reason }) => ({ tenantId, seq, reason }));

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
