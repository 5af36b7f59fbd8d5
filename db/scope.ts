import { sql, type Kysely, type Transaction } from "kysely";
import { APP_ROLE, PLATFORM_CHAIN } from "./roles";
import type { CoreDatabase } from "./schema";

/**
 * What one transaction may touch: rows of `tenantId` are writable, rows of `readTenantIds` readable.
 * An empty `tenantId` writes nowhere (public readers, supervisors looking at a subordinate).
 */
export interface Scope {
  tenantId: string | null;
  readTenantIds: readonly string[];
  userId: string | null;
}

/** A scope that reaches no tenant's rows: for the global tables (accounts, sessions). */
export const NO_TENANT: Scope = { tenantId: null, readTenantIds: [], userId: null };

/**
 * Runs `fn` in one transaction as the non-owner serving role with the scope's settings, so that
 * row-level security, not a WHERE clause, decides what the queries see.
 */
export function withScope<T, DB = CoreDatabase>(
  db: Kysely<DB>,
  scope: Scope,
  fn: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT
      set_config('role', ${APP_ROLE}, true),
      set_config('app.tenant_id', ${scope.tenantId ?? ""}, true),
      set_config('app.read_tenants', ${scope.readTenantIds.join(",")}, true),
      set_config('app.user_id', ${scope.userId ?? ""}, true)`.execute(trx);
    return fn(trx);
  });
}

/** Writes to the platform audit chain only: sign-ins, tenant sync, platform administration. */
export const PLATFORM_SCOPE: Scope = { tenantId: PLATFORM_CHAIN, readTenantIds: [PLATFORM_CHAIN], userId: null };
