import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { PLUGINS_DIR, validateManifest } from "../../plugin-host/discover";
import { PluginRegistry, type LoadedPlugin } from "../../plugin-host/registry";

/**
 * The plugins `plugins/<id>/manifest.ts` (or `<pluginsDir>/<id>/…`) of these ids, validated as the host validates them at
 * start, in the order given: a plugin's `dependsOn` must come before it. A plugin's tests name the
 * plugins they run with instead of importing another plugin's manifest.
 */
export async function loadPlugins(ids: readonly string[], pluginsDir = PLUGINS_DIR): Promise<PluginRegistry> {
  const loaded: LoadedPlugin[] = [];
  for (const id of ids) {
    const dir = join(pluginsDir, id);
    const mod = (await import(/* @vite-ignore */ pathToFileURL(join(dir, "manifest.ts")).href)) as { default?: unknown };
    const manifest = validateManifest(id, mod.default);
    const missing = manifest.dependsOn.filter((d) => !loaded.some((p) => p.manifest.id === d));
    if (missing.length) throw new Error(`loadPlugins: "${id}" depends on ${missing.join(", ")}: list ${missing.length > 1 ? "them" : "it"} before it`);
    loaded.push({ manifest, dir });
  }
  return new PluginRegistry(loaded);
}
