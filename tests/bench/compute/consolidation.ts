import { CompiledQuery, Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { computeReportFigures } from "../../../app/plugin-host/reports.server";
import { FORMAT_2021 } from "../../../plugins/annual-report/law/format-2021";
import { consolidate } from "../../../plugins/annual-report/server/report/consolidate";
import { fillTables, tableValues } from "../../../plugins/annual-report/server/report/fill";
import type { BenchManifest } from "../data/index";
import { postgresServer } from "../data/target";
import type { Statement } from "../plans";
import type { InProcess } from "./services";
import { timed, type Timed } from "./timing";

/**
 * A province consolidating every office's annual report: the report figures of all tenants in one
 * `computeReportFigures` call, each office's tables 二, 三 and 四 filled by the annual-report plugin
 * (no manual cell entered), and the sums over all of them with each office's contribution. The
 * baseline runs the same reads the figures ran, with the same concurrency, as a superuser: no
 * row-level security, no scope, no plugin code — what that SQL costs the database alone.
 */

/** Read concurrently, as reports.server.ts's CONCURRENT_BATCHES does. */
const BASELINE_CONCURRENCY = 4;

export interface ConsolidationTiming {
  offices: number;
  /** Figures the reader computed, and table cells filled from them (the rest are manual cells, left blank). */
  figures: number;
  cells: number;
  /** The whole consolidation, and its three steps in the median run. */
  total: Timed;
  stepsMs: { figures: number; fill: number; consolidate: number };
  figuresPerSecond: number;
  /** The figures' reads replayed without row-level security. */
  baseline: Timed & { reads: number };
}

interface Run {
  figures: number;
  cells: number;
  stepsMs: ConsolidationTiming["stepsMs"];
}

async function consolidateAll(ip: InProcess, userId: string, ids: string[], year: number): Promise<Run> {
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = now - t;
    t = now;
    return ms;
  };
  const { byTenant } = await computeReportFigures(ip.context, { userId, readableTenantIds: ids }, ids, year);
  const figuresMs = lap();
  const values = Object.fromEntries(Object.entries(byTenant).map(([id, figures]) => [id, tableValues(fillTables(FORMAT_2021, figures))]));
  const fillMs = lap();
  consolidate(values);
  const consolidateMs = lap();
  return {
    figures: Object.values(byTenant).reduce((n, f) => n + Object.keys(f).length, 0),
    cells: Object.values(values).reduce((n, v) => n + Object.values(v).filter((x) => x !== null).length, 0),
    stepsMs: { figures: figuresMs, fill: fillMs, consolidate: consolidateMs },
  };
}

/** A connection that row-level security does not apply to: PostgreSQL's superuser on the bench database, or PGlite's own user. */
function bareDatabase(ip: InProcess, manifest: BenchManifest): { db: Kysely<unknown>; close(): Promise<void> } {
  if (!manifest.databaseUrl) return { db: ip.handle.db as unknown as Kysely<unknown>, close: async () => undefined };
  const url = new URL(postgresServer());
  url.pathname = new URL(manifest.databaseUrl).pathname;
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 10 }) }) });
  return { db, close: () => db.destroy() };
}

async function replayReads(db: Kysely<unknown>, reads: readonly Statement[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < reads.length) {
      const r = reads[next++]!;
      await db.executeQuery(CompiledQuery.raw(r.sql, [...r.parameters]));
    }
  };
  await Promise.all(Array.from({ length: Math.min(BASELINE_CONCURRENCY, reads.length) }, worker));
}

/** The reads among recorded statements, once each (the scope's set_config and transaction edges left out). */
export function distinctReads(statements: readonly Statement[]): Statement[] {
  const seen = new Map<string, Statement>();
  for (const s of statements) {
    if (!/^\s*(select|with)\b/i.test(s.sql) || /^\s*select\s+set_config\(/i.test(s.sql)) continue;
    seen.set(JSON.stringify([s.sql, s.parameters]), s);
  }
  return [...seen.values()];
}

/**
 * Times the consolidation of `ids` `reps` times; `record` returns the statements its function ran
 * (tests/bench/plans.ts's queryRecorder on the in-process database), which the baseline replays.
 */
export async function timeConsolidation(
  ip: InProcess,
  manifest: BenchManifest,
  reader: { userId: string; ids: string[]; year: number },
  reps: number,
  record: (fn: () => Promise<unknown>) => Promise<Statement[]>,
): Promise<ConsolidationTiming> {
  const run = () => consolidateAll(ip, reader.userId, reader.ids, reader.year);
  let first: Run | undefined;
  const reads = distinctReads(await record(async () => (first = await run())));
  const runs: Run[] = [];
  const total = await timed(reps, async () => runs.push(await run()));
  const middle = [...runs].sort((a, b) => sum(a) - sum(b))[Math.floor(runs.length / 2)]!;
  const round = (ms: number) => Math.round(ms * 10) / 10;

  const bare = bareDatabase(ip, manifest);
  let baseline: ConsolidationTiming["baseline"];
  try {
    // Once untimed, as the consolidation's recorded run was: both are timed with warm caches.
    await replayReads(bare.db, reads);
    baseline = { ...(await timed(reps, () => replayReads(bare.db, reads))), reads: reads.length };
  } finally {
    await bare.close();
  }
  return {
    offices: reader.ids.length,
    figures: first!.figures,
    cells: first!.cells,
    total,
    stepsMs: { figures: round(middle.stepsMs.figures), fill: round(middle.stepsMs.fill), consolidate: round(middle.stepsMs.consolidate) },
    figuresPerSecond: Math.round(first!.figures / (total.medianMs / 1000)),
    baseline,
  };
}

const sum = (r: Run) => r.stepsMs.figures + r.stepsMs.fill + r.stepsMs.consolidate;
