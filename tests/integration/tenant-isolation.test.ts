import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { withScope } from "../../db/scope";
import { requireStaff, withTenant } from "../../app/core/tenancy/staff.server";
import { createTenantTree, openTestDatabase } from "../helpers/db";
import { createUser, signedInRequest, testContext } from "../helpers/context";

let handle: DatabaseHandle;
let tree: Awaited<ReturnType<typeof createTenantTree>>;

beforeAll(async () => {
  handle = await openTestDatabase();
  tree = await createTenantTree(handle, 2);
});
afterAll(() => handle.close());

describe("row-level security is structural", () => {
  it("every table with a tenant_id column has RLS enabled and forced", async () => {
    const { rows } = await sql<{ table: string; enabled: boolean; forced: boolean }>`
      SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`.execute(handle.db);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    // The test database carries every plugin's migrations too, so their tables are held to the same rule.
    expect(rows.map((r) => r.table)).toEqual(expect.arrayContaining(["workflow_documents", "disclosure_items", "disclosure_attachments"]));
    expect(rows.filter((r) => !r.enabled || !r.forced).map((r) => r.table)).toEqual([]);
  });

  it("every primary and unique key of a tenant table starts with tenant_id", async () => {
    const { rows } = await sql<{ index: string; first: string }>`
      SELECT i.indexrelid::regclass::text AS index, a.attname AS first
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
      WHERE n.nspname = 'public' AND (i.indisprimary OR i.indisunique)
        AND EXISTS (SELECT 1 FROM pg_attribute t WHERE t.attrelid = c.oid AND t.attname = 'tenant_id' AND NOT t.attisdropped)`.execute(handle.db);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.first !== "tenant_id").map((r) => r.index)).toEqual([]);
  });

  it("requests run as a role that is neither superuser nor exempt from RLS", async () => {
    const role = await withScope(handle.db, { tenantId: null, readTenantIds: [], userId: null }, async (trx) =>
      (await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`.execute(trx)).rows[0],
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
  });
});

describe("withTenant", () => {
  it("an unfiltered query for one branch office returns none of another office's rows", async () => {
    const [one, two] = tree.offices;
    const colleague = await createUser(handle, { [one!.id]: ["drafter"] });
    await createUser(handle, { [two!.id]: ["drafter"] });
    const user = await createUser(handle, { [one!.id]: ["drafter", "viewer"] });
    const context = await testContext(handle);
    const ctx = await requireStaff(await signedInRequest(context, user.id, `/t/${one!.code}/admin`), context, one!.code);

    const rows = await withTenant(ctx, (trx) => trx.selectFrom("memberships").selectAll().execute());
    expect(new Set(rows.map((r) => r.tenant_id))).toEqual(new Set([one!.id]));
    expect(rows.map((r) => r.user_id)).toContain(colleague.id);

    const audit = await withTenant(ctx, (trx) => trx.selectFrom("audit_events").select("tenant_id").execute());
    expect(audit.every((r) => r.tenant_id === one!.id)).toBe(true);
  });

  it("a query with no tenant scope sees nothing at all (fails closed)", async () => {
    const rows = await withScope(handle.db, { tenantId: null, readTenantIds: [], userId: null }, (trx) =>
      trx.selectFrom("memberships").selectAll().execute(),
    );
    expect(rows).toEqual([]);
  });

  it("an office's account opening another office's workspace gets 404", async () => {
    const [one, two] = tree.offices;
    const user = await createUser(handle, { [one!.id]: ["drafter"] });
    const context = await testContext(handle);
    const request = await signedInRequest(context, user.id, `/t/${two!.code}/admin`);
    const thrown = await requireStaff(request, context, two!.code).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
  });

  it("the city supervisor reads a subordinate's rows but cannot write them", async () => {
    const [one] = tree.offices;
    const member = await createUser(handle, { [one!.id]: ["drafter"] });
    const supervisor = await createUser(handle, { [tree.city.id]: ["supervisor"] });
    const context = await testContext(handle);
    const ctx = await requireStaff(await signedInRequest(context, supervisor.id, `/t/${one!.code}/admin`), context, one!.code);

    expect(ctx.access.mode).toBe("supervisor");
    expect([...ctx.permissions].every((p) => p.endsWith(".view") || p.endsWith(".read"))).toBe(true);

    const seen = await withTenant(ctx, (trx) => trx.selectFrom("memberships").select("user_id").where("tenant_id", "=", one!.id).execute());
    expect(seen.map((r) => r.user_id)).toContain(member.id);

    const updated = await withTenant(ctx, (trx) =>
      trx.updateTable("memberships").set({ roles: ["principal"] }).where("tenant_id", "=", one!.id).executeTakeFirst(),
    );
    expect(updated.numUpdatedRows).toBe(0n);
    await expect(
      withTenant(ctx, (trx) =>
        trx.insertInto("role_permissions").values({ tenant_id: one!.id, role: "drafter", permission: "core.oversight.view", granted: true }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    const deleted = await withTenant(ctx, (trx) => trx.deleteFrom("memberships").where("tenant_id", "=", one!.id).executeTakeFirst());
    expect(deleted.numDeletedRows).toBe(0n);
  });

  it("a supervisor's workspace transaction reads only the office on screen, never its siblings", async () => {
    const [one, two] = tree.offices;
    const inTwo = await createUser(handle, { [two!.id]: ["drafter"] });
    const supervisor = await createUser(handle, { [tree.city.id]: ["supervisor"] });
    const context = await testContext(handle);
    for (const office of [one!, tree.city]) {
      const ctx = await requireStaff(await signedInRequest(context, supervisor.id, `/t/${office.code}/admin`), context, office.code);
      // (A user always sees their own memberships; everyone else's must come from the office on screen.)
      const rows = await withTenant(ctx, (trx) => trx.selectFrom("memberships").select(["tenant_id", "user_id"]).where("user_id", "!=", supervisor.id).execute());
      expect(new Set(rows.map((r) => r.tenant_id))).toEqual(new Set([office.id]));
      expect(rows.map((r) => r.user_id)).not.toContain(inTwo.id);
      expect(ctx.access.supervisedTenantIds).toContain(two!.id);
    }
  });

  it("a branch office's supervisor cannot reach the city above it", async () => {
    const [one] = tree.offices;
    const user = await createUser(handle, { [one!.id]: ["supervisor"] });
    const context = await testContext(handle);
    const thrown = await requireStaff(await signedInRequest(context, user.id, `/t/${tree.city.code}/admin`), context, tree.city.code).catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(404);
  });
});
