import { BUDGETS, mark, PAGE_SCENARIOS, SEARCH_SCENARIOS } from "./budgets";
import type { BenchResults } from "./results";

const n = (x: number | undefined, digits = 0) => (x === undefined || !Number.isFinite(x) ? "–" : x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const ms = (x: number | undefined) => n(x, 1);

function budgetCell(scenario: string, connections: number, ratio: number | null, p95: number, p99: number): string {
  const marks: string[] = [];
  if (PAGE_SCENARIOS.has(scenario)) {
    if (ratio !== null) marks.push(`ratio ${mark(ratio >= BUDGETS.pageRatio)}`);
    if (connections === 50) marks.push(`p99 ${mark(p99 < BUDGETS.pageP99At50Ms)}`);
  }
  if (SEARCH_SCENARIOS.has(scenario)) marks.push(`p95 ${mark(p95 < BUDGETS.searchP95Ms)}`);
  return marks.join(" ") || "";
}

/** The short table of the run: load scenarios against the baseline, computations against the budgets. */
export function markdown(r: BenchResults): string {
  const lines: string[] = [];
  const { spec } = r;
  lines.push(`# Benchmark: ${spec.preset} on ${r.engine}`);
  lines.push("");
  lines.push(
    `${r.data.tenants} tenants, ${n(r.data.items)} items, ${n(r.data.requests)} requests (seed ${spec.seed}); ${r.options.duration} s per measurement after ${r.options.warmup} s warm-up; ` +
      `${r.machine.cpus} CPUs, Node ${r.machine.node}, load average ${r.machine.loadAverage[0]} at the start and ${r.machine.loadAverageAtEnd?.[0] ?? "–"} at the end; ${r.startedAt}.`,
  );
  lines.push("");
  lines.push("| scenario | conns | req/s | p50 ms | p95 ms | p99 ms | non-2xx / errors / timeouts | baseline req/s | ratio | budget |");
  lines.push("|---|---:|---:|---:|---:|---:|---|---:|---:|---|");
  for (const s of r.scenarios) {
    for (const a of s.app) {
      const b = s.baseline.find((x) => x.connections === a.connections);
      const ratio = b && b.reqPerSec > 0 ? a.reqPerSec / b.reqPerSec : null;
      lines.push(
        `| ${s.name} | ${a.connections} | ${n(a.reqPerSec)} | ${ms(a.p50)} | ${ms(a.p95)} | ${ms(a.p99)} | ${a.non2xx} / ${a.errors} / ${a.timeouts} | ${b ? n(b.reqPerSec) : "–"} | ${ratio === null ? "–" : `${Math.round(ratio * 100)}%`} | ${budgetCell(s.name, a.connections, ratio, a.p95, a.p99)} |`,
      );
    }
  }
  lines.push("");
  lines.push(`Server RSS peak: app ${n(r.rss.appPeakMiB)} MiB, baseline ${n(r.rss.baselinePeakMiB)} MiB.`);
  const recorded = r.scenarios.filter((s) => s.recording);
  if (recorded.length) {
    lines.push(
      `Recorded pages: ${recorded.map((s) => `${s.name} ${s.recording!.statements.join("–")} statements, ${n(s.recording!.bytes[0] / 1024, 1)}–${n(s.recording!.bytes[1] / 1024, 1)} KiB`).join("; ")}.`,
    );
  }
  if (r.serverErrors.length) lines.push(`The server logged ${r.serverErrors.length} error line(s) under load; see the JSON.`);

  if (r.figures || r.import) {
    lines.push("");
    lines.push("| computation | median | runs | budget | |");
    lines.push("|---|---:|---|---:|---|");
    const row = (name: string, median: number, runs: number[], budget: number | null) =>
      lines.push(`| ${name} | ${ms(median)} ms | ${runs.map(ms).join(", ")} | ${budget === null ? "–" : `${n(budget)} ms`} | ${budget === null ? "" : mark(median < budget)} |`);
    const f = r.figures;
    if (f) {
      row(`report figures, one tenant (${f.sets.one.code}, ${n(f.sets.one.requests)} requests, ${f.figures.one} figures, ${f.year})`, f.one.medianMs, f.one.runsMs, BUDGETS.figuresOneMs);
      row(`report figures, city ${f.sets.city.code} + ${f.sets.city.subordinates} subordinates (${n(f.figures.city)} figures)`, f.city.medianMs, f.city.runsMs, BUDGETS.figuresCityMs);
      row(`report figures, all ${f.sets.all.length} tenants (${n(f.figures.all)} figures)`, f.all.medianMs, f.all.runsMs, BUDGETS.figuresAllMs);
    }
    const c = r.consolidation;
    if (c) {
      row(
        `annual report tables 二, 三, 四 of all ${n(c.offices)} offices filled and consolidated (figures ${ms(c.stepsMs.figures)} + fill ${ms(c.stepsMs.fill)} + sum ${ms(c.stepsMs.consolidate)} ms; ${n(c.figures)} figures, ${n(c.cells)} cells; ${n(c.figuresPerSecond)} figures/s)`,
        c.total.medianMs,
        c.total.runsMs,
        BUDGETS.figuresAllMs,
      );
      row(
        `baseline: the figures' ${c.baseline.reads} reads as a superuser, no row-level security, 4 at a time (consolidation ${n(c.total.medianMs / c.baseline.medianMs, 1)}× this)`,
        c.baseline.medianMs,
        c.baseline.runsMs,
        null,
      );
    }
    const i = r.import;
    if (i) {
      row(
        `import of ${n(i.rows)} rows into ${i.tenantCode} through approval and 保密审查, rolled back (read ${ms(i.readMs)} + check ${ms(i.checkMs)} + submit ${ms(i.submitMs)} + review ${ms(i.reviewMs)} + publish ${ms(i.publishMs)} ms; ${n(i.imported)} published, ${n(i.findings)} findings, ${i.rowErrors} row errors)`,
        i.totalMs,
        i.runsMs,
        BUDGETS.importMs,
      );
    }
  }

  if (r.plans) {
    lines.push("");
    const scans = r.plans.filter((p) => p.seqScans.length);
    lines.push(
      scans.length
        ? `Seq scans in the public pages' plans (EXPLAIN ANALYZE, normal planner settings): ${scans.map((p) => `${p.scenario}: ${[...new Set(p.seqScans.flatMap((s) => s.tables))].join(", ")}`).join("; ")}.`
        : `No seq scan in the public pages' plans (${r.plans.map((p) => `${p.scenario} ${p.reads} reads`).join(", ")}).`,
    );
  }
  for (const note of r.notes) lines.push("", note);
  lines.push("");
  lines.push(`Phases (s): ${Object.entries(r.phases).map(([k, v]) => `${k} ${v}`).join(", ")}.`);
  return `${lines.join("\n")}\n`;
}
