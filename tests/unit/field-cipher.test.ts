import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../app/core/config.server";
import { loadDataKey } from "../../app/core/crypto/data-key.server";
import { FieldCipher, TamperedValueError } from "../../app/core/crypto/field-cipher";

const ID = "110101199003074514";

describe("field encryption (SM4-CTR + HMAC-SM3)", () => {
  const cipher = new FieldCipher(randomBytes(32));

  it("seals a value so that the stored form shows nothing of it, and opens it again", () => {
    const sealed = cipher.seal(`张三 ${ID}`, "requests:t1");
    expect(sealed).toMatch(/^sm4ctr1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain(ID);
    expect(cipher.seal(`张三 ${ID}`, "requests:t1")).not.toBe(sealed); // a fresh IV each time
    expect(cipher.open(sealed, "requests:t1")).toBe(`张三 ${ID}`);
  });

  it("refuses a value altered, sealed for another tenant, or under another key", () => {
    const sealed = cipher.seal(ID, "requests:t1");
    const [v, iv, ct, tag] = sealed.split(".");
    const flipped = Buffer.from(ct!, "base64url");
    flipped[0]! ^= 1;
    expect(() => cipher.open([v, iv, flipped.toString("base64url"), tag].join("."), "requests:t1")).toThrow(TamperedValueError);
    expect(() => cipher.open(sealed, "requests:t2")).toThrow(TamperedValueError);
    expect(() => new FieldCipher(randomBytes(32)).open(sealed, "requests:t1")).toThrow(TamperedValueError);
    expect(() => cipher.open("not sealed", "requests:t1")).toThrow(TamperedValueError);
  });

  it("gives a stable, context-bound blind index for lookups", () => {
    const a = cipher.blindIndex(ID, "requests:t1");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.blindIndex(ID, "requests:t1")).toBe(a);
    expect(cipher.blindIndex(ID, "requests:t2")).not.toBe(a);
    expect(cipher.blindIndex("110101199003074522", "requests:t1")).not.toBe(a);
  });
});

describe("the data key", () => {
  it("is created once for the embedded demo, readable by its owner only, and reused", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gongkai-key-"));
    const config = loadConfig({ NODE_ENV: "production", GONGKAI_DATA_DIR: dir });
    const first = await loadDataKey(config);
    expect(first).toHaveLength(32);
    expect(statSync(join(dir, "data.key")).mode & 0o777).toBe(0o600);
    expect((await loadDataKey(config)).equals(first)).toBe(true);
    expect(readFileSync(join(dir, "data.key"), "utf8")).toBe(first.toString("base64"));
  });

  it("comes from GONGKAI_DATA_KEY in production on PostgreSQL, and its absence stops the start", async () => {
    const key = randomBytes(32);
    const url = "postgres://db.example/gongkai";
    expect((await loadDataKey(loadConfig({ NODE_ENV: "production", DATABASE_URL: url, GONGKAI_DATA_KEY: key.toString("base64") }))).equals(key)).toBe(true);
    await expect(loadDataKey(loadConfig({ NODE_ENV: "production", DATABASE_URL: url }))).rejects.toThrow(/GONGKAI_DATA_KEY: required/);
    expect(() => loadConfig({ GONGKAI_DATA_KEY: randomBytes(16).toString("base64") })).toThrow(/GONGKAI_DATA_KEY: base64 of exactly 32 bytes/);
  });
});
