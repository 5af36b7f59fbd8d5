import type { Kysely } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { AuditAnchorer, readChainHeads } from "./anchor.server";
import { legacyChainHasher, type ChainHasher } from "./chain";
import { installAuditKey } from "./hasher";
import { rekeyAuditChains, type RekeyReport } from "./rekey.server";

export interface AuditTrail {
  hasher: ChainHasher;
  /** Appends the chains' heads to the anchor file: at start and every 10 minutes in the server. */
  anchorer: AuditAnchorer;
  /** What the one-time re-keying did, when a chain was still unkeyed; null otherwise. */
  rekey: RekeyReport | null;
}

/**
 * Every process that writes audit events calls this once, after migrating and before writing:
 * it installs the audit key for `recordAudit`, and re-keys the unkeyed SHA-256 chains of earlier
 * versions (see rekey.server.ts) when a chain's head is still unkeyed. On a keyed database that
 * costs one query and one hash per chain.
 */
export async function startAuditTrail(db: Kysely<CoreDatabase>, options: { key: Buffer; anchorFile: string }): Promise<AuditTrail> {
  const hasher = installAuditKey(options.key);
  const anchorer = new AuditAnchorer(db, options.anchorFile);
  const unkeyed = (await readChainHeads(db)).filter((h) => hasher.hash(h, h.prev_hash) !== h.hash && legacyChainHasher.hash(h, h.prev_hash) === h.hash);
  if (unkeyed.length === 0) return { hasher, anchorer, rekey: null };
  const rekey = await rekeyAuditChains(db, { hasher, anchorFile: options.anchorFile });
  if (rekey.rekeyed.length) await anchorer.anchor();
  return { hasher, anchorer, rekey };
}
