import type { Kysely } from "kysely";
import { PLATFORM_CHAIN } from "../../../db/roles";
import type { CoreDatabase } from "../../../db/schema";
import { withScope } from "../../../db/scope";
import { ANCHOR_ACTION, type ChainHeads } from "./anchor.server";
import { eventHash, GENESIS_HASH } from "./chain";

export interface ChainBreak {
  tenantId: string;
  seq: number;
  /** `truncated`: the chain ends before (or differs at) a head anchored in the platform chain. */
  reason: "altered" | "missing" | "relinked" | "truncated";
}

export interface VerifyReport {
  chains: number;
  events: number;
  breaks: ChainBreak[];
}

/**
 * Recomputes every chain and reports the first break in each (an altered, removed or relinked
 * event), then checks every chain against the heads anchored in the platform chain, which shows
 * newest events cut off.
 */
export async function verifyAuditChains(db: Kysely<CoreDatabase>): Promise<VerifyReport> {
  const tenantIds = (await withScope(db, { tenantId: null, readTenantIds: [], userId: null }, (trx) =>
    trx.selectFrom("tenants").select("id").execute(),
  )).map((t) => t.id);
  const chains = [PLATFORM_CHAIN, ...tenantIds];
  const report: VerifyReport = { chains: 0, events: 0, breaks: [] };
  await withScope(db, { tenantId: null, readTenantIds: chains, userId: null }, async (trx) => {
    const hashes = new Map<string, Map<number, string>>();
    for (const tenantId of chains) {
      const rows = await trx
        .selectFrom("audit_events")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .orderBy("seq")
        .execute();
      hashes.set(tenantId, new Map(rows.map((r) => [r.seq, r.hash])));
      if (rows.length === 0) continue;
      report.chains++;
      report.events += rows.length;
      let prev = GENESIS_HASH;
      let expectedSeq = 1;
      for (const row of rows) {
        const brk = (reason: ChainBreak["reason"], seq = row.seq) => report.breaks.push({ tenantId, seq, reason });
        if (row.seq !== expectedSeq) {
          brk("missing", expectedSeq);
          break;
        }
        if (row.prev_hash !== prev) {
          brk("relinked");
          break;
        }
        if (eventHash(row, prev) !== row.hash) {
          brk("altered");
          break;
        }
        prev = row.hash;
        expectedSeq++;
      }
    }
    const anchors = await trx.selectFrom("audit_events").select("data").where("tenant_id", "=", PLATFORM_CHAIN).where("action", "=", ANCHOR_ACTION).execute();
    const truncated = new Map<string, number>();
    for (const a of anchors) {
      for (const [tenantId, head] of Object.entries((a.data as { heads?: ChainHeads }).heads ?? {})) {
        if (hashes.get(tenantId)?.get(head.seq) === head.hash) continue;
        truncated.set(tenantId, Math.min(truncated.get(tenantId) ?? Infinity, head.seq));
      }
    }
    for (const [tenantId, seq] of truncated) {
      if (!report.breaks.some((b) => b.tenantId === tenantId)) report.breaks.push({ tenantId, seq, reason: "truncated" });
    }
  });
  return report;
}
