import { describe, expect, it } from "vitest";
import { canonicalJson, eventHash, GENESIS_HASH, type ChainedFields } from "../../app/core/audit/chain";

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

describe("audit hash", () => {
  it("does not depend on key order (jsonb reorders keys)", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: "三" } })).toBe(canonicalJson({ a: { c: "三", d: [1, 2] }, b: 1 }));
    expect(eventHash(event, GENESIS_HASH)).toBe(eventHash({ ...event, data: { a: { c: "三", d: [1, 2] }, b: 1 } }, GENESIS_HASH));
  });

  it("changes when any covered field or the previous hash changes", () => {
    const base = eventHash(event, GENESIS_HASH);
    expect(eventHash({ ...event, outcome: "failure" }, GENESIS_HASH)).not.toBe(base);
    expect(eventHash({ ...event, data: { b: 2 } }, GENESIS_HASH)).not.toBe(base);
    expect(eventHash({ ...event, at: new Date("2026-01-02T03:04:05.679Z") }, GENESIS_HASH)).not.toBe(base);
    expect(eventHash(event, "f".repeat(64))).not.toBe(base);
  });
});
