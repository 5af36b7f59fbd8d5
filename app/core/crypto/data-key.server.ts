import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Config } from "../config.server";
import { ConfigError } from "../config.server";

/**
 * The master key for field encryption. Production on PostgreSQL takes it from `GONGKAI_DATA_KEY`
 * (base64 of 32 bytes, kept in the deployment's secret store, never in the database) and refuses
 * to start without it. The embedded demo keeps one next to its database (`<data dir>/data.key`,
 * readable by its owner only), created on first start.
 */
export async function loadDataKey(config: Config): Promise<Buffer> {
  if (config.GONGKAI_DATA_KEY) return config.GONGKAI_DATA_KEY;
  if (config.DATABASE_URL && config.NODE_ENV === "production") {
    throw new ConfigError("Invalid configuration:\n  GONGKAI_DATA_KEY: required with DATABASE_URL in production (base64 of 32 random bytes)");
  }
  const file = join(config.GONGKAI_DATA_DIR, "data.key");
  try {
    return Buffer.from((await readFile(file, "utf8")).trim(), "base64");
  } catch {
    const key = randomBytes(32);
    await mkdir(config.GONGKAI_DATA_DIR, { recursive: true });
    await writeFile(file, key.toString("base64"), { mode: 0o600 });
    await chmod(file, 0o600);
    return key;
  }
}
