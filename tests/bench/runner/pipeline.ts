import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { timeConsolidation } from "../compute/consolidation";
import { staffReader, timeFigures } from "../compute/figures";
import { timeImport } from "../compute/import";
import { openInProcess } from "../compute/services";
import type { BenchManifest } from "../data/index";
import { DATA_ROOT } from "../data/target";
import { queryRecorder } from "../plans";
import { measure } from "./load";
import { signIn, type Session } from "./login";
import type { RunOptions } from "./options";
import { scenarioPlans } from "./plans-of";
import { healthy, serverErrors, startProcess, type Served } from "./processes";
import { record, recordingProblems, type Recording } from "./record";
import type { BenchResults, ScenarioResult } from "./results";
import { sampleRss } from "./rss";
import { scenariosFor, selected } from "./scenarios";

const IMPORT_ROWS = 10_000;

function log(line: string) {
  console.log(`bench: ${line}`);
}

/** Where the server finds the bench database: the manifest's URL or PGlite directory, its data and audit keys and its own anchor file. */
function databaseEnv(manifest: BenchManifest): Record<string, string> {
  const env: Record<string, string> = { GONGKAI_DATA_KEY: manifest.dataKeyBase64, GONGKAI_AUDIT_KEY: manifest.auditKeyBase64 };
  if (manifest.databaseUrl) {
    env.DATABASE_URL = manifest.databaseUrl;
    // Not the demo's ./data/audit-anchors.jsonl, which would then name offices its database does not have.
    env.GONGKAI_AUDIT_ANCHOR_FILE = join(DATA_ROOT, `${new URL(manifest.databaseUrl).pathname.slice(1)}.anchors.jsonl`);
  } else if (manifest.dataDir) env.GONGKAI_DATA_DIR = manifest.dataDir;
  else throw new Error("the bench manifest names neither a database URL nor a PGlite directory");
  return env;
}

function startApp(root: string, manifest: BenchManifest, logPath: string, extra: Record<string, string> = {}): Promise<Served> {
  return startProcess({
    root,
    script: "app/server/main.ts",
    env: { NODE_ENV: "production", GONGKAI_DEMO: "false", LOG_LEVEL: "warn", ...databaseEnv(manifest), ...extra },
    logPath,
    ready: healthy,
  });
}

/** The staff account the staff scenarios sign in as: one of the tenant with the most requests, if the manifest has one there. */
function staffAccount(manifest: BenchManifest) {
  const requests = new Map(manifest.tenants.map((t) => [t.code, t.requests]));
  return [...manifest.staff].sort((a, b) => (requests.get(b.tenantCode) ?? 0) - (requests.get(a.tenantCode) ?? 0))[0];
}

const range = (xs: number[]): [number, number] => [Math.min(...xs), Math.max(...xs)];

/**
 * One engine's whole run, one process on the database at a time (PGlite allows no more): the app
 * with the SQL trace to record the public pages, the app to measure every scenario, the baseline to
 * measure the public ones, then EXPLAIN and the computations in this process.
 */
export async function runEngine(root: string, manifest: BenchManifest, opts: RunOptions, workDir: string, results: BenchResults): Promise<void> {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const staff = staffAccount(manifest);
  const all = selected(scenariosFor(manifest, staff?.tenantCode ?? "-"), opts.only);
  const scenarios = all.filter((s) => s.public || staff);
  if (!staff && all.some((s) => !s.public)) results.notes.push("The bench manifest lists no staff account: the staff scenarios were skipped.");
  if (staff) results.staff = { username: staff.username, tenantCode: staff.tenantCode };
  const publicOnes = scenarios.filter((s) => s.public);
  const byName = new Map<string, ScenarioResult>(scenarios.map((s) => [s.name, { name: s.name, public: s.public, paths: s.paths.length, app: [], baseline: [] }]));
  results.scenarios = [...byName.values()];
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await fn();
    } finally {
      results.phases[name] = Math.round((performance.now() - started) / 100) / 10;
    }
  };

  // 1. Record what each public page runs and answers.
  const recordingsFile = join(workDir, "recordings.json");
  let recorded: Record<string, Recording[]> = {};
  if (publicOnes.length && !opts.skip.includes("baseline")) {
    recorded = await phase("record", async () => {
      const trace = join(workDir, "sql-trace.jsonl");
      const app = await startApp(root, manifest, join(workDir, "app-record.log"), { GONGKAI_SQL_TRACE: trace });
      const out: Record<string, Recording[]> = {};
      try {
        for (const s of publicOnes) out[s.name] = await record(app.baseUrl, trace, s.paths);
      } finally {
        await app.stop();
      }
      const problems = Object.values(out).flatMap(recordingProblems);
      if (problems.length) throw new Error(`the recording is no baseline:\n  ${problems.join("\n  ")}`);
      for (const [name, list] of Object.entries(out)) {
        byName.get(name)!.recording = {
          statements: range(list.map((r) => r.statements.length)),
          bytes: range(list.map((r) => Buffer.byteLength(r.bodyBase64, "base64"))),
        };
      }
      writeFileSync(recordingsFile, JSON.stringify(out));
      log(`recorded ${Object.values(out).flat().length} public pages`);
      return out;
    });
  }

  // 2. The app under load.
  let appPeak = 0;
  if (!opts.skip.includes("load")) {
    await phase("load", async () => {
      const app = await startApp(root, manifest, join(workDir, "app.log"));
      try {
        let session: Session | null = null;
        if (staff && scenarios.some((s) => !s.public)) {
          session = await signIn(app.baseUrl, staff.username, staff.password);
          log(`signed in as ${staff.username} (${session.landing})`);
        }
        for (const s of scenarios) {
          const headers: Record<string, string> = s.public ? {} : { Cookie: session!.cookie };
          for (const connections of opts.connections) {
            const rss = sampleRss(app.child.pid!);
            const r = await measure({ baseUrl: app.baseUrl, paths: s.paths, connections, seconds: opts.duration, warmup: opts.warmup, headers });
            const { peakMiB } = rss.stop();
            appPeak = Math.max(appPeak, peakMiB);
            byName.get(s.name)!.app.push({ ...r, rssPeakMiB: peakMiB });
            log(`app ${s.name} c=${connections}: ${r.reqPerSec} req/s, p99 ${r.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`);
          }
        }
      } finally {
        results.serverErrors.push(...serverErrors(app).slice(0, 20));
        await app.stop();
      }
    });
  }

  // 3. The baseline under the same load, public scenarios only.
  let baselinePeak = 0;
  if (Object.keys(recorded).length && !opts.skip.includes("baseline")) {
    await phase("baseline", async () => {
      const base = await startProcess({ root, script: "tests/bench/baseline/server.ts", args: [recordingsFile], env: databaseEnv(manifest), logPath: join(workDir, "baseline.log"), ready: healthy });
      try {
        for (const s of publicOnes) {
          for (const connections of opts.connections) {
            const rss = sampleRss(base.child.pid!);
            const r = await measure({ baseUrl: base.baseUrl, paths: s.paths, connections, seconds: opts.duration, warmup: opts.warmup });
            const { peakMiB } = rss.stop();
            baselinePeak = Math.max(baselinePeak, peakMiB);
            byName.get(s.name)!.baseline.push({ ...r, rssPeakMiB: peakMiB });
            log(`baseline ${s.name} c=${connections}: ${r.reqPerSec} req/s, p99 ${r.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`);
          }
        }
      } finally {
        await base.stop();
      }
    });
  }
  results.rss = { appPeakMiB: appPeak, baselinePeakMiB: baselinePeak };

  // 4. In this process: the public pages' plans, the report figures, the import.
  const needsDb = (!opts.skip.includes("plans") && Object.keys(recorded).length > 0) || !opts.skip.includes("compute");
  if (!needsDb) return;
  const recorder = queryRecorder();
  const ip = await openInProcess(manifest, recorder.observe);
  try {
    if (!opts.skip.includes("plans") && Object.keys(recorded).length) results.plans = await phase("plans", () => scenarioPlans(ip.handle.db, recorded));
    if (!opts.skip.includes("compute")) {
      results.figures = await phase("figures", () => timeFigures(ip, manifest, opts.reps));
      log(`figures: one ${results.figures.one.medianMs} ms, city ${results.figures.city.medianMs} ms, all ${results.figures.all.medianMs} ms`);
      const reader = { userId: await staffReader(ip, manifest), ids: results.figures.sets.all, year: results.figures.year };
      const c = (results.consolidation = await phase("consolidation", () => timeConsolidation(ip, manifest, reader, opts.reps, recorder.record)));
      log(`consolidation of ${c.offices} offices: ${c.total.medianMs} ms (${c.figuresPerSecond} figures/s), the same reads without row-level security ${c.baseline.medianMs} ms`);
      if (!opts.skip.includes("import")) {
        const target = [...manifest.tenants].sort((a, b) => b.items - a.items)[0]!;
        results.import = await phase("import", () => timeImport(ip, target.id, IMPORT_ROWS, Math.min(opts.reps, 3)));
        log(`import of ${IMPORT_ROWS} rows: ${results.import.totalMs} ms (${results.import.rowErrors} row errors)`);
      }
    }
  } finally {
    await ip.close();
  }
}

export function machine() {
  return { cpus: cpus().length, node: process.version, platform: `${process.platform} ${process.arch}`, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) };
}
