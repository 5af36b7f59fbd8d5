import { userInfo } from "node:os";
import { openDatabase } from "../../../db/client";
import { auditAnchorFile } from "../audit/anchor-file.server";
import { startAuditTrail } from "../audit/start.server";
import { ConfigError, loadConfig } from "../config.server";
import { loadAuditKey } from "../crypto/audit-key.server";
import { runPlatformCommand } from "./commands.server";
import { readyForOperators } from "./migrated.server";

/**
 * `npm run platform -- <command>`: the operator's command line for the three platform
 * administrators. The actor recorded is the person at the keyboard (through sudo too).
 */

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
  if (!(await readyForOperators(handle.db))) {
    console.error("The database is not migrated yet: run npm run db:migrate first (with the same DATABASE_URL or GONGKAI_DATA_DIR).");
    process.exitCode = 1;
  } else {
    // Its commands are audited: the audit key must be installed before the first event.
    await startAuditTrail(handle.db, { key: auditKey, anchorFile: auditAnchorFile(config) });
    process.exitCode = await runPlatformCommand(handle.db, operator, process.argv.slice(2), {
      out: (line) => console.log(line),
      err: (line) => console.error(line),
      readStdin,
    }, { passwordHistory: config.PASSWORD_HISTORY });
  }
} finally {
  await handle.close();
}
