import type { Services } from "../server/services.server";
import { tenantContext } from "./request-context.server";

/**
 * Runs each plugin's `seed` (demo data) for every tenant where the plugin is enabled. Called at
 * every demo start, so a seed must be idempotent: insert what is missing, change nothing else.
 */
export async function seedPlugins(services: Services): Promise<string[]> {
  const done: string[] = [];
  for (const plugin of services.plugins.plugins) {
    const seed = plugin.manifest.seed;
    if (!seed) continue;
    for (const tenant of services.tenants.all().filter((t) => t.plugins.includes(plugin.manifest.id))) {
      await seed(tenantContext({ services }, plugin, tenant, { id: null, name: "demo-seed" }));
      done.push(`${plugin.manifest.id}@${tenant.code}`);
    }
  }
  return done;
}
