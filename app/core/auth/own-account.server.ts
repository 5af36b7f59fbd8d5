import type { Kysely, Transaction } from "kysely";
import { PLATFORM_CHAIN } from "../../../db/roles";
import type { CoreDatabase } from "../../../db/schema";
import { NO_TENANT, PLATFORM_SCOPE, withScope } from "../../../db/scope";
import { recordAudit, type AuditEvent } from "../audit/record.server";
import { hasSecondFactor, remainingRecoveryCodes } from "./second-factor.server";

type OwnEvent = Omit<AuditEvent, "tenantId" | "actor" | "ip" | "requestId">;

/**
 * One transaction in which a person changes their own account (password, second factor), signed
 * in or still signing in: their own rows only, audited on the platform chain as themselves.
 */
export function withOwnAccount<T>(
  db: Kysely<CoreDatabase>,
  who: { id: string; username: string; ip: string | null; requestId: string },
  fn: (trx: Transaction<CoreDatabase>, audit: (e: OwnEvent) => Promise<void>) => Promise<T>,
): Promise<T> {
  return withScope(db, { ...PLATFORM_SCOPE, userId: who.id }, (trx) =>
    fn(trx, (e) => recordAudit(trx, { ...e, tenantId: PLATFORM_CHAIN, actor: { id: who.id, name: who.username }, ip: who.ip, requestId: who.requestId })),
  );
}

/** Whether the account has a second factor, and how many unused recovery codes it holds. */
export function ownSecondFactor(db: Kysely<CoreDatabase>, userId: string): Promise<{ enrolled: boolean; remaining: number }> {
  return withScope(db, NO_TENANT, async (trx) => ({
    enrolled: await hasSecondFactor(trx, userId),
    remaining: await remainingRecoveryCodes(trx, userId),
  }));
}
