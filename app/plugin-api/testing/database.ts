import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../../db/client";
import { migrateToLatest } from "../../../db/migrate";
import { withScope } from "../../../db/scope";
import { discoverPlugins } from "../../plugin-host/discover";
import { migratePlugins } from "../../plugin-host/migrate";
import { creditCodeCheckChar, isValidCreditCode, orgCodeCheckChar } from "../../core/tenancy/credit-code";
import { syncTenants } from "../../core/tenancy/sync.server";
import { TenantSettingsSchema, type TenantDefinition } from "../../core/tenancy/definition";

/**
 * The engine under test: the run's PostgreSQL database when the run was started with
 * TEST_DATABASE_URL (tests/helpers/global-setup.ts creates it), else an in-memory PGlite loaded
 * from the run's migrated snapshot. Core's and every plugin's migrations are applied.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = inject("databaseUrl");
  const snapshot = url ? undefined : inject("pgliteSnapshot");
  if (snapshot) return openDatabase({ dataDir: "memory://", loadDataDir: new Blob([readFileSync(snapshot)]) });
  const handle = await openDatabase({ url, dataDir: "memory://" });
  await migrateToLatest(handle.db);
  await migratePlugins(handle.db, await discoverPlugins());
  return handle;
}

/** A unique suffix, so test files sharing one PostgreSQL database never collide. */
export function uniq(): string {
  return randomBytes(4).toString("hex");
}

/** A valid 统一社会信用代码 for a region, with random organisation digits. */
export function testCreditCode(region: string): string {
  const org8 = String(Math.floor(Math.random() * 1e8)).padStart(8, "0");
  const first17 = `11${region}${org8}${orgCodeCheckChar(org8)}`;
  const code = first17 + creditCodeCheckChar(first17);
  if (!isValidCreditCode(code)) throw new Error("bad test credit code");
  return code;
}

export interface TenantTree {
  city: { code: string; id: string };
  offices: { code: string; id: string }[];
}

/**
 * A city with `branches` offices under it, each with unique codes. `codePrefix` ("demo-") makes
 * them demo offices, for which plugins' seeds also write their demo data.
 */
export async function createTenantTree(handle: DatabaseHandle, branches = 2, codePrefix = ""): Promise<TenantTree> {
  const id = uniq();
  const city: TenantDefinition = {
    code: `${codePrefix}city-${id}`,
    level: "city",
    regionCode: "361200",
    creditCode: testCreditCode("361200"),
    name: { "zh-CN": `测试市${id}`, "zh-TW": `測試市${id}`, en: `Test City ${id}` },
    hosts: [],
    plugins: [],
    settings: TenantSettingsSchema.parse({}),
    public: true,
  };
  const offices = Array.from({ length: branches }, (_, i): TenantDefinition => ({
    ...city,
    code: `${codePrefix}office${i + 1}-${id}`,
    parent: city.code,
    level: "county",
    regionCode: `36120${i + 1}`,
    creditCode: testCreditCode(`36120${i + 1}`),
    name: { "zh-CN": `测试分局${i + 1}`, "zh-TW": `測試分局${i + 1}`, en: `Test Office ${i + 1}` },
  }));
  await syncTenants(handle.db, [city, ...offices]);
  const rows = await handle.db.selectFrom("tenants").select(["id", "code"]).where("code", "in", [city.code, ...offices.map((o) => o.code)]).execute();
  const idOf = (code: string) => rows.find((r) => r.code === code)!.id;
  return { city: { code: city.code, id: idOf(city.code) }, offices: offices.map((o) => ({ code: o.code, id: idOf(o.code) })) };
}

/** Switches a plugin on (or off) for one tenant, as the sysadmin's switch stores it. */
export async function enablePlugin(handle: DatabaseHandle, tenantId: string, pluginId: string, enabled = true, settings: Record<string, unknown> = {}) {
  await withScope(handle.db, { tenantId, readTenantIds: [tenantId], userId: null }, (trx) =>
    trx
      .insertInto("tenant_plugins")
      .values({ tenant_id: tenantId, plugin_id: pluginId, enabled, settings: JSON.stringify(settings) })
      .onConflict((oc) => oc.columns(["tenant_id", "plugin_id"]).doUpdateSet({ enabled, settings: JSON.stringify(settings) }))
      .execute(),
  );
}
