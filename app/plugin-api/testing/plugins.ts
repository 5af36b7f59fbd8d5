import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { PLUGINS_DIR, validateManifest } from "../../plugin-host/discover";
import { PluginRegistry, type LoadedPlugin } from "../../plugin-host/registry";
import type { PluginManifest } from "../index";

/** A plugin a test runs: the id of a folder, or a manifest written in the test (a tiny feeder of an extension point). */
export type TestPlugin = string | PluginManifest;

/** The plugin's id, for a folder's name or a manifest written in the test. */
export const testPluginId = (p: TestPlugin): string => (typeof p === "string" ? p : p.id);

/**
 * The plugins `plugins/<id>/manifest.ts` (or `<pluginsDir>/<id>/…`) of these ids, and the manifests
 * given inline (no routes: they have no folder), validated as the host validates them at start, in
 * the order given: a plugin's `dependsOn` must come before it. A plugin's tests name the plugins
 * they run with instead of importing another plugin's manifest.
 */
export async function loadPlugins(plugins: readonly TestPlugin[], pluginsDir = PLUGINS_DIR): Promise<PluginRegistry> {
  const loaded: LoadedPlugin[] = [];
  for (const plugin of plugins) {
    const id = testPluginId(plugin);
    const dir = join(pluginsDir, id);
    const raw = typeof plugin === "string" ? ((await import(/* @vite-ignore */ pathToFileURL(join(dir, "manifest.ts")).href)) as { default?: unknown }).default : plugin;
    const manifest = validateManifest(id, raw);
    const missing = manifest.dependsOn.filter((d) => !loaded.some((p) => p.manifest.id === d));
    if (missing.length) throw new Error(`loadPlugins: "${id}" depends on ${missing.join(", ")}: list ${missing.length > 1 ? "them" : "it"} before it`);
    loaded.push({ manifest, dir });
  }
  return new PluginRegistry(loaded);
}
