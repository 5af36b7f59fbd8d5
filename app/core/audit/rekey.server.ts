import { sql, type Kysely, type Transaction } from "kysely";
import { PLATFORM_CHAIN } from "../../../db/roles";
import type { CoreDatabase } from "../../../db/schema";
import { readAnchorFile } from "./anchor-file.server";
import { ANCHOR_ACTION, PLATFORM_CODE, type ChainHeads } from "./anchor.server";
import { GENESIS_HASH, legacyChainHasher, type ChainHasher } from "./chain";
import { appendAuditEvent } from "./record.server";
import { walkChain, type StoredEvent } from "./walk";

/** Recorded in the platform chain when chains were re-keyed; in-database anchors before it hold SHA-256 heads. */
export const REKEY_ACTION = "audit.rekey";
export const REKEY_REFUSED_ACTION = "audit.rekey_refused";

export interface RekeyReport {
  /** Chains whose SHA-256 links all held, now keyed. */
  rekeyed: { tenantId: string; code: string | null; events: number }[];
  /** Unkeyed chains left as they are: their SHA-256 chain was broken (or, with `alreadyKeyed`, every unkeyed chain). */
  refused: { tenantId: string; code: string | null; seq: number; reason: string }[];
  /**
   * Why nothing was re-keyed although unkeyed chains exist: this installation already switched to
   * keyed chains (keyed events in the database, or anchors in the anchor file), so an unkeyed chain
   * now was written by someone without the key.
   */
  alreadyKeyed: string | null;
}

type Chain = { tenantId: string; code: string | null; events: StoredEvent[] };

const BATCH = 500;

async function rewriteHashes(trx: Transaction<CoreDatabase>, chain: Chain, hasher: ChainHasher): Promise<void> {
  let prev = GENESIS_HASH;
  const links = chain.events.map((e) => {
    const link = { seq: e.seq, prev, hash: hasher.hash(e, prev) };
    prev = link.hash;
    return link;
  });
  for (let i = 0; i < links.length; i += BATCH) {
    const values = sql.join(links.slice(i, i + BATCH).map((l) => sql`(${l.seq}::bigint, ${l.prev}, ${l.hash})`));
    await sql`UPDATE audit_events AS e SET prev_hash = v.prev, hash = v.hash
      FROM (VALUES ${values}) AS v (seq, prev, hash)
      WHERE e.tenant_id = ${chain.tenantId} AND e.seq = v.seq`.execute(trx);
  }
}

/** Legacy in-database anchors (SHA-256 heads in the platform chain's `audit.anchor` events), per chain. */
function legacyAnchors(platform: StoredEvent[]): Map<string, { seq: number; hash: string }[]> {
  const byChain = new Map<string, { seq: number; hash: string }[]>();
  for (const e of platform.filter((p) => p.action === ANCHOR_ACTION)) {
    for (const [id, head] of Object.entries((e.data as { heads?: ChainHeads }).heads ?? {})) byChain.set(id, [...(byChain.get(id) ?? []), head]);
  }
  return byChain;
}

async function classify(trx: Transaction<CoreDatabase>, hasher: ChainHasher) {
  const codes = new Map((await trx.selectFrom("tenants").select(["id", "code"]).execute()).map((t) => [t.id, t.code]));
  codes.set(PLATFORM_CHAIN, PLATFORM_CODE);
  const ids = (await trx.selectFrom("audit_events").select("tenant_id").distinct().execute()).map((r) => r.tenant_id);
  const chains: Chain[] = [];
  for (const tenantId of ids.sort((a, b) => (a === PLATFORM_CHAIN ? -1 : b === PLATFORM_CHAIN ? 1 : a.localeCompare(b)))) {
    const events = await trx.selectFrom("audit_events").selectAll().where("tenant_id", "=", tenantId).orderBy("seq").execute();
    chains.push({ tenantId, code: codes.get(tenantId) ?? null, events });
  }
  // Any event that hashes under the key shows the switch already happened.
  const keyedEvents = chains.reduce((n, c) => n + c.events.filter((e) => hasher.hash(e, e.prev_hash) === e.hash).length, 0);
  const platform = chains.find((c) => c.tenantId === PLATFORM_CHAIN);
  const platformHolds = platform !== undefined && walkChain(platform.events, legacyChainHasher).broken === null;
  const anchors = platformHolds ? legacyAnchors(platform.events) : new Map<string, { seq: number; hash: string }[]>();
  const intact: Chain[] = [];
  const broken: RekeyReport["refused"] = [];
  for (const chain of chains) {
    const keyed = walkChain(chain.events, hasher);
    // Keyed already (whole, or up to a later break the verifier reports): nothing to re-key.
    if (keyed.broken === null || keyed.broken.seq > 1) continue;
    const walk = walkChain(chain.events, legacyChainHasher);
    const cut = (anchors.get(chain.tenantId) ?? []).find((a) => walk.intact.get(a.seq) !== a.hash);
    const brk = walk.broken ?? (cut ? (cut.seq > walk.length ? { seq: walk.length + 1, reason: "truncated" } : { seq: cut.seq, reason: "diverged" }) : null);
    if (brk) broken.push({ tenantId: chain.tenantId, code: chain.code, ...brk });
    else intact.push(chain);
  }
  return { keyedEvents, intact, broken };
}

/**
 * The one-time switch from the unkeyed SHA-256 chains of earlier versions to HMAC-SM3 under the
 * audit key, run at start by `startAuditTrail` when a chain's head is still unkeyed.
 *
 * No hole: each unkeyed chain is first recomputed with SHA-256 (links, hashes, and the heads anchored
 * in the platform chain); only chains that hold are re-keyed, a broken one is left unkeyed, so the
 * verifier keeps reporting it. It runs once: when the database already holds a keyed event or the
 * anchor file holds an anchor, the switch has happened, and an unkeyed chain can only have been
 * written without the key: nothing is re-keyed, and the verifier reports those chains as `unkeyed`.
 * Everything happens in one transaction of the owner, which lifts the forced row-level security on
 * `audit_events` for its own duration only and holds the table locked against appends meanwhile;
 * the switch itself is recorded in the platform chain (`audit.rekey`).
 */
export async function rekeyAuditChains(db: Kysely<CoreDatabase>, options: { hasher: ChainHasher; anchorFile: string | null }): Promise<RekeyReport> {
  const anchored = options.anchorFile ? (await readAnchorFile(options.anchorFile)).lines : 0;
  return db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_events NO FORCE ROW LEVEL SECURITY`.execute(trx);
    const { keyedEvents, intact, broken } = await classify(trx, options.hasher);
    const report: RekeyReport = { rekeyed: [], refused: broken, alreadyKeyed: null };
    if (keyedEvents > 0 || anchored > 0) {
      report.refused.push(...intact.map((c) => ({ tenantId: c.tenantId, code: c.code, seq: 1, reason: "unkeyed" })));
      report.alreadyKeyed = keyedEvents > 0 ? `${keyedEvents} events in the database are already keyed` : `the anchor file holds ${anchored} anchors`;
    } else {
      for (const chain of intact) {
        await rewriteHashes(trx, chain, options.hasher);
        report.rekeyed.push({ tenantId: chain.tenantId, code: chain.code, events: chain.events.length });
      }
    }
    if (report.rekeyed.length || report.refused.length) {
      await appendAuditEvent(
        trx,
        {
          tenantId: PLATFORM_CHAIN,
          actor: { id: null, name: "system" },
          action: report.rekeyed.length ? REKEY_ACTION : REKEY_REFUSED_ACTION,
          outcome: report.refused.length ? "failure" : "success",
          data: { algorithm: "hmac-sm3", previous: "sha256", ...report },
        },
        options.hasher,
      );
    }
    await sql`ALTER TABLE audit_events FORCE ROW LEVEL SECURITY`.execute(trx);
    return report;
  });
}
