import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { pino } from "pino";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { seedDemo } from "../../db/seed/demo";
import { PLATFORM_SCOPE, withScope } from "../../db/scope";
import { startAuditTrail } from "../../app/core/audit/start.server";
import { loadConfig } from "../../app/core/config.server";
import { createServices, type Services } from "../../app/server/services.server";
import { syncTenants } from "../../app/core/tenancy/sync.server";
import { discoverPlugins } from "../../app/plugin-host/discover";
import { migratePlugins } from "../../app/plugin-host/migrate";
import { seedPlugins } from "../../app/plugin-host/seed.server";
import { createHttpServer } from "../../app/server/http";
import { loadTenantDefinitions } from "../../tenants/load";
import { TEST_AUDIT_KEY } from "../helpers/audit-key";
import { loadBuild } from "../helpers/build";

/** A log line at level error or above: a request the server failed on. */
export interface ServerError {
  requestId: string | undefined;
  msg: string;
  err: string | undefined;
}

export interface AttackServer {
  baseUrl: string;
  port: number;
  engine: DatabaseHandle["engine"];
  handle: DatabaseHandle;
  services: Services;
  build: Awaited<ReturnType<typeof loadBuild>>["build"];
  /** Errors the server logged, and exceptions no handler caught (each would have ended the process). */
  errors: ServerError[];
  crashes: string[];
  /** A fresh session of a demo account, as the `gk_session` cookie value. */
  sessionOf(username: string): Promise<string>;
  userId(username: string): string;
  tenantId(code: string): string;
  close(): Promise<void>;
}

/**
 * On PostgreSQL, a database of its own: the run's shared database is also used by other files
 * (tenants-sync.test.ts syncs and renames the same demo tenants), which would make the suite's
 * before/after fingerprints of an office flaky and its demo usernames collide.
 */
async function ownPostgresDatabase(runUrl: string) {
  const name = `gongkai_attack_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: runUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  } finally {
    await admin.end();
  }
  const url = new URL(runUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: runUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

function captureLogs(errors: ServerError[]) {
  return {
    write(line: string) {
      const entry = JSON.parse(line) as { level: number; msg: string; requestId?: string; err?: { message?: string; stack?: string } };
      if (entry.level >= 50) errors.push({ requestId: entry.requestId, msg: entry.msg, err: entry.err?.stack ?? entry.err?.message });
    },
  };
}

/**
 * The production build served by the real HTTP stack (`createHttpServer`) on a free port, over a
 * fresh database set up as `npm start` sets it up: migrations, the demo tenants, the demo
 * accounts and every plugin's demo data.
 */
export async function startAttackServer(): Promise<AttackServer> {
  const runUrl = inject("databaseUrl");
  const ownDb = runUrl ? await ownPostgresDatabase(runUrl) : null;
  const handle = await openDatabase({ url: ownDb?.url, dataDir: "memory://" });
  const plugins = await discoverPlugins();
  await migrateToLatest(handle.db);
  await migratePlugins(handle.db, plugins);
  const anchors = mkdtempSync(join(tmpdir(), "gongkai-attack-"));
  await startAuditTrail(handle.db, { key: TEST_AUDIT_KEY, anchorFile: join(anchors, "audit-anchors.log") });
  await syncTenants(handle.db, await loadTenantDefinitions());
  await seedDemo(handle.db, { password: `Attack-${randomBytes(6).toString("hex")}-1`, plugins });

  const errors: ServerError[] = [];
  const crashes: string[] = [];
  // Many sign-in attempts come from one address here; the limit is not what is under attack.
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "info", LOGIN_RATE_LIMIT: "1000000" });
  const logger = pino({ level: "info" }, captureLogs(errors));
  const services = await createServices({ db: handle.db, engine: handle.engine, config, logger, plugins, dataKey: randomBytes(32) });
  await seedPlugins(services);

  // In production an exception that escapes every handler ends the process: record it, so that
  // "the server still answers" is checked as it would be there.
  const onCrash = (error: unknown) => crashes.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.on("uncaughtException", onCrash);

  const { build, clientDir } = await loadBuild();
  const server: Server = await new Promise((resolve) => {
    const s = createHttpServer(services, { build, clientDir }).listen(0, "127.0.0.1", () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;

  const users = new Map(
    (await withScope(handle.db, PLATFORM_SCOPE, (trx) => trx.selectFrom("users").select(["id", "username"]).execute())).map((u) => [u.username, u.id]),
  );
  const userId = (username: string) => {
    const id = users.get(username);
    if (!id) throw new Error(`attack: no demo account ${username}`);
    return id;
  };
  const tenantId = (code: string) => {
    const t = services.tenants.byCode(code);
    if (!t) throw new Error(`attack: no tenant ${code}`);
    return t.id;
  };

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    engine: handle.engine,
    handle,
    services,
    build,
    errors,
    crashes,
    sessionOf: (username) => services.sessions.create(userId(username), { ip: "127.0.0.1", userAgent: "attack-suite" }),
    userId,
    tenantId,
    async close() {
      process.off("uncaughtException", onCrash);
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await handle.close();
      await ownDb?.drop();
      rmSync(anchors, { recursive: true, force: true });
    },
  };
}
