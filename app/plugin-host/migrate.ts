import { Migrator, type Kysely } from "kysely";
import type { PluginRegistry } from "./registry";

export function pluginMigrationTable(pluginId: string): string {
  return `plugin_${pluginId.replace(/-/g, "_")}_migrations`;
}

/** Runs each plugin's own migrations, in dependency order, after core's; each plugin has its own migration table. */
export async function migratePlugins(db: Kysely<any>, registry: PluginRegistry): Promise<string[]> {
  const applied: string[] = [];
  for (const { manifest } of registry.plugins) {
    if (Object.keys(manifest.migrations).length === 0) continue;
    const table = pluginMigrationTable(manifest.id);
    const { error, results } = await new Migrator({
      db,
      provider: { getMigrations: async () => manifest.migrations },
      migrationTableName: table,
      migrationLockTableName: `${table}_lock`,
    }).migrateToLatest();
    const failed = results?.find((r) => r.status === "Error");
    if (error || failed) {
      const cause = error instanceof Error ? error.message : String(error ?? "");
      throw new Error(`Plugin ${manifest.id}: migration ${failed?.migrationName ?? "(unknown)"} failed: ${cause}`, { cause: error });
    }
    applied.push(...(results ?? []).map((r) => `${manifest.id}/${r.migrationName}`));
  }
  return applied;
}
