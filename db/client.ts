import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect, type LogEvent } from "kysely";
import pg from "pg";
import type { CoreDatabase } from "./schema";

export type Engine = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Kysely<CoreDatabase>;
  engine: Engine;
  close(): Promise<void>;
  /** PGlite only: the cluster as a tarball `openDatabase({ loadDataDir })` starts from. */
  dumpDataDir?(): Promise<Blob>;
}

// Dates stay 'YYYY-MM-DD' strings (the calendar works on those) and counts come back as numbers.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Sees every statement run, with its parameters and time: the benchmarks' SQL trace, EXPLAIN tests. */
export type QueryObserver = (event: LogEvent) => void;

/**
 * One Kysely code path for both engines: PostgreSQL when a URL is given, otherwise embedded
 * PGlite through its node-postgres bridge (a one-connection pool, which serialises transactions).
 */
export async function openDatabase(opts: {
  url?: string;
  dataDir: string;
  observe?: QueryObserver;
  /** PGlite only: start from this `dumpDataDir` tarball instead of an empty cluster (tests' migrated snapshot). */
  loadDataDir?: Blob;
}): Promise<DatabaseHandle> {
  const log = opts.observe;
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 10 });
    const db = new Kysely<CoreDatabase>({ dialect: new PostgresDialect({ pool }), log });
    return { db, engine: "postgres", close: () => db.destroy() };
  }
  const pglite = await PGlite.create(opts.dataDir, opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  const db = new Kysely<CoreDatabase>({ dialect: new PostgresDialect({ pool }), log });
  return {
    db,
    engine: "pglite",
    async close() {
      await db.destroy();
      await pglite.close();
    },
    dumpDataDir: async () => (await pglite.dumpDataDir("none")) as Blob,
  };
}
