import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBenchData, specFrom } from "./data/index";
import { ensureBuild } from "./runner/build";
import { runOptionsFrom } from "./runner/options";
import { machine, runEngine } from "./runner/pipeline";
import { markdown } from "./runner/report";
import type { BenchResults } from "./runner/results";

/**
 * npm run bench -- --preset small|city|national --engine pglite|postgres [--seed S]
 *   [--only catalogue,item,…] [--connections 1,10,50] [--duration 10] [--warmup 2] [--reps 5]
 *   [--skip load,baseline,plans,compute,import] [--fresh]
 * Writes tests/bench/results/<preset>-<engine>.json and .md and prints the table.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const args = process.argv.slice(2);
const started = performance.now();
const seconds = (from: number) => Math.round((performance.now() - from) / 100) / 10;

const spec = specFrom(args);
const opts = runOptionsFrom(args, spec.preset);
const resultsDir = join(root, "tests/bench/results");
mkdirSync(resultsDir, { recursive: true });

const results: BenchResults = {
  spec,
  engine: spec.engine,
  startedAt: new Date().toISOString(),
  machine: machine(),
  options: { connections: opts.connections, duration: opts.duration, warmup: opts.warmup, reps: opts.reps },
  data: { tenants: 0, items: 0, requests: 0, generatedSeconds: 0, reused: false },
  scenarios: [],
  rss: { appPeakMiB: 0, baselinePeakMiB: 0 },
  serverErrors: [],
  phases: {},
  notes: [],
};

let t = performance.now();
const manifest = await ensureBenchData(spec, { fresh: opts.fresh });
results.phases.data = seconds(t);
results.data = {
  tenants: manifest.tenants.length,
  items: manifest.tenants.reduce((s, x) => s + x.items, 0),
  requests: manifest.tenants.reduce((s, x) => s + x.requests, 0),
  generatedSeconds: manifest.seconds,
  reused: Date.parse(manifest.generatedAt) < Date.parse(results.startedAt),
};
console.log(`bench: data ${results.data.reused ? "reused" : "generated"} in ${results.phases.data} s (${results.data.tenants} tenants, ${results.data.items} items, ${results.data.requests} requests)`);

// Only the servers run the build; the in-process computations import the sources.
if (!opts.skip.includes("load") || !opts.skip.includes("baseline")) {
  t = performance.now();
  const built = ensureBuild(root);
  results.phases.build = seconds(t);
  console.log(`bench: ${built ? `built in ${built.toFixed(1)} s` : "build/ is up to date"}`);
}

const base = `${spec.preset}-${spec.engine}`;
try {
  await runEngine(root, manifest, opts, join(resultsDir, `${base}.work`), results);
} finally {
  results.phases.total = seconds(started);
  results.machine.loadAverageAtEnd = machine().loadAverage;
  writeFileSync(join(resultsDir, `${base}.json`), `${JSON.stringify(results, null, 2)}\n`);
  const md = markdown(results);
  writeFileSync(join(resultsDir, `${base}.md`), md);
  console.log(`\n${md}`);
  console.log(`bench: results in tests/bench/results/${base}.json and .md`);
}
