import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { withScope } from "../../db/scope";
import { indexDocument, search } from "../../app/core/search/index.server";
import { createTenantTree, openTestDatabase } from "../helpers/db";

let handle: DatabaseHandle;
let office: string;

const as = (tenantId: string) => ({ tenantId, readTenantIds: [tenantId], userId: null });

beforeAll(async () => {
  handle = await openTestDatabase();
  office = (await createTenantTree(handle, 1)).offices[0]!.id;
});
afterAll(() => handle.close());

describe("search reference", () => {
  it("keeps a row's reference (索引号) and gives it back with the hit; replacing the row replaces it", async () => {
    const doc = { tenantId: office, source: "disclosure.item", sourceId: "a", title: "排污许可证发放情况", body: "", url: "/items/a", publishedAt: null };
    await withScope(handle.db, as(office), (trx) => indexDocument(trx, { ...doc, reference: "DH-2026-0001" }));
    const first = await withScope(handle.db, as(office), (trx) => search(trx, { q: "排污", limit: 5, offset: 0 }));
    expect(first.hits.map((h) => h.reference)).toEqual(["DH-2026-0001"]);
    await withScope(handle.db, as(office), (trx) => indexDocument(trx, doc));
    const second = await withScope(handle.db, as(office), (trx) => search(trx, { q: "排污", limit: 5, offset: 0 }));
    expect(second.hits.map((h) => h.reference)).toEqual([null]);
  });
});
