import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../app/core/config.server";
import { loadAuditKey } from "../../app/core/crypto/audit-key.server";
import { loadDataKey } from "../../app/core/crypto/data-key.server";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-audit-key-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("the audit key", () => {
  it("is created once for the embedded demo beside the data key, readable by its owner only, and reused", async () => {
    const dir = tempDir();
    const config = loadConfig({ NODE_ENV: "production", GONGKAI_DATA_DIR: dir });
    const dataKey = await loadDataKey(config);
    const first = await loadAuditKey(config, dataKey);
    expect(first).toHaveLength(32);
    expect(first.equals(dataKey)).toBe(false);
    expect(statSync(join(dir, "audit.key")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, "audit.key"), "utf8")).toBe(first.toString("base64"));
    expect((await loadAuditKey(config, dataKey)).equals(first)).toBe(true);
  });

  it("comes from GONGKAI_AUDIT_KEY in production on PostgreSQL, and its absence stops the start", async () => {
    const key = randomBytes(32);
    const url = "postgres://db.example/gongkai";
    const env = { NODE_ENV: "production", DATABASE_URL: url, GONGKAI_DATA_KEY: randomBytes(32).toString("base64") };
    expect((await loadAuditKey(loadConfig({ ...env, GONGKAI_AUDIT_KEY: key.toString("base64") }))).equals(key)).toBe(true);
    await expect(loadAuditKey(loadConfig(env))).rejects.toThrow(/GONGKAI_AUDIT_KEY: required with DATABASE_URL in production/);
    expect(() => loadConfig({ GONGKAI_AUDIT_KEY: randomBytes(16).toString("base64") })).toThrow(/GONGKAI_AUDIT_KEY: base64 of exactly 32 bytes/);
  });

  it("must differ from the data key", async () => {
    const same = randomBytes(32).toString("base64");
    await expect(loadAuditKey(loadConfig({ GONGKAI_DATA_KEY: same, GONGKAI_AUDIT_KEY: same }))).rejects.toThrow(/GONGKAI_AUDIT_KEY: must differ from the data key/);
    const dir = tempDir();
    const config = loadConfig({ GONGKAI_DATA_DIR: dir });
    const dataKey = await loadDataKey(config);
    writeFileSync(join(dir, "audit.key"), dataKey.toString("base64"));
    await expect(loadAuditKey(config, dataKey)).rejects.toThrow(/must differ from the data key/);
  });

  it("refuses a key file that does not hold 32 bytes instead of replacing it", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "audit.key"), "c2hvcnQ=");
    await expect(loadAuditKey(loadConfig({ GONGKAI_DATA_DIR: dir }))).rejects.toThrow(/audit\.key must hold base64 of exactly 32 bytes/);
    expect(readFileSync(join(dir, "audit.key"), "utf8")).toBe("c2hvcnQ=");
  });
});
