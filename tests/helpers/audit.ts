import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { withScope } from "../../db/scope";
import { GENESIS_HASH, type ChainHasher } from "../../app/core/audit/chain";
import { appendAuditEvent, recordAudit } from "../../app/core/audit/record.server";
import type { StoredEvent } from "../../app/core/audit/walk";
import { TEST_AUDIT_KEY } from "./audit-key";
import { uniq } from "./db";

/**
 * A database of the test's own, for tests that act on the whole audit trail (the superuser's
 * rewrite of the platform chain, the re-keying), which must not disturb other test files sharing
 * the run's PostgreSQL database: a fresh PostgreSQL database, or a PGlite data directory that the
 * spawned CLI can open once the test closed its handle. With `ownerRole` (PostgreSQL), the database
 * belongs to a fresh login role that is neither superuser nor BYPASSRLS, as production requires.
 */
export async function ownAuditDatabase(options: { ownerRole?: boolean } = {}) {
  const dir = await mkdtemp(join(tmpdir(), "gongkai-audit-"));
  const server = inject("databaseUrl");
  let url: string | undefined;
  let superuserUrl: string | undefined;
  let owner: string | undefined;
  if (server) {
    const name = `${new URL(server).pathname.slice(1)}_audit_${uniq()}`;
    const u = new URL(server);
    u.pathname = `/${name}`;
    superuserUrl = u.toString();
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    if (options.ownerRole) {
      owner = `${name}_owner`;
      u.username = owner;
      u.password = randomBytes(12).toString("hex");
      await admin.query(`CREATE ROLE ${owner} LOGIN PASSWORD '${u.password}' NOSUPERUSER NOBYPASSRLS`);
      await admin.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gongkai_app') THEN CREATE ROLE gongkai_app NOLOGIN NOSUPERUSER NOBYPASSRLS; END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
      await admin.query(`GRANT gongkai_app TO ${owner}`);
    }
    await admin.query(`CREATE DATABASE ${name} ${owner ? `OWNER ${owner}` : ""} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    await admin.end();
    url = u.toString();
  }
  const open = () => openDatabase({ url, dataDir: dir });
  const first = await open();
  await migrateToLatest(first.db);
  await first.close();
  return {
    dir,
    url,
    anchorFile: join(dir, "audit-anchors.jsonl"),
    open,
    /** The run's superuser on the same database (PostgreSQL), or the same PGlite (whose user is a superuser). */
    openAsSuperuser: () => openDatabase({ url: superuserUrl, dataDir: dir }),
    async drop() {
      if (server && url) {
        const admin = new pg.Client({ connectionString: server });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
        if (owner) await admin.query(`DROP ROLE IF EXISTS ${owner}`);
        await admin.end();
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Appends `n` events to a chain, keyed with the installed test key, or with `hasher` (e.g. SHA-256 as earlier versions did). */
export async function appendEvents(h: DatabaseHandle, tenantId: string, n: number, hasher?: ChainHasher) {
  for (let i = 0; i < n; i++) {
    await withScope(h.db, { tenantId, readTenantIds: [tenantId], userId: null }, (trx) => {
      const event = { tenantId, actor: { id: null, name: "tester" }, action: "test.event", data: { i, nested: { b: 2, a: [1, "二"] } } };
      return hasher ? appendAuditEvent(trx, event, hasher) : recordAudit(trx, event);
    });
  }
}

/**
 * What the database superuser can do without the key: read a chain, change it (edit, delete,
 * reorder), number it again from 1 and re-hash every link with `hasher`, replacing the chain.
 * Runs on the connecting role, outside row-level security.
 */
export async function rewriteChain(h: DatabaseHandle, tenantId: string, hasher: ChainHasher, change: (events: StoredEvent[]) => StoredEvent[] = (e) => e) {
  await h.db.transaction().execute(async (trx) => {
    const events = await trx.selectFrom("audit_events").selectAll().where("tenant_id", "=", tenantId).orderBy("seq").execute();
    let prev = GENESIS_HASH;
    const rewritten = change(events).map((e, i) => {
      const row = { ...e, seq: i + 1, prev_hash: prev };
      row.hash = hasher.hash(row, prev);
      prev = row.hash;
      return row;
    });
    await trx.deleteFrom("audit_events").where("tenant_id", "=", tenantId).execute();
    if (rewritten.length) await trx.insertInto("audit_events").values(rewritten.map((r) => ({ ...r, data: JSON.stringify(r.data) }))).execute();
  });
}

/** Runs `npm run audit:verify` as the operator would, against `db` (a data directory, or a PostgreSQL URL). */
export function runVerifyCli(db: { dir: string; url?: string; anchorFile: string }, env: Record<string, string> = {}) {
  const childEnv = {
    ...process.env,
    GONGKAI_DATA_DIR: db.dir,
    GONGKAI_AUDIT_ANCHOR_FILE: db.anchorFile,
    GONGKAI_AUDIT_KEY: TEST_AUDIT_KEY.toString("base64"),
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    ...env,
  };
  return promisify(execFile)("npx", ["tsx", "app/core/audit/verify-cli.ts"], { env: childEnv }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
}
