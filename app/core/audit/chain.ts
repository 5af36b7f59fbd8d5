import { createHash, createHmac } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** The fields of an audit event that its hash covers, in a fixed order. */
export interface ChainedFields {
  tenant_id: string;
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: "success" | "failure";
  ip: string | null;
  request_id: string | null;
  data: Record<string, unknown>;
}

/** Computes an event's link in its chain from its fields and the previous event's hash. */
export interface ChainHasher {
  hash(e: ChainedFields, prevHash: string): string;
}

/** JSON with object keys sorted, so that jsonb's reordering of keys does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

function material(e: ChainedFields, prevHash: string): string {
  return canonicalJson([
    e.tenant_id,
    e.seq,
    e.at.toISOString(),
    e.actor_id,
    e.actor_name,
    e.action,
    e.target_type,
    e.target_id,
    e.outcome,
    e.ip,
    e.request_id,
    e.data,
    prevHash,
  ]);
}

/**
 * HMAC-SM3 under the audit key, which is kept outside the database: whoever can write the table
 * but lacks the key (the database superuser) cannot produce a chain that verifies.
 */
export class KeyedChainHasher implements ChainHasher {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error("the audit key must be 32 bytes");
    this.#key = Buffer.from(key);
  }

  hash(e: ChainedFields, prevHash: string): string {
    return createHmac("sm3", this.#key).update(material(e, prevHash)).digest("hex");
  }
}

/**
 * The unkeyed SHA-256 chains written before the audit key existed. Anyone could recompute them, so
 * only the one-time re-keying reads them (see rekey.server.ts); the verifier never accepts them.
 */
export const legacyChainHasher: ChainHasher = {
  hash: (e, prevHash) => createHash("sha256").update(material(e, prevHash)).digest("hex"),
};
