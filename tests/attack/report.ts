import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type Phase = "crawl" | "cross-office" | "csrf" | "bad-input" | "big-body";

/**
 * What went wrong: a 5xx answer; a reply carrying another office's canary; rows changed in an
 * office the sender may not write to (or stored from refused input); an exception that would have
 * ended the server; no answer or /healthz down; bad input answered without a clear localised
 * message, or accepted (a 30 MB body, a forged POST); links built from a forged Host header; a
 * route the suite could not fill.
 */
export type Problem = "5xx" | "leak" | "write" | "stored" | "crash" | "down" | "no-message" | "accepted" | "poisoned" | "unfillable";

export interface Finding {
  phase: Phase;
  problem: Problem;
  endpoint: string;
  routeIds: string[];
  role: string;
  method: string;
  url: string;
  /** The bad value or the expansion that was tried ("tenant=demo-xishan, id=<xishan>"). */
  input: string;
  status: number | null;
  detail: string;
}

const MAX_KEPT = 2000;

/** Counts every case tried and keeps every finding; one summary line per run and a JSON file. */
export class Report {
  readonly cases: Record<Phase, { GET: number; POST: number }> = {
    crawl: { GET: 0, POST: 0 },
    "cross-office": { GET: 0, POST: 0 },
    csrf: { GET: 0, POST: 0 },
    "bad-input": { GET: 0, POST: 0 },
    "big-body": { GET: 0, POST: 0 },
  };
  readonly findings: Finding[] = [];
  readonly routeIds = new Set<string>();
  readonly roles = new Set<string>();
  endpoints = 0;
  /** Seconds since the start at which each stage ended (server up, canaries planted, crawl done). */
  readonly stages: Record<string, number> = {};

  constructor(
    readonly engine: string,
    readonly started = Date.now(),
  ) {}

  count(phase: Phase, method: string, routeIds: string[], role: string) {
    this.cases[phase][method === "GET" ? "GET" : "POST"] += 1;
    routeIds.forEach((r) => this.routeIds.add(r));
    // The crawl also reads as the victim office's staff, who do not attack.
    if (phase !== "crawl") this.roles.add(role);
  }

  add(f: Finding) {
    this.findings.push(f);
  }

  stage(name: string) {
    this.stages[name] = Math.round((Date.now() - this.started) / 100) / 10;
  }

  total(method?: "GET" | "POST"): number {
    return Object.values(this.cases).reduce((s, c) => s + (method ? c[method] : c.GET + c.POST), 0);
  }

  of(problem: Problem): number {
    return this.findings.filter((f) => f.problem === problem).length;
  }

  summary(): string {
    const n = (x: number) => x.toLocaleString("en");
    const p = (k: Problem) => `${n(this.of(k))} ${k}`;
    return (
      `attack (${this.engine}): ${this.endpoints} routes (${this.routeIds.size} route ids) × ${this.roles.size} roles, ` +
      `${n(this.total())} cases (GET ${n(this.total("GET"))}, POST ${n(this.total("POST"))}; ` +
      `cross-office ${n(this.cases["cross-office"].GET + this.cases["cross-office"].POST)}, bad input ${n(this.cases["bad-input"].GET + this.cases["bad-input"].POST)}, ` +
      `forged ${n(this.cases.csrf.POST)}, crawl ${n(this.cases.crawl.GET)}, 30 MB ${n(this.cases["big-body"].POST)}), ` +
      `${p("leak")}, ${n(this.of("write") + this.of("stored"))} writes, ${n(this.of("5xx"))} 5xx, ${p("crash")}, ${p("down")}, ` +
      `${p("no-message")}, ${p("accepted")}, ${p("poisoned")}, ${p("unfillable")} in ${Math.round((Date.now() - this.started) / 1000)} s`
    );
  }

  /** tests/attack/results/<engine>.json: the counts and every finding (the first 2,000 in full). */
  write(): string {
    const dir = fileURLToPath(new URL("./results/", import.meta.url));
    mkdirSync(dir, { recursive: true });
    const path = `${dir}${this.engine}.json`;
    const grouped = new Map<string, number>();
    for (const f of this.findings) {
      const key = `${f.problem} ${f.method} ${f.endpoint} as ${f.role}`;
      grouped.set(key, (grouped.get(key) ?? 0) + 1);
    }
    const body = {
      summary: this.summary(),
      engine: this.engine,
      seconds: Math.round((Date.now() - this.started) / 1000),
      stages: this.stages,
      cases: this.cases,
      routeIds: [...this.routeIds].sort(),
      roles: [...this.roles].sort(),
      byCause: Object.fromEntries([...grouped].sort((a, b) => b[1] - a[1])),
      findings: this.findings.slice(0, MAX_KEPT),
      findingsLeftOut: Math.max(0, this.findings.length - MAX_KEPT),
    };
    writeFileSync(path, `${JSON.stringify(body, null, 2)}\n`);
    return path;
  }
}
