import type { Kysely } from "kysely";
import { explainPublicQueries, isPlannedRead, type CapturedQuery } from "../plans";
import type { Recording } from "./record";

const START = /^\s*(begin|start transaction)\b/i;
const END = /^\s*(commit|rollback|end)\b/i;
const SCOPE = /^\s*select\s+set_config\(/i;

/** The reads of recorded requests, each with the set_config of its transaction, once per distinct statement text. */
export function capturedReads(recordings: Recording[]): CapturedQuery[] {
  const out: CapturedQuery[] = [];
  const seen = new Set<string>();
  for (const r of recordings) {
    let scope: CapturedQuery["scope"] = null;
    for (const s of r.statements) {
      if (START.test(s.sql) || END.test(s.sql)) scope = null;
      else if (SCOPE.test(s.sql)) scope = { sql: s.sql, parameters: s.parameters };
      else if (isPlannedRead(s.sql) && !seen.has(s.sql)) {
        seen.add(s.sql);
        out.push({ sql: s.sql, parameters: s.parameters, scope });
      }
    }
  }
  return out;
}

export interface ScenarioPlans {
  scenario: string;
  reads: number;
  /** Reads whose plan has a Seq Scan, with the tables scanned and the EXPLAIN ANALYZE time. */
  seqScans: { sql: string; tables: string[]; ms: number }[];
  slowestMs: number;
}

/** EXPLAIN ANALYZE (normal planner settings, tests/bench/plans.ts) of the SQL each public scenario ran. */
export async function scenarioPlans<DB>(db: Kysely<DB>, recorded: Record<string, Recording[]>): Promise<ScenarioPlans[]> {
  const out: ScenarioPlans[] = [];
  for (const [scenario, recordings] of Object.entries(recorded)) {
    const plans = await explainPublicQueries(db, capturedReads(recordings));
    out.push({
      scenario,
      reads: plans.length,
      seqScans: plans.filter((p) => p.seqScans.length).map((p) => ({ sql: p.sql, tables: [...new Set(p.seqScans)], ms: Math.round(p.ms * 10) / 10 })),
      slowestMs: Math.round(Math.max(0, ...plans.map((p) => p.ms)) * 10) / 10,
    });
  }
  return out;
}
