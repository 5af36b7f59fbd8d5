import { sql, type Kysely, type Transaction } from "kysely";
import { PLATFORM_CHAIN } from "../../../db/roles";
import type { CoreDatabase } from "../../../db/schema";
import { recordAudit, type AuditEvent } from "../audit/record.server";

export type OperatorAudit = (e: Omit<AuditEvent, "tenantId" | "actor">) => Promise<void>;

/**
 * One transaction of the operator's command line. It runs as the connecting role (the owner), not
 * as the serving role, because only the owner may write `users.platform_role`; its audit events
 * join the platform chain with the operator as actor.
 */
export function withOperator<T>(
  db: Kysely<CoreDatabase>,
  operator: string,
  fn: (trx: Transaction<CoreDatabase>, audit: OperatorAudit) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT
      set_config('app.tenant_id', ${PLATFORM_CHAIN}, true),
      set_config('app.read_tenants', ${PLATFORM_CHAIN}, true),
      set_config('app.user_id', '', true)`.execute(trx);
    return fn(trx, (e) => recordAudit(trx, { ...e, tenantId: PLATFORM_CHAIN, actor: { id: null, name: operator } }));
  });
}
