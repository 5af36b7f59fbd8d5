import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import pg from "pg";
import type { Recording, TracedStatement } from "../runner/record";

export interface Replayable {
  statements: { sql: string; parameters: unknown[] }[];
  /** Flat [name, value, name, value, …], as node:http's writeHead takes them. */
  headers: string[];
  status: number;
  body: Buffer;
}

// Set by the server for each answer; the recorded ones would be stale or wrong for our body.
const HOP_BY_HOP = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

/** Parameters as the app passed them: a Buffer's JSON back to a Buffer. */
function revive(v: unknown): unknown {
  if (v && typeof v === "object" && (v as { type?: unknown }).type === "Buffer" && Array.isArray((v as { data?: unknown }).data)) {
    return Buffer.from((v as { data: number[] }).data);
  }
  return v;
}

const inTransaction = (s: TracedStatement[]) => s.some((x) => /^\s*begin\b/i.test(x.sql));

export function replayable(r: Recording): Replayable {
  const statements = r.statements.map((s) => ({ sql: s.sql, parameters: s.parameters.map(revive) }));
  // The app's statements come with their own BEGIN … COMMIT; were there none, they still run as one transaction.
  const wrapped = inTransaction(r.statements) ? statements : [{ sql: "begin", parameters: [] }, ...statements, { sql: "commit", parameters: [] }];
  const body = Buffer.from(r.bodyBase64, "base64");
  const headers: string[] = [];
  for (const [name, value] of r.headers) if (!HOP_BY_HOP.has(name.toLowerCase())) headers.push(name, value);
  headers.push("Content-Length", String(body.length));
  return { statements: wrapped, headers, status: r.status, body };
}

/** The same driver and pool size as the app: pg.Pool of 10 on PostgreSQL, PGlite's one-connection bridge otherwise. */
export async function openPool(env: NodeJS.ProcessEnv): Promise<{ pool: pg.Pool; close(): Promise<void> }> {
  if (env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 });
    return { pool, close: () => pool.end() };
  }
  if (!env.GONGKAI_DATA_DIR) throw new Error("baseline: DATABASE_URL or GONGKAI_DATA_DIR is required");
  const pglite = await PGlite.create(env.GONGKAI_DATA_DIR);
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  return {
    pool,
    async close() {
      await pool.end();
      await pglite.close();
    },
  };
}

/** Runs one request's statements in order on one connection; a failure rolls back and is thrown. */
export async function replay(pool: pg.Pool, r: Replayable): Promise<void> {
  const client = await pool.connect();
  try {
    for (const s of r.statements) await client.query(s.sql, s.parameters);
  } catch (e) {
    await client.query("rollback").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
