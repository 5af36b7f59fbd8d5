import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { withScope, type Scope } from "../../db/scope";
import { INDEX_SEQUENCE, nextNumber, nextNumbers } from "../../app/core/numbering/sequences.server";
import { createTenantTree, openTestDatabase } from "../helpers/db";

const PATTERN = "{credit_code}/{year}-{seq:5}";

let handle: DatabaseHandle;
let tree: Awaited<ReturnType<typeof createTenantTree>>;
const credit = new Map<string, string>();

const scopeOf = (tenantId: string): Scope => ({ tenantId, readTenantIds: [tenantId], userId: null });

function take(tenantId: string, year: number, sequence = INDEX_SEQUENCE) {
  return withScope(handle.db, scopeOf(tenantId), (trx) =>
    nextNumber(trx, { tenantId, sequence, year, pattern: PATTERN, creditCode: credit.get(tenantId)! }),
  );
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

beforeAll(async () => {
  handle = await openTestDatabase();
  tree = await createTenantTree(handle, 2);
  const rows = await handle.db.selectFrom("tenants").select(["id", "credit_code"]).execute();
  for (const r of rows) credit.set(r.id, r.credit_code);
});
afterAll(() => handle.close());

describe("nextNumber", () => {
  it("gives 50 publications started at once 50 distinct consecutive numbers", async () => {
    const office = tree.offices[0]!;
    let inFlight = 0;
    let mostInFlight = 0;
    const taken = await Promise.all(
      Array.from({ length: 50 }, () =>
        withScope(handle.db, scopeOf(office.id), async (trx) => {
          // Stretch each transaction so that, on PostgreSQL, many hold connections at once.
          await sql`SELECT pg_sleep(0.005)`.execute(trx);
          mostInFlight = Math.max(mostInFlight, ++inFlight);
          const n = await nextNumber(trx, { tenantId: office.id, sequence: INDEX_SEQUENCE, year: 2026, pattern: PATTERN, creditCode: credit.get(office.id)! });
          inFlight--;
          await sql`SELECT pg_sleep(0.002)`.execute(trx);
          return n;
        }),
      ),
    );
    // PGlite has one connection, so only PostgreSQL shows publishers queuing on the counter row.
    if (handle.engine === "postgres") expect(mostInFlight).toBeGreaterThan(1);
    const seqs = taken.map((t) => t.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const numbers = new Set(taken.map((t) => t.number));
    expect(numbers.size).toBe(50);
    const code = credit.get(office.id)!;
    expect(numbers).toContain(`${code}/2026-00001`);
    expect(numbers).toContain(`${code}/2026-00050`);
  });

  it("a transaction that rolls back after taking a number gives it back to the next one waiting", async () => {
    const office = tree.offices[1]!;
    expect((await take(office.id, 2030)).seq).toBe(1);
    const holding = deferred();
    const failed = withScope(handle.db, scopeOf(office.id), async (trx) => {
      const n = await nextNumber(trx, { tenantId: office.id, sequence: INDEX_SEQUENCE, year: 2030, pattern: PATTERN, creditCode: credit.get(office.id)! });
      expect(n.seq).toBe(2);
      holding.resolve();
      await new Promise((r) => setTimeout(r, 50));
      throw new Error("publication failed");
    });
    await holding.promise;
    // Started while the failing one still holds number 2: on PostgreSQL it waits on the row lock.
    const next = take(office.id, 2030);
    await expect(failed).rejects.toThrow("publication failed");
    expect((await next).seq).toBe(2);
    expect((await take(office.id, 2030)).seq).toBe(3);
  });

  it("takes a block of consecutive numbers in one step, continuing the sequence, and hands it back on rollback", async () => {
    const office = tree.offices[1]!;
    const input = { tenantId: office.id, sequence: INDEX_SEQUENCE, year: 2033, pattern: PATTERN, creditCode: credit.get(office.id)! };
    expect((await take(office.id, 2033)).seq).toBe(1);
    const block = await withScope(handle.db, scopeOf(office.id), (trx) => nextNumbers(trx, input, 4));
    expect(block.map((n) => n.seq)).toEqual([2, 3, 4, 5]);
    expect(block[3]!.number).toBe(`${credit.get(office.id)}/2033-00005`);
    await expect(
      withScope(handle.db, scopeOf(office.id), async (trx) => {
        await nextNumbers(trx, input, 10);
        throw new Error("import failed");
      }),
    ).rejects.toThrow("import failed");
    expect((await take(office.id, 2033)).seq).toBe(6);
    await expect(withScope(handle.db, scopeOf(office.id), (trx) => nextNumbers(trx, input, 0))).rejects.toThrow(/cannot take 0/);
  });

  it("counts separately per tenant, per sequence and per year", async () => {
    const [one, two] = tree.offices;
    expect((await take(one!.id, 2027)).seq).toBe(1);
    expect((await take(one!.id, 2027)).seq).toBe(2);
    expect((await take(two!.id, 2027)).seq).toBe(1);
    expect((await take(one!.id, 2028)).seq).toBe(1);
    const tracking = await take(one!.id, 2027, "requests.tracking");
    expect(tracking.seq).toBe(1);
    expect((await take(one!.id, 2027)).number).toBe(`${credit.get(one!.id)}/2027-00003`);
  });

  it.runIf(process.env.TEST_DATABASE_URL)("does not make other tenants, sequences or years wait (PostgreSQL)", async () => {
    const [one, two] = tree.offices;
    const release = deferred();
    const holding = deferred();
    const held = withScope(handle.db, scopeOf(one!.id), async (trx) => {
      await nextNumber(trx, { tenantId: one!.id, sequence: INDEX_SEQUENCE, year: 2029, pattern: PATTERN, creditCode: credit.get(one!.id)! });
      holding.resolve();
      await release.promise;
    });
    await holding.promise;
    const quick = (tenantId: string, year: number, sequence = INDEX_SEQUENCE) =>
      withScope(handle.db, scopeOf(tenantId), async (trx) => {
        await sql`SET LOCAL lock_timeout = '200ms'`.execute(trx);
        return nextNumber(trx, { tenantId, sequence, year, pattern: PATTERN, creditCode: credit.get(tenantId)! });
      });
    try {
      expect((await quick(two!.id, 2029)).seq).toBe(1);
      expect((await quick(one!.id, 2031)).seq).toBe(1);
      expect((await quick(one!.id, 2029, "requests.tracking")).seq).toBe(1);
      await expect(quick(one!.id, 2029)).rejects.toThrow(/lock timeout/);
    } finally {
      release.resolve();
      await held;
    }
  });

  it("rejects sequence names that do not say who owns them", async () => {
    const office = tree.offices[0]!;
    await expect(take(office.id, 2026, "index")).rejects.toThrow(/<area>\.<name>/);
  });
});

describe("row-level security on number_sequences", () => {
  it("one tenant can neither read nor bump another's sequence", async () => {
    const [one, two] = tree.offices;
    await take(two!.id, 2040);
    const seen = await withScope(handle.db, scopeOf(one!.id), (trx) => trx.selectFrom("number_sequences").selectAll().execute());
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r) => r.tenant_id === one!.id)).toBe(true);

    await expect(
      withScope(handle.db, scopeOf(one!.id), (trx) =>
        nextNumber(trx, { tenantId: two!.id, sequence: INDEX_SEQUENCE, year: 2040, pattern: PATTERN, creditCode: credit.get(two!.id)! }),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await withScope(handle.db, scopeOf(one!.id), (trx) =>
      trx.updateTable("number_sequences").set({ last_value: 1000 }).where("tenant_id", "=", two!.id).executeTakeFirst(),
    );
    expect(Number(updated.numUpdatedRows)).toBe(0);
    await expect(
      withScope(handle.db, scopeOf(two!.id), (trx) => trx.deleteFrom("number_sequences").where("tenant_id", "=", two!.id).execute()),
    ).rejects.toThrow(/permission denied/);

    expect((await take(two!.id, 2040)).seq).toBe(2);
  });

  it("a supervisor reads a subordinate's counters but cannot bump them", async () => {
    const office = tree.offices[1]!;
    await take(office.id, 2041);
    const supervisor: Scope = { tenantId: tree.city.id, readTenantIds: [tree.city.id, ...tree.offices.map((o) => o.id)], userId: null };
    const rows = await withScope(handle.db, supervisor, (trx) =>
      trx.selectFrom("number_sequences").select("last_value").where("tenant_id", "=", office.id).where("year", "=", 2041).execute(),
    );
    expect(rows).toEqual([{ last_value: 1 }]);
    await expect(
      withScope(handle.db, supervisor, (trx) =>
        nextNumber(trx, { tenantId: office.id, sequence: INDEX_SEQUENCE, year: 2041, pattern: PATTERN, creditCode: credit.get(office.id)! }),
      ),
    ).rejects.toThrow(/row-level security/);
    expect((await take(office.id, 2041)).seq).toBe(2);
  });
});
