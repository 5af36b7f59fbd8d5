import type { Kysely } from "kysely";
import { PLATFORM_CHAIN } from "../../../db/roles";
import type { CoreDatabase } from "../../../db/schema";
import { withScope } from "../../../db/scope";
import { eventHash, GENESIS_HASH } from "./chain";

export interface ChainBreak {
  tenantId: string;
  seq: number;
  reason: "altered" | "missing" | "relinked";
}

export interface VerifyReport {
  chains: number;
  events: number;
  breaks: ChainBreak[];
}

/** Recomputes every chain; reports the first break in each (an altered, removed or relinked event). */
export async function verifyAuditChains(db: Kysely<CoreDatabase>): Promise<VerifyReport> {
  const tenantIds = (await withScope(db, { tenantId: null, readTenantIds: [], userId: null }, (trx) =>
    trx.selectFrom("tenants").select("id").execute(),
  )).map((t) => t.id);
  const chains = [PLATFORM_CHAIN, ...tenantIds];
  const report: VerifyReport = { chains: 0, events: 0, breaks: [] };
  await withScope(db, { tenantId: null, readTenantIds: chains, userId: null }, async (trx) => {
    for (const tenantId of chains) {
      const rows = await trx
        .selectFrom("audit_events")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .orderBy("seq")
        .execute();
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
  });
  return report;
}
