import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { cleanEnv } from "../../e2e/processes";

const SOURCES = ["app", "plugins", "db", "tenants", "vite.config.ts", "package-lock.json"];

function newest(path: string): number {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    // Plugin tests are not part of the build.
    if (entry === "node_modules" || entry === "tests") continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/** Builds the production bundle when build/ is missing or older than any source; returns the seconds spent (0 when fresh). */
export function ensureBuild(root: string): number {
  const built = statSync(join(root, "build/server/index.js"), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(...SOURCES.map((s) => newest(join(root, s))));
  if (built > sources) return 0;
  const started = performance.now();
  const r = spawnSync("npx", ["remix", "vite:build", "--logLevel", "warn"], { cwd: root, env: cleanEnv(), encoding: "utf8" });
  if (r.status !== 0) throw new Error(`remix vite:build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return (performance.now() - started) / 1000;
}
