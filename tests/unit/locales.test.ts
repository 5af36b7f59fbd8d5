import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const dir = new URL("../../app/locales/", import.meta.url);
const locales = ["zh-CN", "zh-TW", "en"];

function keys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

describe("locales", () => {
  const namespaces = readdirSync(new URL("zh-CN/", dir)).filter((f) => f.endsWith(".json"));

  it.each(namespaces)("%s has the same keys in zh-CN, zh-TW and en, none empty", (ns) => {
    const parsed = locales.map((l) => JSON.parse(readFileSync(new URL(`${l}/${ns}`, dir), "utf8")));
    const [reference, ...others] = parsed.map((p) => keys(p).sort());
    for (const other of others) expect(other).toEqual(reference);
    for (const p of parsed) {
      const empty = keys(p).filter((k) => !k.split(".").reduce((o: Record<string, unknown>, part) => o[part] as Record<string, unknown>, p));
      expect(empty).toEqual([]);
    }
  });
});
