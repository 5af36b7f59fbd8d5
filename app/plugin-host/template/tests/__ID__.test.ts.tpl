import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../db/client";
import { withScope } from "../../../db/scope";
import { createTenantTree, openTestDatabase } from "../../../tests/helpers/db";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe("__ID__", () => {
  it("puts its table under forced row-level security", async () => {
    const { rows } = await sql<{ enabled: boolean; forced: boolean }>`
      SELECT relrowsecurity AS enabled, relforcerowsecurity AS forced FROM pg_class WHERE relname = '__TABLE___notes'`.execute(handle.db);
    expect(rows).toEqual([{ enabled: true, forced: true }]);
  });

  it("keeps each office's notes to itself", async () => {
    const { offices } = await createTenantTree(handle, 2);
    const [one, two] = offices;
    const scope = (id: string) => ({ tenantId: id, readTenantIds: [id], userId: null });
    await withScope(handle.db, scope(one!.id), (trx) =>
      trx.insertInto("__TABLE___notes" as never).values({ tenant_id: one!.id, body: "only for office one" } as never).execute(),
    );
    const seenByTwo = await withScope(handle.db, scope(two!.id), (trx) => trx.selectFrom("__TABLE___notes" as never).selectAll().execute());
    expect(seenByTwo).toEqual([]);
  });
});
