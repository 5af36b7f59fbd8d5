import { loadConfig } from "../../app/core/config.server";
import { openDatabase } from "../client";
import { migrateToLatest } from "../migrate";
import { discoverPlugins } from "../../app/plugin-host/discover";
import { migratePlugins } from "../../app/plugin-host/migrate";

const config = loadConfig();
const handle = await openDatabase({ url: config.DATABASE_URL, dataDir: config.GONGKAI_DATA_DIR });
try {
  const applied = [...(await migrateToLatest(handle.db)), ...(await migratePlugins(handle.db, await discoverPlugins()))];
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await handle.close();
}
