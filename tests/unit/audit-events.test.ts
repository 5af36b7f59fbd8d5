import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CORE_AUDIT_EVENTS, CORE_AUDIT_GROUPS, coreEventLabelKey, coreGroupLabelKey } from "../../app/core/audit/labels";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LOCALES = ["zh-CN", "zh-TW", "en"] as const;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "template" || name === "testing" ? [] : sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/**
 * The events core's code writes: every dotted string on a line that sets an audit `action`
 * (`action: "auth.login"`, `action: ok ? "a.b" : "a.c"`) or names one (`…_ACTION = "audit.anchor"`).
 * `workflow.${action}` is covered by the workflow group listing every workflow action.
 */
function writtenEvents(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of [...sources(join(ROOT, "app")), ...sources(join(ROOT, "db"))]) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!/\baction: |_ACTION = /.test(line)) continue;
      // The value of `action:` itself, or either branch of a choice there; not a message key or a column reference on the same line.
      const value = /\baction: (.*)$|_ACTION = (.*)$/.exec(line);
      const text = (value?.[1] ?? value?.[2] ?? "").replace(/\{[^}]*\}/g, "");
      for (const m of text.matchAll(/^"([a-z_]+(?:\.[a-z_]+)+)"|[?:] "([a-z_]+(?:\.[a-z_]+)+)"/g)) found.set((m[1] ?? m[2])!, relative(ROOT, file));
    }
  }
  return found;
}

function lookup(table: unknown, key: string): unknown {
  return key.split(".").reduce((o: unknown, part) => (o && typeof o === "object" ? (o as Record<string, unknown>)[part] : undefined), table);
}

describe("core's audit events", () => {
  it("are all in the catalogue, so the audit log can name them", () => {
    const written = writtenEvents();
    expect(written.size).toBeGreaterThan(30);
    const missing = [...written].filter(([code]) => !CORE_AUDIT_EVENTS.includes(code)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it("each have a label, and each module a name, in all three locales; no two share a key", () => {
    expect(new Set(CORE_AUDIT_EVENTS.map(coreEventLabelKey)).size).toBe(CORE_AUDIT_EVENTS.length);
    for (const lng of LOCALES) {
      const table = JSON.parse(readFileSync(join(ROOT, "app/locales", lng, "platform.json"), "utf8")) as unknown;
      const unlabelled = CORE_AUDIT_EVENTS.filter((code) => typeof lookup(table, coreEventLabelKey(code)) !== "string");
      expect(unlabelled, lng).toEqual([]);
      const unnamed = Object.keys(CORE_AUDIT_GROUPS).filter((g) => typeof lookup(table, coreGroupLabelKey(g)) !== "string");
      expect(unnamed, lng).toEqual([]);
    }
  });
});
