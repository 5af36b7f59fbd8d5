import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { cleanEnv } from "../e2e/processes";

const root = fileURLToPath(new URL("../../", import.meta.url));
const serverEntry = join(root, "build/server/index.js");
const lockDir = join(root, "node_modules/.cache/gongkai-build.lock");
/** What the production build is made of; tests, data and results are not. */
const SOURCES = ["app", "plugins", "db"];
const SKIP = new Set(["node_modules", "tests", "data", ".data", "results"]);

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : mtime(path));
  }
  return newest;
}

function stale(): boolean {
  const built = mtime(serverEntry);
  return built === 0 || SOURCES.some((d) => newestSource(join(root, d)) > built);
}

/** One builder at a time across test processes: a directory is created atomically or not at all. */
async function withBuildLock<T>(fn: () => T): Promise<T> {
  mkdirSync(join(root, "node_modules/.cache"), { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      // A lock older than the longest build is left over from a killed run.
      if (Date.now() - mtime(lockDir) > 3 * 60_000) rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`tests: waited 5 minutes for the build lock ${lockDir}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Runs `npm run build` when build/ is missing or older than any source under app/, plugins/, db/. */
export async function ensureBuild(): Promise<void> {
  if (!stale()) return;
  await withBuildLock(() => {
    if (!stale()) return;
    // Without cleanEnv the build would see VITEST and leave the Remix plugin out (vite.config.ts).
    const r = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, env: cleanEnv(), encoding: "utf8" });
    const tail = (text: string) => text.split("\n").filter((l) => !l.startsWith("build/")).slice(-40).join("\n");
    if (r.status !== 0) throw new Error(`tests: npm run build failed (${r.status}):\n${tail(r.stdout)}\n${tail(r.stderr)}`);
  });
}

/** The production server build, loaded from disk as the server loads it. */
export async function loadBuild(): Promise<{ build: ServerBuild; clientDir: string }> {
  const build = (await import(/* @vite-ignore */ `${pathToFileURL(serverEntry).href}?v=${mtime(serverEntry)}`)) as ServerBuild;
  return { build, clientDir: join(root, "build/client") };
}
