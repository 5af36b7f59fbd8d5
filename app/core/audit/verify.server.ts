import type { Kysely } from "kysely";
import { PLATFORM_CHAIN } from "../../../db/roles";
import type { CoreDatabase, LocalizedName } from "../../../db/schema";
import { NO_TENANT, withScope } from "../../../db/scope";
import { readAnchorFile, type AnchorFileScan } from "./anchor-file.server";
import { ANCHOR_ACTION, PLATFORM_CODE, type ChainHeads } from "./anchor.server";
import { legacyChainHasher, type ChainHasher } from "./chain";
import { auditHasher } from "./hasher";
import { REKEY_ACTION } from "./rekey.server";
import { walkChain, type LinkBreak, type StoredEvent } from "./walk";

/**
 * Why a chain does not hold: an event `missing`, `relinked` or `altered` (its hash is not the
 * keyed hash of its content); `unkeyed` (it carries the plain SHA-256 hash anyone can compute:
 * forged, or written before re-keying); `truncated` (the chain ends before a head anchored for it);
 * `diverged` (the chain holds, but its hash at an anchored seq is not the anchored one).
 */
export type BreakReason = LinkBreak | "unkeyed" | "truncated" | "diverged";

export interface ChainBreak {
  tenantId: string;
  /** The office's code (`platform` for the platform chain); from the anchors when the office itself is gone. */
  code: string | null;
  /** The office's name; null for the platform chain and for an office no longer in the database. */
  name: LocalizedName | null;
  seq: number;
  reason: BreakReason;
}

export interface VerifyReport {
  chains: number;
  events: number;
  /** Anchored heads compared: the anchor file's and the platform chain's. */
  anchors: number;
  breaks: ChainBreak[];
  /** What was read from the anchor file; null when none was given. */
  anchorFile: Omit<AnchorFileScan, "heads"> | null;
}

export interface VerifyOptions {
  /** The keyed hasher; the process's installed one by default. */
  hasher?: ChainHasher;
  /** The append-only anchor file (`auditAnchorFile(config)`); none means in-database anchors only. */
  anchorFile?: string | null;
  /** Told before each chain and once at the end: events checked so far, of how many, and the chain being read. */
  onProgress?: (p: VerifyProgress) => void;
}

export interface VerifyProgress {
  done: number;
  total: number;
  /** The chain being read (its tenant id, PLATFORM_CHAIN for the platform's); null once all are done. */
  chain: string | null;
}

type Anchor = { seq: number; hash: string };

function earliestMismatch(anchors: readonly Anchor[], intact: Map<number, string>, length: number): { seq: number; reason: BreakReason } | null {
  let diverged: number | null = null;
  let truncated = false;
  for (const a of anchors) {
    if (a.seq > length) truncated = true;
    else if (intact.get(a.seq) !== a.hash && (diverged === null || a.seq < diverged)) diverged = a.seq;
  }
  if (diverged !== null) return { seq: diverged, reason: "diverged" };
  return truncated ? { seq: length + 1, reason: "truncated" } : null;
}

/** The platform chain's in-database anchors that can be trusted: in its intact part, and written with the current key. */
function databaseAnchors(platform: readonly StoredEvent[], intact: Map<number, string>): Map<string, Anchor[]> {
  const byChain = new Map<string, Anchor[]>();
  const trusted = platform.filter((e) => intact.has(e.seq));
  const rekeyedAt = trusted.findLast((e) => e.action === REKEY_ACTION)?.seq ?? 0;
  for (const e of trusted) {
    if (e.action !== ANCHOR_ACTION || e.seq < rekeyedAt) continue;
    for (const [tenantId, head] of Object.entries((e.data as { heads?: ChainHeads }).heads ?? {})) {
      byChain.set(tenantId, [...(byChain.get(tenantId) ?? []), head]);
    }
  }
  return byChain;
}

/**
 * Recomputes every chain with the audit key and reports the first break of each, then compares it
 * with every head anchored for it, in the anchor file outside the database and in the platform
 * chain. Without the key nobody can rebuild a chain that holds, and without write access to the
 * anchor file nobody can hide the newest events cut off.
 */
export async function verifyAuditChains(db: Kysely<CoreDatabase>, options: VerifyOptions = {}): Promise<VerifyReport> {
  const hasher = options.hasher ?? auditHasher();
  const file = options.anchorFile ? await readAnchorFile(options.anchorFile) : null;
  const tenants = await withScope(db, NO_TENANT, (trx) => trx.selectFrom("tenants").select(["id", "code", "name"]).execute());
  const offices = new Map<string, { code: string | null; name: LocalizedName | null }>([
    [PLATFORM_CHAIN, { code: PLATFORM_CODE, name: null }],
    ...tenants.map((t): [string, { code: string; name: LocalizedName }] => [t.id, { code: t.code, name: t.name }]),
  ]);
  const fileAnchors = new Map<string, Anchor[]>();
  for (const h of file?.heads ?? []) {
    fileAnchors.set(h.tenantId, [...(fileAnchors.get(h.tenantId) ?? []), h]);
    // An office deleted from the database is still named by its anchors.
    if (!offices.has(h.tenantId)) offices.set(h.tenantId, { code: h.code, name: null });
  }
  const chains = [...offices.keys()];
  const anchorFile = file && { path: file.path, found: file.found, lines: file.lines, problems: file.problems };
  const report: VerifyReport = { chains: 0, events: 0, anchors: 0, breaks: [], anchorFile };

  await withScope(db, { tenantId: null, readTenantIds: chains, userId: null }, async (trx) => {
    let dbAnchors = new Map<string, Anchor[]>();
    const total = options.onProgress
      ? Number((await trx.selectFrom("audit_events").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirst())?.n ?? 0)
      : 0;
    for (const tenantId of chains) {
      options.onProgress?.({ done: report.events, total, chain: tenantId });
      const events = await trx.selectFrom("audit_events").selectAll().where("tenant_id", "=", tenantId).orderBy("seq").execute();
      const walk = walkChain(events, hasher);
      // The platform chain comes first: its anchors apply to every other chain.
      if (tenantId === PLATFORM_CHAIN) dbAnchors = databaseAnchors(events, walk.intact);
      const anchors = [...(fileAnchors.get(tenantId) ?? []), ...(dbAnchors.get(tenantId) ?? [])];
      if (events.length) report.chains++;
      report.events += events.length;
      report.anchors += anchors.length;
      let found: { seq: number; reason: BreakReason } | null = walk.broken;
      if (found?.reason === "altered") {
        const e = events[found.seq - 1]!;
        if (legacyChainHasher.hash(e, e.prev_hash) === e.hash) found = { ...found, reason: "unkeyed" };
      }
      found ??= earliestMismatch(anchors, walk.intact, walk.length);
      if (found) report.breaks.push({ tenantId, ...offices.get(tenantId)!, ...found });
    }
    options.onProgress?.({ done: report.events, total: Math.max(total, report.events), chain: null });
  });
  return report;
}
