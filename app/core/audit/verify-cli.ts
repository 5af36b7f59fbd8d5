import { openDatabase } from "../../../db/client";
import { ConfigError, loadConfig } from "../config.server";
import { loadAuditKey } from "../crypto/audit-key.server";
import { auditAnchorFile } from "./anchor-file.server";
import { KeyedChainHasher } from "./chain";
import { describeBreak } from "./describe";
import { verifyAuditChains } from "./verify.server";

/**
 * `npm run audit:verify`: recomputes every chain with the audit key, compares it with the anchors,
 * names each broken office and event, and exits 1 on any break or unreadable anchor line.
 */
let config;
let key;
try {
  config = loadConfig();
  key = await loadAuditKey(config);
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  process.exit(1);
}
const anchorFile = auditAnchorFile(config);
const handle = await openDatabase({ url: config.DATABASE_URL, dataDir: config.GONGKAI_DATA_DIR });
try {
  const report = await verifyAuditChains(handle.db, { hasher: new KeyedChainHasher(key), anchorFile });
  for (const b of report.breaks) console.error(`BROKEN: ${describeBreak(b)}`);
  const file = report.anchorFile!;
  for (const p of file.problems) console.error(`BROKEN: anchor file ${file.path}, line ${p.line}: ${p.message}`);
  if (!file.found) console.warn(`No anchor file at ${file.path} yet: only the platform chain's anchors were compared.`);
  console.log(
    `${report.chains} chains, ${report.events} events and ${report.anchors} anchors checked ` +
      `(anchor file ${file.path}: ${file.lines} lines); ${report.breaks.length + file.problems.length} broken.`,
  );
  process.exitCode = report.breaks.length || file.problems.length ? 1 : 0;
} catch (e) {
  console.error(`Cannot verify the audit trail: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
} finally {
  await handle.close();
}
