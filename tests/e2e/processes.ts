import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/**
 * The environment of a child process without what vitest put into ours (with VITEST set the
 * Remix plugin is left out of vite.config.ts and the build would be empty), with plain output.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { NO_COLOR: "1", FORCE_COLOR: "0" };
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith("VITEST") || k.startsWith("TEST_") || k === "NODE_ENV" || k === "DATABASE_URL") continue;
    env[k] = v;
  }
  Object.assign(env, extra);
  return env as NodeJS.ProcessEnv;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

/** Polls /healthz until it answers `status: ok`; fails at once if the server exits, or after a minute. */
export async function waitForHealth(baseUrl: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let early: { code: number | null } | null = null;
  void exited(child).then((e) => (early = e));
  while (Date.now() < deadline) {
    if (early) throw new Error(`server at ${baseUrl} exited (${JSON.stringify(early)}) before it was healthy:\n${log()}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok && ((await res.json()) as { status?: string }).status === "ok") return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${baseUrl} did not become healthy within 60 s:\n${log()}`);
}

/** Log lines at pino level error (50) or fatal (60): each one is a server bug a test walked into. */
export function errorLines(log: string): string[] {
  return log.split("\n").filter((line) => {
    if (!line.startsWith("{")) return false;
    try {
      return (JSON.parse(line) as { level?: number }).level! >= 50;
    } catch {
      return false;
    }
  });
}
