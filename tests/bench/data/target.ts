import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import type { BenchSpec } from "./spec";

/**
 * Where bench data lives: a PGlite directory `tests/bench/.data/<preset>-s<seed>/` (its data key in
 * `data.key` inside, where the server looks for it), or a PostgreSQL database
 * `gongkai_bench_<preset>_s<seed>` (its key in `tests/bench/.data/<database>.key`); the manifest
 * is `tests/bench/.data/<name>.json` either way. All of tests/bench/.data/ is gitignored.
 */

export const DATA_ROOT = new URL("../.data/", import.meta.url).pathname;

/** The PostgreSQL server the bench databases are made on (its `postgres` database, for CREATE DATABASE), as a superuser. */
export const postgresServer = () => process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * The bench databases are owned by this role, neither superuser nor BYPASSRLS, because a production
 * server refuses to run as one (README, Running on PostgreSQL); it logs in with the superuser URL's
 * password, if that has one.
 */
const OWNER = "gongkai_bench_owner";

export interface Target {
  name: string;
  manifestFile: string;
  keyFile: string;
  dataDir?: string;
  databaseUrl?: string;
  database?: string;
}

export function targetOf(spec: BenchSpec): Target {
  if (spec.engine === "pglite") {
    const name = `${spec.preset}-s${spec.seed}`;
    const dataDir = join(DATA_ROOT, name);
    return { name, manifestFile: join(DATA_ROOT, `${name}.json`), keyFile: join(dataDir, "data.key"), dataDir };
  }
  const database = `gongkai_bench_${spec.preset}_s${spec.seed}`;
  const url = new URL(postgresServer());
  url.pathname = `/${database}`;
  url.username = OWNER;
  return { name: database, manifestFile: join(DATA_ROOT, `${database}.json`), keyFile: join(DATA_ROOT, `${database}.key`), databaseUrl: url.toString(), database };
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>, database?: string): Promise<T> {
  const url = new URL(postgresServer());
  if (database) url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function targetExists(target: Target): Promise<boolean> {
  if (target.dataDir) return existsSync(join(target.dataDir, "PG_VERSION"));
  const { rowCount } = await admin((c) => c.query("SELECT 1 FROM pg_database WHERE datname = $1", [target.database]));
  return rowCount === 1;
}

/** Removes whatever was there and leaves an empty place: a new directory, or a new C.UTF-8 database. */
export async function recreate(target: Target): Promise<void> {
  await mkdir(DATA_ROOT, { recursive: true });
  await rm(target.manifestFile, { force: true });
  if (target.dataDir) {
    await rm(target.dataDir, { recursive: true, force: true });
    await mkdir(target.dataDir, { recursive: true });
    return;
  }
  const password = new URL(postgresServer()).password;
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${target.database} WITH (FORCE)`);
    // As the README's operator does: the owner, the serving role it may become, the database.
    await c.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${OWNER}') THEN CREATE ROLE ${OWNER} LOGIN NOSUPERUSER NOBYPASSRLS CREATEROLE; END IF;
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gongkai_app') THEN CREATE ROLE gongkai_app NOLOGIN NOSUPERUSER NOBYPASSRLS; END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
    if (password) await c.query(`ALTER ROLE ${OWNER} PASSWORD ${pg.escapeLiteral(decodeURIComponent(password))}`);
    await c.query(`GRANT gongkai_app TO ${OWNER}`);
    await c.query(`CREATE DATABASE ${target.database} OWNER ${OWNER} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  });
  // Search's index under row-level security (migration 0013 asks a superuser for this).
  await admin((c) => c.query("ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF"), target.database);
}

export async function writeKey(target: Target, key: Buffer): Promise<void> {
  await writeFile(target.keyFile, key.toString("base64"), { mode: 0o600 });
  await chmod(target.keyFile, 0o600);
}

export async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as T;
  } catch {
    return null;
  }
}
