import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** i18next's plural and context suffixes: a missing "items.count" shows as the key without them. */
const SUFFIX = /_(zero|one|two|few|many|other|plural|male|female)$/;

function flatten(value: unknown, prefix: string, out: Set<string>) {
  if (value === null || typeof value !== "object") return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    // An object's own path too: t() of a group shows its key ("returned an object").
    out.add(key);
    out.add(key.replace(SUFFIX, ""));
    flatten(v, key, out);
  }
}

function localeDirs(): string[] {
  const dirs = [join(root, "app/locales")];
  for (const plugin of readdirSync(join(root, "plugins"), { withFileTypes: true })) {
    if (plugin.isDirectory()) dirs.push(join(root, "plugins", plugin.name, "locales"));
  }
  return dirs;
}

/**
 * Every key of every locale file (core and plugins, all three languages), with and without its
 * namespace: the exact set of strings an untranslated label would show instead of its words.
 */
export function localeKeys(): Set<string> {
  const keys = new Set<string>();
  for (const dir of localeDirs()) {
    let languages: string[];
    try {
      languages = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    } catch {
      continue;
    }
    for (const lng of languages) {
      for (const file of readdirSync(join(dir, lng)).filter((f) => f.endsWith(".json"))) {
        const ns = file.replace(/\.json$/, "");
        const own = new Set<string>();
        flatten(JSON.parse(readFileSync(join(dir, lng, file), "utf8")), "", own);
        for (const k of own) {
          // Only dotted paths can match the pattern below; "ns:key" is how a namespaced miss reads.
          if (k.includes(".")) keys.add(k);
          keys.add(`${ns}:${k}`);
        }
      }
    }
  }
  return keys;
}

/** What a key looks like in running text: "nav.logout", "core:nav.logout", "staff:inbox.title". */
export const KEY_PATTERN = /\b[a-z][\w-]*[:.][a-z][\w.]*\b/g;

/** The keys of our locale files found in a text (a namespace prefix of any spelling is tolerated). */
export function untranslated(text: string, keys: Set<string>): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(KEY_PATTERN)) {
    const candidate = m[0].replace(/\.+$/, "");
    const bare = candidate.slice(candidate.lastIndexOf(":") + 1);
    if (keys.has(candidate) || (bare.includes(".") && keys.has(bare))) found.add(candidate);
  }
  return [...found];
}
