import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { withScope } from "../../db/scope";
import { claimNumbers, INDEX_SEQUENCE, nextNumber } from "../../app/core/numbering/sequences.server";
import { createTenantTree, openTestDatabase } from "../helpers/db";

const PATTERN = "{credit_code}/{year}-{seq:5}";

let handle: DatabaseHandle;
let office: { id: string; creditCode: string };

const inOffice = <T>(fn: Parameters<typeof withScope<T>>[2]) => withScope(handle.db, { tenantId: office.id, readTenantIds: [office.id], userId: null }, fn);
const input = () => ({ tenantId: office.id, sequence: INDEX_SEQUENCE, pattern: PATTERN, creditCode: office.creditCode });
const next = (year: number) => inOffice((trx) => nextNumber(trx, { ...input(), year }));

beforeAll(async () => {
  handle = await openTestDatabase();
  const tree = await createTenantTree(handle, 1);
  const row = await handle.db.selectFrom("tenants").select(["id", "credit_code"]).where("id", "=", tree.offices[0]!.id).executeTakeFirstOrThrow();
  office = { id: row.id, creditCode: row.credit_code };
});
afterAll(() => handle.close());

describe("claimNumbers", () => {
  it("moves each year's counter past the numbers kept from elsewhere, never back, and ignores other systems' numbers", async () => {
    expect((await next(2019)).seq).toBe(1);
    const code = office.creditCode;
    const claimed = await inOffice((trx) => claimNumbers(trx, input(), [`${code}/2019-00120`, `${code}/2019-00007`, `${code}/2018-00003`, "000014349/2019-00500", `${code}/2019-99999999999`]));
    expect(claimed.map((c) => [c.year, c.seq])).toEqual([
      [2019, 120],
      [2019, 7],
      [2018, 3],
    ]);
    expect((await next(2019)).number).toBe(`${code}/2019-00121`);
    expect((await next(2018)).number).toBe(`${code}/2018-00004`);
    // Claiming a lower number again (a batch withdrawn and imported again) moves nothing back.
    await inOffice((trx) => claimNumbers(trx, input(), [`${code}/2019-00007`]));
    expect((await next(2019)).seq).toBe(122);
    // A rolled-back claim hands nothing out.
    await expect(
      inOffice(async (trx) => {
        await claimNumbers(trx, input(), [`${code}/2017-00050`]);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect((await next(2017)).seq).toBe(1);
  });
});
