import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

/** Every setting the server reads from its environment, validated once at start. */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  GONGKAI_DATA_DIR: z.string().min(1).default("./data"),
  /** Demo accounts: on by default only on the embedded database, never by default on PostgreSQL (see loadConfig). */
  GONGKAI_DEMO: flag.optional(),
  GONGKAI_DEMO_PASSWORD: z.string().min(8).optional(),
  /** Base64 of 32 random bytes: the master key of field encryption (see app/core/crypto/data-key.server.ts). */
  GONGKAI_DATA_KEY: z
    .string()
    .transform((v) => Buffer.from(v, "base64"))
    .refine((b) => b.length === 32, "base64 of exactly 32 bytes")
    .optional(),
  /** Base64 of 32 random bytes: the key of the audit trail's HMAC-SM3 chains (see app/core/crypto/audit-key.server.ts). */
  GONGKAI_AUDIT_KEY: z
    .string()
    .transform((v) => Buffer.from(v, "base64"))
    .refine((b) => b.length === 32, "base64 of exactly 32 bytes")
    .optional(),
  /** The append-only file the audit chains' heads are anchored in, outside the database; default `<data dir>/audit-anchors.jsonl`. */
  GONGKAI_AUDIT_ANCHOR_FILE: z
    .string()
    .min(1)
    .refine((p) => existsSync(dirname(p)), "its directory must exist")
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(20).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  LOGIN_RATE_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Days a password stays valid (等保 8.1.4.1 a); 0 turns expiry off. */
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  /** A new password may not be any of this many most recent ones (the current one included). */
  PASSWORD_HISTORY: z.coerce.number().int().min(0).max(24).default(5),
  TRUST_PROXY: flag.default(false),
  /** The largest request body accepted (forms with attachments, imports), in MB; larger ones get 413 unread. */
  MAX_BODY_MB: z.coerce.number().int().min(1).max(1024).default(25),
  /**
   * The origin absolute URLs are built from (feeds, open-data API, canonical links), e.g.
   * `https://gongkai.example.gov.cn`; never the request's Host header, which the client chooses.
   */
  PUBLIC_ORIGIN: z
    .url({ protocol: /^https?$/ })
    .refine((v) => !URL.canParse(v) || new URL(v).href === `${new URL(v).origin}/`, "an origin only: scheme, host and port, no path, query or user")
    .transform((v) => new URL(v).origin)
    .optional(),
  /** A file to append every SQL statement to, one JSON line {sql, parameters}: the benchmarks' record/replay baseline. */
  GONGKAI_SQL_TRACE: z
    .string()
    .min(1)
    .refine((p) => existsSync(dirname(p)), "its directory must exist")
    .optional(),
});

export type Config = Omit<z.infer<typeof ConfigSchema>, "GONGKAI_DEMO"> & { GONGKAI_DEMO: boolean };

export class ConfigError extends Error {}

/** Reads and validates the environment; the message names each bad variable and why. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return { ...parsed.data, GONGKAI_DEMO: parsed.data.GONGKAI_DEMO ?? !parsed.data.DATABASE_URL };
}
