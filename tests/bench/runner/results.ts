import type { ConsolidationTiming } from "../compute/consolidation";
import type { FigureTimings } from "../compute/figures";
import type { ImportTiming } from "../compute/import";
import type { BenchSpec } from "../data/index";
import type { LoadResult } from "./load";
import type { ScenarioPlans } from "./plans-of";

export interface ScenarioResult {
  name: string;
  public: boolean;
  paths: number;
  /** One per connection count. */
  app: (LoadResult & { rssPeakMiB: number })[];
  baseline: (LoadResult & { rssPeakMiB: number })[];
  /** The recorded pages: statements per request (min–max) and bytes per answer (min–max). */
  recording?: { statements: [number, number]; bytes: [number, number] };
}

export interface BenchResults {
  spec: BenchSpec;
  engine: string;
  startedAt: string;
  /** The load average (1, 5, 15 min) at the start and the end: anything else running skews the absolute numbers. */
  machine: { cpus: number; node: string; platform: string; loadAverage: number[]; loadAverageAtEnd?: number[] };
  options: { connections: number[]; duration: number; warmup: number; reps: number };
  data: { tenants: number; items: number; requests: number; generatedSeconds: number; reused: boolean };
  staff?: { username: string; tenantCode: string };
  scenarios: ScenarioResult[];
  rss: { appPeakMiB: number; baselinePeakMiB: number };
  serverErrors: string[];
  plans?: ScenarioPlans[];
  figures?: FigureTimings;
  consolidation?: ConsolidationTiming;
  import?: ImportTiming;
  /** Seconds spent in each phase, and in all. */
  phases: Record<string, number>;
  notes: string[];
}
