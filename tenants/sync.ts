import { auditAnchorFile } from "../app/core/audit/anchor-file.server";
import { startAuditTrail } from "../app/core/audit/start.server";
import { loadConfig } from "../app/core/config.server";
import { loadAuditKey } from "../app/core/crypto/audit-key.server";
import { syncTenants } from "../app/core/tenancy/sync.server";
import { openDatabase } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { loadTenantDefinitions } from "./load";

/** `npm run tenants:sync`: applies tenants/*.tenant.ts to the database and says what changed. */
const config = loadConfig();
const handle = await openDatabase({ url: config.DATABASE_URL, dataDir: config.GONGKAI_DATA_DIR });
try {
  await migrateToLatest(handle.db);
  await startAuditTrail(handle.db, { key: await loadAuditKey(config), anchorFile: auditAnchorFile(config) });
  const report = await syncTenants(handle.db, await loadTenantDefinitions());
  for (const code of report.created) console.log(`created   ${code}`);
  for (const u of report.updated) console.log(`updated   ${u.code} (${u.fields.join(", ")})`);
  for (const code of report.undeclared) console.log(`kept      ${code} (no longer defined in tenants/; its data stays)`);
  console.log(`${report.created.length} created, ${report.updated.length} updated, ${report.unchanged.length} unchanged.`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await handle.close();
}
