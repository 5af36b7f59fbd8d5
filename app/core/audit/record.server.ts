import { sql, type Kysely, type Transaction } from "kysely";
import { PLATFORM_CHAIN } from "../../../db/roles";
import type { CoreDatabase } from "../../../db/schema";
import { PLATFORM_SCOPE, withScope } from "../../../db/scope";
import { GENESIS_HASH, type ChainedFields, type ChainHasher } from "./chain";
import { auditHasher } from "./hasher";

export interface AuditActor {
  id: string | null;
  name: string | null;
}

export interface AuditEvent {
  /** The chain the event joins: the transaction's `app.tenant_id` (or the platform chain). */
  tenantId: string;
  actor: AuditActor | null;
  action: string;
  target?: { type: string; id: string };
  outcome?: "success" | "failure";
  ip?: string | null;
  requestId?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Appends one event to its tenant's hash chain inside the caller's transaction, so the event
 * commits or rolls back with the change it describes. A per-chain advisory lock keeps `seq`
 * gapless under concurrent writers. The hash is keyed with the process's audit key.
 */
export async function recordAudit(trx: Transaction<CoreDatabase>, event: AuditEvent): Promise<void> {
  return appendAuditEvent(trx, event, auditHasher());
}

/** `recordAudit` with an explicit hasher: the re-keying, and tests writing chains as older versions did. */
export async function appendAuditEvent(trx: Transaction<CoreDatabase>, event: AuditEvent, hasher: ChainHasher): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${"audit:" + event.tenantId}, 0))`.execute(trx);
  const last = await trx
    .selectFrom("audit_events")
    .select(["seq", "hash"])
    .where("tenant_id", "=", event.tenantId)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  const fields: ChainedFields = {
    tenant_id: event.tenantId,
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actor_id: event.actor?.id ?? null,
    actor_name: event.actor?.name ?? null,
    action: event.action,
    target_type: event.target?.type ?? null,
    target_id: event.target?.id ?? null,
    outcome: event.outcome ?? "success",
    ip: event.ip ?? null,
    request_id: event.requestId ?? null,
    data: JSON.parse(JSON.stringify(event.data ?? {})),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await trx
    .insertInto("audit_events")
    .values({ ...fields, data: JSON.stringify(fields.data), prev_hash: prevHash, hash: hasher.hash(fields, prevHash) })
    .execute();
}

/** Records a platform-level event in a transaction of its own (e.g. a failed sign-in, which changes nothing else). */
export function recordPlatformEvent(db: Kysely<CoreDatabase>, event: Omit<AuditEvent, "tenantId">): Promise<void> {
  return withScope(db, PLATFORM_SCOPE, (trx) => recordAudit(trx, { ...event, tenantId: PLATFORM_CHAIN }));
}
