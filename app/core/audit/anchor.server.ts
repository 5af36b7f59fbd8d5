import type { Kysely, Selectable } from "kysely";
import { PLATFORM_CHAIN } from "../../../db/roles";
import type { AuditEventsTable, CoreDatabase } from "../../../db/schema";
import { NO_TENANT, withScope } from "../../../db/scope";
import { appendAnchorLine, type AnchoredHead } from "./anchor-file.server";
import { recordAudit } from "./record.server";

export const ANCHOR_ACTION = "audit.anchor";
/** The code the platform chain goes by in anchors and reports. */
export const PLATFORM_CODE = "platform";

export type ChainHeads = Record<string, { seq: number; hash: string }>;

export type HeadRow = Selectable<AuditEventsTable> & { code: string };

/** The newest event of every chain (the platform chain and every tenant's), with its office's code. */
export async function readChainHeads(db: Kysely<CoreDatabase>): Promise<HeadRow[]> {
  const tenants = await withScope(db, NO_TENANT, (trx) => trx.selectFrom("tenants").select(["id", "code"]).execute());
  const codes = new Map<string, string>([[PLATFORM_CHAIN, PLATFORM_CODE], ...tenants.map((t): [string, string] => [t.id, t.code])]);
  const rows = await withScope(db, { tenantId: null, readTenantIds: [...codes.keys()], userId: null }, (trx) =>
    trx.selectFrom("audit_events").distinctOn("tenant_id").selectAll().orderBy("tenant_id").orderBy("seq", "desc").execute(),
  );
  return rows.map((r) => ({ ...r, code: codes.get(r.tenant_id)! }));
}

/**
 * Writes the head of every office's chain into the platform chain when one moved since the last
 * such anchor, which lets `verifyAuditChains` see newest events cut off by anyone who cannot also
 * re-key the platform chain.
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

/**
 * Anchors outside the database as well: the superuser of the database can rewrite the platform
 * chain's anchors, not a file on storage they cannot write. Each call appends one line to the
 * anchor file with the heads of the chains that moved since this process last wrote (all of them
 * on the first call), and nothing when none moved.
 */
export class AuditAnchorer {
  readonly #written = new Map<string, string>();

  constructor(
    private readonly db: Kysely<CoreDatabase>,
    private readonly file: string,
  ) {}

  /** The heads appended to the file (empty when no chain moved). */
  async anchor(): Promise<AnchoredHead[]> {
    await anchorAuditChains(this.db);
    // Read after the platform anchor committed, so the file names only heads that exist.
    const heads = (await readChainHeads(this.db)).map((h): AnchoredHead => ({ tenantId: h.tenant_id, code: h.code, seq: h.seq, hash: h.hash }));
    const moved = heads.filter((h) => this.#written.get(h.tenantId) !== `${h.seq}:${h.hash}`);
    if (moved.length === 0) return [];
    appendAnchorLine(this.file, { at: new Date().toISOString(), heads: moved });
    for (const h of moved) this.#written.set(h.tenantId, `${h.seq}:${h.hash}`);
    return moved;
  }
}
