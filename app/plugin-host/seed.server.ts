import type { Services } from "../server/services.server";
import { demoStaff } from "./demo-staff.server";
import type { LoadedPlugin } from "./registry";
import { tenantContext } from "./request-context.server";

/**
 * Runs each plugin's `seed` (demo data) for every tenant where the plugin is enabled, with the
 * office's demo staff as `ctx.demo`. Called at every demo start, so a seed must be idempotent:
 * insert what is missing, change nothing else.
 */
export async function seedPlugins(services: Services): Promise<string[]> {
  const done: string[] = [];
  for (const plugin of seedOrder(services.plugins.plugins)) {
    const seed = plugin.manifest.seed;
    if (!seed) continue;
    for (const tenant of services.tenants.all().filter((t) => t.plugins.includes(plugin.manifest.id))) {
      await seed({ ...tenantContext({ services }, plugin, tenant, { id: null, name: "demo-seed" }), demo: demoStaff(services, plugin, tenant) });
      done.push(`${plugin.manifest.id}@${tenant.code}`);
    }
  }
  return done;
}

/** The plugins in dependency order, each after the plugins its `seedAfter` names (those installed). */
export function seedOrder(plugins: readonly LoadedPlugin[]): LoadedPlugin[] {
  const ordered: LoadedPlugin[] = [];
  const visiting = new Set<LoadedPlugin>();
  const visit = (p: LoadedPlugin) => {
    if (ordered.includes(p)) return;
    if (visiting.has(p)) throw new Error(`plugin ${p.manifest.id}: seedAfter makes a cycle`);
    visiting.add(p);
    for (const id of p.manifest.seedAfter) {
      const before = plugins.find((q) => q.manifest.id === id);
      if (before) visit(before);
    }
    ordered.push(p);
  };
  plugins.forEach(visit);
  return ordered;
}
