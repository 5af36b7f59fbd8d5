import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { cleanEnv, errorLines, exited, freePort } from "../../e2e/processes";

export interface Served {
  baseUrl: string;
  child: ChildProcess;
  logPath: string;
  log(): string;
  /** SIGTERM, then the exit; fails if it does not exit within 15 s. */
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx <script>` with the environment given (plus PORT and HOST) and waits
 * until `ready` answers; the child's own pid is the server's, so its RSS is the server's.
 */
export async function startProcess(opts: {
  root: string;
  script: string;
  args?: string[];
  env: Record<string, string>;
  logPath: string;
  ready: (baseUrl: string) => Promise<boolean>;
  timeoutSeconds?: number;
}): Promise<Served> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = createWriteStream(opts.logPath);
  const child = spawn(process.execPath, ["--import", "tsx", opts.script, ...(opts.args ?? [])], {
    cwd: opts.root,
    env: cleanEnv({ ...opts.env, HOST: "127.0.0.1", PORT: String(port) }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(logFile, { end: false });
  child.stderr!.pipe(logFile, { end: false });
  const log = () => readFileSync(opts.logPath, "utf8");
  let gone: { code: number | null; signal: string | null } | null = null;
  void exited(child).then((e) => (gone = e));

  const stop = async () => {
    if (!gone) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited(child);
      clearTimeout(timer);
    }
    await new Promise<void>((r) => logFile.end(r));
  };

  const deadline = Date.now() + (opts.timeoutSeconds ?? 300) * 1000;
  while (Date.now() < deadline) {
    if (gone) {
      await stop();
      throw new Error(`${opts.script} exited (${JSON.stringify(gone)}) before it was ready:\n${log().slice(-4000)}`);
    }
    if (await opts.ready(baseUrl).catch(() => false)) return { baseUrl, child, logPath: opts.logPath, log, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`${opts.script} was not ready within ${opts.timeoutSeconds ?? 300} s:\n${log().slice(-4000)}`);
}

export async function healthy(baseUrl: string): Promise<boolean> {
  const res = await fetch(`${baseUrl}/healthz`);
  return res.ok && ((await res.json()) as { status?: string }).status === "ok";
}

/** The server's error and fatal log lines: a scenario that makes the server log errors is a finding. */
export function serverErrors(served: Served): string[] {
  return errorLines(served.log());
}
