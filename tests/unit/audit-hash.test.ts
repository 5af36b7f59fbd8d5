import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, GENESIS_HASH, KeyedChainHasher, legacyChainHasher, type ChainedFields } from "../../app/core/audit/chain";
import { auditHasher, AuditKeyMissingError, installAuditKey } from "../../app/core/audit/hasher";
import { walkChain, type StoredEvent } from "../../app/core/audit/walk";
import { TEST_AUDIT_KEY } from "../helpers/audit-key";

const event: ChainedFields = {
  tenant_id: "00000000-0000-0000-0000-000000000001",
  seq: 1,
  at: new Date("2026-01-02T03:04:05.678Z"),
  actor_id: null,
  actor_name: "a",
  action: "x.y",
  target_type: null,
  target_id: null,
  outcome: "success",
  ip: "127.0.0.1",
  request_id: null,
  data: { b: 1, a: { d: [1, 2], c: "三" } },
};
const keyed = new KeyedChainHasher(TEST_AUDIT_KEY);

describe("audit hash", () => {
  it("does not depend on key order (jsonb reorders keys)", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: "三" } })).toBe(canonicalJson({ a: { c: "三", d: [1, 2] }, b: 1 }));
    expect(keyed.hash(event, GENESIS_HASH)).toBe(keyed.hash({ ...event, data: { a: { c: "三", d: [1, 2] }, b: 1 } }, GENESIS_HASH));
  });

  it("changes when any covered field or the previous hash changes", () => {
    const base = keyed.hash(event, GENESIS_HASH);
    expect(keyed.hash({ ...event, outcome: "failure" }, GENESIS_HASH)).not.toBe(base);
    expect(keyed.hash({ ...event, data: { b: 2 } }, GENESIS_HASH)).not.toBe(base);
    expect(keyed.hash({ ...event, at: new Date("2026-01-02T03:04:05.679Z") }, GENESIS_HASH)).not.toBe(base);
    expect(keyed.hash(event, "f".repeat(64))).not.toBe(base);
  });

  it("is HMAC-SM3 under the audit key: another key, or plain SHA-256 as before, gives another hash", () => {
    const material = canonicalJson(["00000000-0000-0000-0000-000000000001", 1, "2026-01-02T03:04:05.678Z", null, "a", "x.y", null, null, "success", "127.0.0.1", null, event.data, GENESIS_HASH]);
    const base = keyed.hash(event, GENESIS_HASH);
    expect(base).toBe(createHmac("sm3", TEST_AUDIT_KEY).update(material).digest("hex"));
    expect(legacyChainHasher.hash(event, GENESIS_HASH)).toBe(createHash("sha256").update(material).digest("hex"));
    expect(new KeyedChainHasher(Buffer.alloc(32, 1)).hash(event, GENESIS_HASH)).not.toBe(base);
    expect(() => new KeyedChainHasher(Buffer.alloc(16))).toThrow(/32 bytes/);
  });

  it("fails closed when no key is installed", () => {
    const slot = Symbol.for("gongkai.audit.hasher");
    const installed = (globalThis as Record<symbol, unknown>)[slot];
    delete (globalThis as Record<symbol, unknown>)[slot];
    try {
      expect(() => auditHasher()).toThrow(AuditKeyMissingError);
    } finally {
      (globalThis as Record<symbol, unknown>)[slot] = installed;
    }
    expect(installAuditKey(TEST_AUDIT_KEY).hash(event, GENESIS_HASH)).toBe(keyed.hash(event, GENESIS_HASH));
  });
});

describe("walkChain", () => {
  const chain = (n: number): StoredEvent[] => {
    let prev = GENESIS_HASH;
    return Array.from({ length: n }, (_, i) => {
      const e = { ...event, seq: i + 1, data: { i } };
      const hash = keyed.hash(e, prev);
      const stored = { ...e, prev_hash: prev, hash };
      prev = hash;
      return stored;
    });
  };

  it("holds for an intact chain and names the first missing, relinked or altered event", () => {
    expect(walkChain(chain(4), keyed)).toMatchObject({ length: 4, broken: null });
    const gap = chain(4).filter((e) => e.seq !== 2);
    expect(walkChain(gap, keyed).broken).toEqual({ seq: 2, reason: "missing" });
    const relinked = chain(4);
    relinked[2] = { ...relinked[2]!, prev_hash: "e".repeat(64) };
    expect(walkChain(relinked, keyed).broken).toEqual({ seq: 3, reason: "relinked" });
    const altered = chain(4);
    altered[1] = { ...altered[1]!, actor_name: "b" };
    const walk = walkChain(altered, keyed);
    expect(walk.broken).toEqual({ seq: 2, reason: "altered" });
    expect([...walk.intact.keys()]).toEqual([1]);
    expect(walkChain(chain(3), legacyChainHasher).broken).toEqual({ seq: 1, reason: "altered" });
  });
});
