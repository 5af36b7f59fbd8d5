import { openDatabase } from "../../../db/client";
import { loadConfig } from "../config.server";
import { verifyAuditChains } from "./verify.server";

/** `npm run audit:verify`: exits 1 and names the first broken event of each chain. */
const config = loadConfig();
const handle = await openDatabase({ url: config.DATABASE_URL, dataDir: config.GONGKAI_DATA_DIR });
try {
  const report = await verifyAuditChains(handle.db);
  for (const b of report.breaks) {
    console.error(`BROKEN: chain ${b.tenantId}, event #${b.seq}: ${b.reason}`);
  }
  console.log(`${report.events} events in ${report.chains} chains checked; ${report.breaks.length} broken.`);
  process.exitCode = report.breaks.length ? 1 : 0;
} finally {
  await handle.close();
}
