import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { withScope } from "../../db/scope";
import { discoverPlugins } from "../../app/plugin-host/discover";
import { migratePlugins } from "../../app/plugin-host/migrate";
import { PluginRegistry } from "../../app/plugin-host/registry";
import type { PluginDocumentType } from "../../app/plugin-api";
import { isValidCreditCode, creditCodeCheckChar, orgCodeCheckChar } from "../../app/core/tenancy/credit-code";
import { syncTenants } from "../../app/core/tenancy/sync.server";
import type { TenantDefinition } from "../../app/core/tenancy/definition";
import { TenantSettingsSchema } from "../../app/core/tenancy/definition";

/** The engine under test: the run's PostgreSQL database when TEST_DATABASE_URL is set, else an in-memory PGlite. */
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

/** A city with `branches` offices under it, each with unique codes; returns the codes. */
export async function createTenantTree(handle: DatabaseHandle, branches = 2) {
  const id = uniq();
  const city: TenantDefinition = {
    code: `city-${id}`,
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
    code: `office${i + 1}-${id}`,
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

/** Plugins that exist only for tests (see tests/fixtures/plugins/README.md). */
export const FIXTURE_PLUGINS_DIR = new URL("../fixtures/plugins/", import.meta.url).pathname;

/** Discovers the fixture plugins and runs their migrations on the test database. */
export async function loadFixturePlugins(handle: DatabaseHandle) {
  const registry = await discoverPlugins(FIXTURE_PLUGINS_DIR);
  await migratePlugins(handle.db, registry);
  return registry;
}

/** The fixture plugin declaring these workflow document types (tests of the workflow and 保密审查). */
export async function fixtureWithDocumentTypes(documentTypes: PluginDocumentType[]): Promise<PluginRegistry> {
  const plugin = (await discoverPlugins(FIXTURE_PLUGINS_DIR)).get("fixture-notes")!;
  return new PluginRegistry([{ ...plugin, manifest: { ...plugin.manifest, documentTypes } as typeof plugin.manifest }]);
}

/** Switches a plugin on (or off) for one tenant, as the sysadmin's switch stores it. */
export async function switchPlugin(handle: DatabaseHandle, tenantId: string, enabled = true, settings: Record<string, unknown> = {}, pluginId = "fixture-notes") {
  await withScope(handle.db, { tenantId, readTenantIds: [tenantId], userId: null }, (trx) =>
    trx.insertInto("tenant_plugins").values({ tenant_id: tenantId, plugin_id: pluginId, enabled, settings: JSON.stringify(settings) }).execute(),
  );
}
