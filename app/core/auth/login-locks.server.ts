import { sql, type Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";

/**
 * Failed sign-ins are counted per account *and client address*, and a lock shuts out only that
 * pair: a stranger's guesses cannot lock the security administrator out of their own desk.
 * `users.locked_until` holds the latest end of the account's locks (the console lists the account
 * as locked) and `failed_attempts` its running failure count. An unlock that clears
 * `users.locked_until` (clearLoginLocks, or any older path) ends every lock of the account.
 */

export interface LockPolicy {
  maxFailures: number;
  lockMinutes: number;
}

/** The client half of the pair; requests without an address share one. */
export function clientKey(ip: string | null): string {
  return ip ?? "unknown";
}

/** Until when this account is locked for this client, or null. */
export async function lockedUntil(trx: Transaction<CoreDatabase>, userId: string, client: string, now = new Date()): Promise<Date | null> {
  const row = await trx
    .selectFrom("login_locks")
    .innerJoin("users", "users.id", "login_locks.user_id")
    .select("login_locks.locked_until")
    .where("login_locks.user_id", "=", userId)
    .where("login_locks.client", "=", client)
    .where("login_locks.locked_until", ">", now)
    .where("users.locked_until", "is not", null)
    .executeTakeFirst();
  return row?.locked_until ?? null;
}

/** Counts one wrong password; returns the consecutive failures and, when this one locked the pair, until when. */
export async function recordFailure(
  trx: Transaction<CoreDatabase>,
  userId: string,
  client: string,
  policy: LockPolicy,
): Promise<{ failures: number; lockedUntil: Date | null }> {
  const { failures } = await trx
    .insertInto("login_locks")
    .values({ user_id: userId, client, failures: 1, updated_at: new Date() })
    .onConflict((oc) => oc.columns(["user_id", "client"]).doUpdateSet({ failures: sql`login_locks.failures + 1`, updated_at: new Date() }))
    .returning("failures")
    .executeTakeFirstOrThrow();
  await trx.updateTable("users").set({ failed_attempts: sql`failed_attempts + 1` }).where("id", "=", userId).execute();
  if (failures < policy.maxFailures) return { failures, lockedUntil: null };
  const until = new Date(Date.now() + policy.lockMinutes * 60_000);
  // Locks of other addresses ended by an unlock that cleared only the account's column stay ended.
  await trx
    .updateTable("login_locks")
    .set({ locked_until: null })
    .where("user_id", "=", userId)
    .where("client", "<>", client)
    .where((eb) => eb(eb.selectFrom("users").select("locked_until").where("id", "=", userId), "is", null))
    .execute();
  await trx.updateTable("login_locks").set({ failures: 0, locked_until: until }).where("user_id", "=", userId).where("client", "=", client).execute();
  await trx
    .updateTable("users")
    .set({ locked_until: sql`GREATEST(locked_until, ${until})` })
    .where("id", "=", userId)
    .execute();
  return { failures, lockedUntil: until };
}

/** A right password from this client, which is not locked: its count starts again (other clients' locks stay). */
export async function clearFailures(trx: Transaction<CoreDatabase>, userId: string, client: string): Promise<void> {
  await trx.deleteFrom("login_locks").where("user_id", "=", userId).where("client", "=", client).execute();
  await trx.updateTable("users").set({ failed_attempts: 0 }).where("id", "=", userId).execute();
}

/** The security administrator's unlock: every lock and count of the account, from every client. Returns how many clients were locked. */
export async function clearLoginLocks(trx: Transaction<CoreDatabase>, userId: string, now = new Date()): Promise<number> {
  const removed = await trx.deleteFrom("login_locks").where("user_id", "=", userId).returning("locked_until").execute();
  await trx.updateTable("users").set({ locked_until: null, failed_attempts: 0, updated_at: now }).where("id", "=", userId).execute();
  return removed.filter((r) => r.locked_until && r.locked_until > now).length;
}
