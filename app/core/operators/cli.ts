import { userInfo } from "node:os";
import { sql, type Kysely } from "kysely";
import { openDatabase } from "../../../db/client";
import { CORE_MIGRATION_TABLE } from "../../../db/migrate";
import type { CoreDatabase } from "../../../db/schema";
import { auditAnchorFile } from "../audit/anchor-file.server";
import { startAuditTrail } from "../audit/start.server";
import { ConfigError, loadConfig } from "../config.server";
import { loadAuditKey } from "../crypto/audit-key.server";
import { runPlatformCommand } from "./commands.server";

/**
 * `npm run platform -- <command>`: the operator's command line for the three platform
 * administrators. The actor recorded is the person at the keyboard (through sudo too).
 */
const REQUIRED_MIGRATION = "0014_separation_of_duties";

async function migrated(db: Kysely<CoreDatabase>): Promise<boolean> {
  try {
    const rows = await sql<{ name: string }>`SELECT name FROM ${sql.table(CORE_MIGRATION_TABLE)} WHERE name = ${REQUIRED_MIGRATION}`.execute(db);
    return rows.rows.length > 0;
  } catch {
    return false;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

let config;
let auditKey;
try {
  config = loadConfig();
  auditKey = await loadAuditKey(config);
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  process.exit(2);
}
const operator = `operator:${process.env.SUDO_USER || userInfo().username}`;
const handle = await openDatabase({ url: config.DATABASE_URL, dataDir: config.GONGKAI_DATA_DIR });
try {
  if (!(await migrated(handle.db))) {
    console.error("The database is not migrated yet: run npm run db:migrate first (with the same DATABASE_URL or GONGKAI_DATA_DIR).");
    process.exitCode = 1;
  } else {
    // Its commands are audited: the audit key must be installed before the first event.
    await startAuditTrail(handle.db, { key: auditKey, anchorFile: auditAnchorFile(config) });
    process.exitCode = await runPlatformCommand(handle.db, operator, process.argv.slice(2), {
      out: (line) => console.log(line),
      err: (line) => console.error(line),
      readStdin,
    });
  }
} finally {
  await handle.close();
}
