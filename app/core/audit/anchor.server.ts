import type { Kysely } from "kysely";
import { PLATFORM_CHAIN } from "../../../db/roles";
import type { CoreDatabase } from "../../../db/schema";
import { NO_TENANT, withScope } from "../../../db/scope";
import { recordAudit } from "./record.server";

export const ANCHOR_ACTION = "audit.anchor";

export type ChainHeads = Record<string, { seq: number; hash: string }>;

/**
 * A hash chain shows an edited or removed event, but not its newest events cut off. So the head of
 * every office's chain is written, from time to time, into the platform chain (and, by the caller,
 * into the server log, outside the database): `verifyAuditChains` then reports a chain that ends
 * before an anchored head. Nothing is written when no chain moved since the last anchor.
 */
export async function anchorAuditChains(db: Kysely<CoreDatabase>): Promise<ChainHeads | null> {
  const tenantIds = (await withScope(db, NO_TENANT, (trx) => trx.selectFrom("tenants").select("id").execute())).map((t) => t.id);
  // Writes the platform chain; reads every chain's head.
  const scope = { tenantId: PLATFORM_CHAIN, readTenantIds: [PLATFORM_CHAIN, ...tenantIds], userId: null };
  return withScope(db, scope, async (trx) => {
    const rows = await trx
      .selectFrom("audit_events")
      .distinctOn("tenant_id")
      .select(["tenant_id", "seq", "hash"])
      .where("tenant_id", "!=", PLATFORM_CHAIN)
      .orderBy("tenant_id")
      .orderBy("seq", "desc")
      .execute();
    const heads: ChainHeads = Object.fromEntries(rows.map((r) => [r.tenant_id, { seq: r.seq, hash: r.hash }]));
    const last = await trx
      .selectFrom("audit_events")
      .select("data")
      .where("tenant_id", "=", PLATFORM_CHAIN)
      .where("action", "=", ANCHOR_ACTION)
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirst();
    if (last && JSON.stringify((last.data as { heads?: ChainHeads }).heads) === JSON.stringify(heads)) return null;
    await recordAudit(trx, { tenantId: PLATFORM_CHAIN, actor: { id: null, name: "system" }, action: ANCHOR_ACTION, data: { heads } });
    return heads;
  });
}
