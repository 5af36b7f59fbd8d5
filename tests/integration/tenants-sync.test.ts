import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { syncTenants } from "../../app/core/tenancy/sync.server";
import { TenantDirectory } from "../../app/core/tenancy/directory.server";
import { loadTenantDefinitions } from "../../tenants/load";
import { openTestDatabase, testCreditCode, uniq } from "../helpers/db";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe("tenant definitions as code", () => {
  it("the demo definitions load and validate: a city bureau with three branch offices", async () => {
    const defs = await loadTenantDefinitions();
    const city = defs.find((d) => d.code === "demo-city")!;
    expect(city.name["zh-CN"]).toBe("示范市生态环境局");
    expect(defs.filter((d) => d.parent === "demo-city").map((d) => d.code).sort()).toEqual(["demo-donghu", "demo-nanling", "demo-xishan"]);
  });

  it("sync is idempotent and reports exactly what changed", async () => {
    const defs = (await loadTenantDefinitions()).map((d) => ({ ...d }));
    const first = await syncTenants(handle.db, defs);
    const second = await syncTenants(handle.db, defs);
    expect(second.created).toEqual([]);
    expect(second.updated).toEqual([]);
    expect(second.unchanged.sort()).toEqual(defs.map((d) => d.code).sort());
    expect(first.created.length + first.unchanged.length).toBe(defs.length);

    const renamed = defs.map((d) => (d.code === "demo-xishan" ? { ...d, name: { ...d.name, en: "Xishan Branch (renamed)" } } : d));
    const third = await syncTenants(handle.db, renamed);
    expect(third.updated).toEqual([{ code: "demo-xishan", fields: ["name"] }]);
    await syncTenants(handle.db, defs);
  });

  it("builds the tree a supervisor reads: the city's subtree holds its offices", async () => {
    const dir = new TenantDirectory(handle.db);
    await dir.refresh();
    const city = dir.byCode("demo-city")!;
    expect(dir.subtree(city.id).map((id) => dir.byId(id)!.code).sort()).toEqual(["demo-city", "demo-donghu", "demo-nanling", "demo-xishan"]);
    expect(dir.byHost("donghu.gongkai.localhost")?.code).toBe("demo-donghu");
  });

  it("rejects a definition with a bad credit code, naming the file and field", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tenants-"));
    const code = `bad-${uniq()}`;
    const good = testCreditCode("361299");
    const bad = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    await writeFile(
      join(dir, `${code}.tenant.ts`),
      `export default { code: "${code}", level: "city", regionCode: "361299", creditCode: "${bad}", name: { "zh-CN": "甲", "zh-TW": "甲", en: "A" } };`,
    );
    await expect(loadTenantDefinitions(dir)).rejects.toThrow(new RegExp(`${code}.tenant.ts: creditCode: .*统一社会信用代码`));
    await rm(dir, { recursive: true, force: true });
  });

  it("refuses a county office without a city above it", async () => {
    const defs = await loadTenantDefinitions();
    const orphan = { ...defs.find((d) => d.code === "demo-donghu")!, code: `orphan-${uniq()}`, parent: "no-such-city" };
    await expect(syncTenants(handle.db, [orphan])).rejects.toThrow(/parent "no-such-city" is not defined/);
  });
});
