import type { DatabaseHandle } from "../../db/client";
import { discoverPlugins } from "../../app/plugin-host/discover";
import { migratePlugins } from "../../app/plugin-host/migrate";
import { PluginRegistry } from "../../app/plugin-host/registry";
import type { PluginDocumentType } from "../../app/plugin-api";
import { enablePlugin } from "../../app/plugin-api/testing/database";

// The database, offices and test data live in the plugin test kit; core tests read them here.
export { createTenantTree, openTestDatabase, testCreditCode, uniq } from "../../app/plugin-api/testing/database";

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

/** Switches a plugin (the fixture plugin unless named) on or off for one tenant, as the sysadmin's switch stores it. */
export async function switchPlugin(handle: DatabaseHandle, tenantId: string, enabled = true, settings: Record<string, unknown> = {}, pluginId = "fixture-notes") {
  await enablePlugin(handle, tenantId, pluginId, enabled, settings);
}
