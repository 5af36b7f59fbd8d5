import { appendFileSync } from "node:fs";
import type { LogEvent } from "kysely";
import { pino } from "pino";
import { ConfigError, loadConfig } from "../core/config.server";
import { auditAnchorFile } from "../core/audit/anchor-file.server";
import { startAuditTrail } from "../core/audit/start.server";
import { loadAuditKey } from "../core/crypto/audit-key.server";
import { loadDataKey } from "../core/crypto/data-key.server";
import { createServices } from "./services.server";
import { syncTenants } from "../core/tenancy/sync.server";
import { openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { seedDemo } from "../../db/seed/demo";
import { loadTenantDefinitions } from "../../tenants/load";
import { discoverPlugins, PluginError } from "../plugin-host/discover";
import { migratePlugins } from "../plugin-host/migrate";
import { seedPlugins } from "../plugin-host/seed.server";
import { printDemoBanner } from "./banner";
import { connectingRole, connectingRoleProblem } from "./connecting-role";
import { createHttpServer, type BuildSource } from "./http";

let config;
let dataKey;
let auditKey;
try {
  config = loadConfig();
  dataKey = await loadDataKey(config);
  auditKey = await loadAuditKey(config, dataKey);
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
/**
 * The embedded demo (PGlite with the demo accounts, what `npm start` gives a newcomer) is nobody's
 * deployment: its console shows the banner (address and accounts) and what goes wrong, not a JSON
 * line per start-up step and request. LOG_LEVEL, when given, still decides; an operator's server
 * (PostgreSQL, or no demo accounts) logs at info by default.
 */
const embeddedDemo = config.GONGKAI_DEMO && !config.DATABASE_URL;
const logger = pino({ level: process.env.LOG_LEVEL || !embeddedDemo ? config.LOG_LEVEL : "warn" });
const production = config.NODE_ENV === "production";

let plugins;
try {
  plugins = await discoverPlugins();
} catch (e) {
  if (e instanceof PluginError) {
    console.error(`Cannot start: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
/** GONGKAI_SQL_TRACE: every statement as a JSON line, for the benchmarks' baseline to replay (bytes as a Buffer's JSON). */
function sqlTrace(file: string) {
  const value = (_: string, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toJSON() : typeof v === "bigint" ? v.toString() : v);
  return (event: LogEvent) =>
    appendFileSync(file, `${JSON.stringify({ sql: event.query.sql, parameters: event.query.parameters, ...(event.level === "error" ? { error: true } : {}) }, value)}\n`);
}
const observe = config.GONGKAI_SQL_TRACE ? sqlTrace(config.GONGKAI_SQL_TRACE) : undefined;
const handle = await openDatabase({ url: config.DATABASE_URL, dataDir: config.GONGKAI_DATA_DIR, observe });
if (production && handle.engine === "postgres") {
  const problem = connectingRoleProblem(await connectingRole(handle.db));
  if (problem) {
    console.error(problem);
    await handle.close();
    process.exit(1);
  }
}
await migrateToLatest(handle.db);
await migratePlugins(handle.db, plugins);
// Before anything writes audit events: installs the audit key, re-keys an older unkeyed trail once.
const audit = await startAuditTrail(handle.db, { key: auditKey, anchorFile: auditAnchorFile(config) });
if (audit.rekey) {
  const failed = audit.rekey.refused.length > 0;
  logger[failed ? "error" : "warn"]({ rekey: audit.rekey }, failed ? "audit trail: unkeyed chains left unkeyed, see npm run audit:verify" : "audit trail re-keyed with HMAC-SM3");
}
const sync = await syncTenants(handle.db, await loadTenantDefinitions());
logger.info({ created: sync.created, updated: sync.updated.map((u) => u.code) }, "tenants synced");
const demo = config.GONGKAI_DEMO ? await seedDemo(handle.db, { password: config.GONGKAI_DEMO_PASSWORD, plugins }) : null;

const services = await createServices({ db: handle.db, engine: handle.engine, config, logger, plugins, dataKey });
if (demo) logger.info({ seeded: await seedPlugins(services) }, "plugin demo data");

async function buildSource(): Promise<BuildSource> {
  if (production) {
    const clientDir = new URL("../../build/client", import.meta.url).pathname;
    const build = await import(new URL("../../build/server/index.js", import.meta.url).href);
    return { build, clientDir };
  }
  const vite = await import("vite");
  return { vite: await vite.createServer({ server: { middlewareMode: true } }) };
}

/** Anchors every audit chain's head in the platform chain, the anchor file and the log (outside the database). */
async function anchorAudit() {
  try {
    const heads = await audit.anchorer.anchor();
    if (heads.length) logger.info({ heads }, "audit chains anchored");
  } catch (err) {
    logger.error({ err }, "audit anchoring failed");
  }
}
await anchorAudit();
const anchoring = setInterval(() => void anchorAudit(), 10 * 60_000);
anchoring.unref();

const source = await buildSource();
const server = createHttpServer(services, source).listen(config.PORT, config.HOST, () => {
  const url = `http://localhost:${config.PORT}`;
  logger.info({ url, engine: handle.engine, mode: production ? "production" : "development" }, "listening");
  // A demo on its own machine has no public address to name.
  if (production && !config.PUBLIC_ORIGIN && !embeddedDemo) {
    logger.warn("PUBLIC_ORIGIN is not set: feeds, the open-data API and canonical links carry relative URLs, except on a tenant's declared host");
  }
  if (demo) printDemoBanner(url, demo, handle.engine);
});

let closing = false;
async function shutdown(signal: string, code = 0) {
  if (closing) return;
  closing = true;
  logger.info({ signal }, "shutting down");
  const force = setTimeout(() => process.exit(1), 10_000).unref();
  clearInterval(anchoring);
  server.close();
  server.closeIdleConnections();
  if ("vite" in source) await source.vite.close();
  await handle.close();
  clearTimeout(force);
  process.exit(code);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

// Request work sends its errors to Express's error handler (app/server/http.ts); these are for what
// still escapes. A promise nobody awaited leaves nothing half-done behind (its transaction rolled
// back, its request answered or timed out), so the server logs it and keeps serving everyone else.
// A throw out of an event handler unwound code Node cannot name, perhaps mid-way through a socket,
// a stream or the database pool: the server logs it and shuts down in order, exit code 1, for the
// supervisor to start it again, rather than serve on from a state nobody checked.
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
process.on("uncaughtException", (err, origin) => {
  logger.fatal({ err, origin }, "uncaught exception: shutting down");
  void shutdown("uncaughtException", 1);
});
