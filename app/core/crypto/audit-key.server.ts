import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Config } from "../config.server";
import { ConfigError } from "../config.server";

function invalid(message: string): ConfigError {
  return new ConfigError(`Invalid configuration:\n  GONGKAI_AUDIT_KEY: ${message}`);
}

/**
 * The key of the audit trail's HMAC-SM3 chains. Production on PostgreSQL takes it from
 * `GONGKAI_AUDIT_KEY` (base64 of 32 bytes, in the secret store beside the data key, never in the
 * database, whose superuser must not be able to re-hash a chain) and refuses to start without it.
 * The embedded demo keeps one next to its database (`<data dir>/audit.key`, readable by its owner
 * only), created on first start. It must differ from the data key: one leaked key must not give
 * both the personal data and the power to rewrite history.
 */
export async function loadAuditKey(config: Config, dataKey?: Buffer): Promise<Buffer> {
  const key = config.GONGKAI_AUDIT_KEY ?? (await embeddedKey(config));
  if ((dataKey && key.equals(dataKey)) || (config.GONGKAI_DATA_KEY && key.equals(config.GONGKAI_DATA_KEY))) {
    throw invalid("must differ from the data key (GONGKAI_DATA_KEY); generate another with `openssl rand -base64 32`");
  }
  return key;
}

async function embeddedKey(config: Config): Promise<Buffer> {
  if (config.DATABASE_URL && config.NODE_ENV === "production") {
    throw invalid("required with DATABASE_URL in production (base64 of 32 random bytes)");
  }
  const file = join(config.GONGKAI_DATA_DIR, "audit.key");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    const key = randomBytes(32);
    await mkdir(config.GONGKAI_DATA_DIR, { recursive: true });
    // `wx`: never replace a key another process has just written.
    await writeFile(file, key.toString("base64"), { mode: 0o600, flag: "wx" });
    await chmod(file, 0o600);
    return key;
  }
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== 32) throw invalid(`${file} must hold base64 of exactly 32 bytes`);
  return key;
}
