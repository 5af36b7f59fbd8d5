import { createHash } from "node:crypto";

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

export function eventHash(e: ChainedFields, prevHash: string): string {
  const material = canonicalJson([
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
  return createHash("sha256").update(material).digest("hex");
}
