import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { ensureBuild } from "../helpers/build";
import { DEMO_PASSWORD } from "./env";
import { cleanEnv, errorLines, exited, freePort, waitForHealth } from "./processes";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** When build/ was last written: the server serves build/client from disk for its whole life. */
function buildStamp(): number {
  try {
    return statSync(join(root, "build/server/index.js")).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * A fresh database on the PostgreSQL server of TEST_DATABASE_URL, owned by a fresh login role that
 * is neither superuser nor BYPASSRLS (production refuses those), as the README tells an operator
 * to set up; returns the owner's URL and a dropper.
 */
async function createDatabase(server: string) {
  const name = `gongkai_e2e_${process.pid}_${Date.now().toString(36)}`;
  const owner = `${name}_owner`;
  const password = randomBytes(18).toString("base64url");
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE ${owner} LOGIN PASSWORD '${password}' NOSUPERUSER NOBYPASSRLS CREATEROLE`);
    // The serving role is cluster-wide: another run may have created it; the owner must be able to SET ROLE to it.
    await admin.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gongkai_app') THEN CREATE ROLE gongkai_app NOLOGIN NOSUPERUSER NOBYPASSRLS; END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
    await admin.query(`GRANT gongkai_app TO ${owner}`);
    await admin.query(`CREATE DATABASE ${name} OWNER ${owner} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  url.username = owner;
  url.password = password;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.query(`DROP ROLE IF EXISTS ${owner}`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * Global setup of the browser tests: builds the app, starts the production server on a free
 * port with a fresh PGlite directory (or, with TEST_DATABASE_URL, a fresh PostgreSQL database),
 * and hands its URL to the tests. Teardown stops it with SIGTERM and insists on a clean exit.
 */
export default async function setup(project: TestProject) {
  // Built once for every test run (the test suite's attack and public-site files build it too, under one lock).
  await ensureBuild();
  const built = buildStamp();

  const dir = mkdtempSync(join(tmpdir(), "gongkai-e2e-"));
  const logPath = join(dir, "server.log");
  const database = process.env.TEST_DATABASE_URL ? await createDatabase(process.env.TEST_DATABASE_URL) : null;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  const logFile = createWriteStream(logPath);
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
    cwd: root,
    env: cleanEnv({
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      GONGKAI_DATA_DIR: join(dir, "data"),
      GONGKAI_DEMO_PASSWORD: DEMO_PASSWORD,
      LOGIN_RATE_LIMIT: "1000",
      // On PostgreSQL production needs the data and audit keys from the environment (fresh ones per run), and demo accounts are asked for.
      ...(database
        ? {
            DATABASE_URL: database.url,
            GONGKAI_DATA_KEY: randomBytes(32).toString("base64"),
            GONGKAI_AUDIT_KEY: randomBytes(32).toString("base64"),
            GONGKAI_DEMO: "true",
          }
        : {}),
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(logFile, { end: false });
  child.stderr!.pipe(logFile, { end: false });
  const log = () => readFileSync(logPath, "utf8");

  const cleanup = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited(child);
    logFile.end();
    await database?.drop();
    if (!process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, log);
  } catch (e) {
    await cleanup();
    throw e;
  }
  project.provide("baseUrl", baseUrl);
  console.log(`e2e: server ${baseUrl} on ${database ? "PostgreSQL" : "PGlite"} (log ${logPath})`);

  return async () => {
    child.kill("SIGTERM");
    const result = await exited(child);
    await new Promise((r) => setImmediate(r));
    const text = log();
    await cleanup();
    if (buildStamp() !== built) {
      console.warn(
        "e2e: build/ was rebuilt by another process during this run; the server's pages then point at assets " +
          "that no longer exist, and 404s for /assets/* in the failures above come from that, not from the app.",
      );
    }
    // vitest 4 only prints an error thrown here ("error during close") and still exits 0.
    const fail = (message: string) => {
      process.exitCode = 1;
      throw new Error(message);
    };
    if (result.code !== 0) fail(`server did not shut down cleanly on SIGTERM (${JSON.stringify(result)}):\n${text.slice(-4000)}`);
    const errors = errorLines(text);
    if (errors.length) fail(`the server logged ${errors.length} error(s) during the browser tests:\n${errors.join("\n")}`);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
