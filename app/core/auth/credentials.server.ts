import { sql, type Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { hashWithSaltOf } from "./password.server";

/**
 * Passwords through the database's definer functions (db/migrations/0015_credentials.ts): the
 * serving role never reads a hash. It reads the salt, hashes the candidate the same way and lets
 * the database compare.
 */

/** Whether `password` is the account's current one; false for an unknown account. */
export async function passwordMatches(trx: Transaction<CoreDatabase>, userId: string, password: string): Promise<boolean> {
  const { rows } = await sql<{ salt: string | null }>`SELECT auth_password_salt(${userId}::uuid) AS salt`.execute(trx);
  const candidate = rows[0]?.salt ? await hashWithSaltOf(rows[0].salt, password) : null;
  if (!candidate) return false;
  const { rows: match } = await sql<{ ok: boolean }>`SELECT auth_password_matches(${userId}::uuid, ${candidate}) AS ok`.execute(trx);
  return match[0]?.ok === true;
}

/** Whether `password` is one of the account's `count` most recent passwords, the current one included. */
export async function passwordReused(trx: Transaction<CoreDatabase>, userId: string, password: string, count: number): Promise<boolean> {
  if (count <= 0) return false;
  const { rows } = await sql<{ salt: string }>`SELECT auth_recent_password_salts(${userId}::uuid, ${count}::integer) AS salt`.execute(trx);
  const candidates = (await Promise.all([...new Set(rows.map((r) => r.salt))].map((s) => hashWithSaltOf(s, password)))).filter(
    (c): c is string => c !== null,
  );
  if (candidates.length === 0) return false;
  const { rows: reused } = await sql<{ reused: boolean }>`
    SELECT auth_password_reused(${userId}::uuid, ${count}::integer, ${candidates}::text[]) AS reused`.execute(trx);
  return reused[0]?.reused === true;
}

/** Replaces the account's password hash, keeping the previous one for the no-reuse rule. */
export async function storePasswordHash(trx: Transaction<CoreDatabase>, userId: string, passwordHash: string, mustChange: boolean): Promise<void> {
  await sql`SELECT auth_set_password(${userId}::uuid, ${passwordHash}, ${mustChange})`.execute(trx);
}
