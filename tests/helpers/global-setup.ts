import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import pg from "pg";
import { openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { discoverPlugins } from "../../app/plugin-host/discover";
import { migratePlugins } from "../../app/plugin-host/migrate";

/**
 * With TEST_DATABASE_URL (a PostgreSQL server URL), creates one fresh database for this run
 * with a C.UTF-8 ctype and hands its URL to the test files. Without it, each file gets its own
 * in-memory PGlite, started from one migrated snapshot made here: creating a cluster and running
 * every migration costs seconds per file, loading the snapshot a fraction of one.
 */
export default async function setup(project: TestProject) {
  const server = process.env.TEST_DATABASE_URL;
  return server ? freshPostgresDatabase(project, server) : migratedPgliteSnapshot(project);
}

async function freshPostgresDatabase(project: TestProject, server: string) {
  const name = `gongkai_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  project.provide("databaseUrl", url.toString());
  return async () => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
}

async function migratedPgliteSnapshot(project: TestProject) {
  const handle = await openDatabase({ dataDir: "memory://" });
  await migrateToLatest(handle.db);
  await migratePlugins(handle.db, await discoverPlugins());
  const tarball = await handle.dumpDataDir!();
  await handle.close();
  const dir = mkdtempSync(join(tmpdir(), "gongkai-test-"));
  const file = join(dir, "migrated.tar");
  writeFileSync(file, Buffer.from(await tarball.arrayBuffer()));
  project.provide("pgliteSnapshot", file);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl?: string;
    /** A `dumpDataDir` tarball of a migrated PGlite (core and every plugin), when not on PostgreSQL. */
    pgliteSnapshot?: string;
  }
}
