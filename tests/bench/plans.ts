import { CompiledQuery, type Kysely, type LogEvent } from "kysely";
import type { QueryObserver } from "../../db/client";

/** A statement as it ran: what the query observer sees, and what a GONGKAI_SQL_TRACE line holds. */
export interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

/** A read to EXPLAIN, with the scope statement of the transaction it ran in. */
export interface CapturedQuery extends Statement {
  /**
   * The `set_config` statement withScope ran first in the same transaction (role, tenant, read
   * tenants, user): replayed before EXPLAIN, so row-level security shapes the plan as it did the run.
   */
  scope: Statement | null;
}

export interface QueryPlan {
  sql: string;
  /** Tables read by a Seq Scan anywhere in the plan, policy subqueries included. */
  seqScans: string[];
  /** Planning plus execution time reported by EXPLAIN ANALYZE; 0 without ANALYZE. */
  ms: number;
}

const TRANSACTION_EDGE = /^\s*(begin|start transaction|commit|rollback|end)\b/i;
const SCOPE = /^\s*select\s+set_config\(/i;
const READ = /^\s*(select|with)\b/i;
const WRITE = /\b(insert\s+into|update\s+\S+\s+set|delete\s+from)\b/i;

/** Whether EXPLAIN should look at this statement: a read that is not a scope's set_config. */
export function isPlannedRead(sqlText: string): boolean {
  return READ.test(sqlText) && !SCOPE.test(sqlText) && !WRITE.test(sqlText);
}

/**
 * Follows statements in the order one connection ran them and returns, for each read, the read
 * with its transaction's scope (null for anything else). Transactions run one after another in a
 * page, and in a trace of one request at a time, so the latest scope is the read's.
 */
export function scopeFollower() {
  let scope: Statement | null = null;
  return (s: Statement): CapturedQuery | null => {
    if (TRANSACTION_EDGE.test(s.sql)) scope = null;
    else if (SCOPE.test(s.sql)) scope = { sql: s.sql, parameters: s.parameters };
    else if (isPlannedRead(s.sql)) return { sql: s.sql, parameters: s.parameters, scope };
    return null;
  };
}

/** The distinct reads among statements (e.g. the lines of a GONGKAI_SQL_TRACE file for one page), each with its scope. */
export function readsOf(statements: Iterable<Statement>): CapturedQuery[] {
  const follow = scopeFollower();
  const seen = new Set<string>();
  const reads: CapturedQuery[] = [];
  for (const s of statements) {
    const read = follow(s);
    if (!read) continue;
    const key = JSON.stringify([read.scope?.parameters ?? null, read.sql, read.parameters]);
    if (seen.has(key)) continue;
    seen.add(key);
    reads.push(read);
  }
  return reads;
}

/** An observer for `openDatabase({ observe })` and `record(fn)`, which returns the distinct reads `fn` made. */
export function queryRecorder() {
  let recording: Statement[] | null = null;
  const observe: QueryObserver = (event: LogEvent) => {
    if (event.level === "query") recording?.push({ sql: event.query.sql, parameters: event.query.parameters });
  };
  return {
    observe,
    async record(fn: () => Promise<unknown>): Promise<CapturedQuery[]> {
      const statements: Statement[] = [];
      recording = statements;
      try {
        await fn();
      } finally {
        recording = null;
      }
      return readsOf(statements);
    },
  };
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

/** The tables a plan reads by Seq Scan, walking every node (subplans and init plans are children too). */
export function seqScansIn(plan: PlanNode): string[] {
  const own = plan["Node Type"] === "Seq Scan" ? [plan["Relation Name"] ?? "?"] : [];
  return [...own, ...(plan.Plans ?? []).flatMap(seqScansIn)];
}

/**
 * EXPLAINs one read in a transaction that is rolled back: the scope replayed first, then
 * `settings` (e.g. `SET LOCAL enable_seqscan = off`). With `analyze` the statement really runs.
 */
export async function explainQuery<DB>(
  db: Kysely<DB>,
  query: CapturedQuery,
  options: { analyze?: boolean; settings?: string[] } = {},
): Promise<QueryPlan & { plan: PlanNode }> {
  return db.connection().execute(async (conn) => {
    await conn.executeQuery(CompiledQuery.raw("BEGIN"));
    try {
      if (query.scope) await conn.executeQuery(CompiledQuery.raw(query.scope.sql, [...query.scope.parameters]));
      for (const s of options.settings ?? []) await conn.executeQuery(CompiledQuery.raw(s));
      const verb = options.analyze ? "EXPLAIN (ANALYZE, FORMAT JSON)" : "EXPLAIN (FORMAT JSON)";
      const { rows } = await conn.executeQuery<{ "QUERY PLAN": [{ Plan: PlanNode; "Planning Time"?: number; "Execution Time"?: number }] }>(
        CompiledQuery.raw(`${verb} ${query.sql}`, [...query.parameters]),
      );
      const result = rows[0]!["QUERY PLAN"][0];
      const ms = (result["Planning Time"] ?? 0) + (result["Execution Time"] ?? 0);
      return { sql: query.sql, seqScans: seqScansIn(result.Plan), ms, plan: result.Plan };
    } finally {
      await conn.executeQuery(CompiledQuery.raw("ROLLBACK"));
    }
  });
}

/**
 * The real plans of the public pages' reads at whatever scale the database holds, with the
 * planner's normal settings (EXPLAIN ANALYZE, rolled back): the tables each read scans
 * sequentially and how long it takes. A Seq Scan on a table of a few pages (tenants,
 * tenant_plugins) is the planner's right choice there; tests/integration/public-query-plans.test.ts
 * checks the same reads with sequential scans disabled, where a Seq Scan means no index can serve.
 */
export async function explainPublicQueries<DB>(db: Kysely<DB>, queries: readonly CapturedQuery[]): Promise<QueryPlan[]> {
  const plans: QueryPlan[] = [];
  for (const q of queries) {
    const { sql, seqScans, ms } = await explainQuery(db, q, { analyze: true });
    plans.push({ sql, seqScans, ms });
  }
  return plans;
}
