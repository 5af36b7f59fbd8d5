import type { Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import type { FieldCipher } from "../crypto/field-cipher";
import { newRecoveryCode, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";
import { totpStep } from "./totp.server";

/**
 * The second factor at rest (等保 8.1.4.1 d): the TOTP secret sealed with the data key, the last
 * time step accepted (a code is never accepted twice), and recovery codes as keyed hashes, each
 * usable once.
 */

const secretContext = (userId: string) => `totp:${userId}`;
const recoveryContext = (userId: string) => `recovery:${userId}`;

export type SecondFactorCheck = { ok: true; method: "totp" | "recovery" } | { ok: false; reason: "bad_code" | "replayed" | "not_enrolled" };

export async function hasSecondFactor(trx: Transaction<CoreDatabase>, userId: string): Promise<boolean> {
  return !!(await trx.selectFrom("user_totp").select("user_id").where("user_id", "=", userId).executeTakeFirst());
}

export async function remainingRecoveryCodes(trx: Transaction<CoreDatabase>, userId: string): Promise<number> {
  const { n } = await trx
    .selectFrom("recovery_codes")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * Stores a confirmed secret (replacing any earlier one) with the step its confirming code used,
 * and a fresh set of recovery codes; returns those codes, to be shown once.
 */
export async function enrolSecondFactor(trx: Transaction<CoreDatabase>, cipher: FieldCipher, userId: string, secret: string, step: number): Promise<string[]> {
  const sealed = cipher.seal(secret, secretContext(userId));
  await trx
    .insertInto("user_totp")
    .values({ user_id: userId, secret_sealed: sealed, last_step: step, enrolled_at: new Date() })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ secret_sealed: sealed, last_step: step, enrolled_at: new Date() }))
    .execute();
  await trx.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await trx
    .insertInto("recovery_codes")
    .values(codes.map((c) => ({ user_id: userId, code_hash: cipher.blindIndex(normaliseRecoveryCode(c)!, recoveryContext(userId)), used_at: null })))
    .execute();
  return codes;
}

/** Removes the second factor and its recovery codes; returns whether there was one. */
export async function removeSecondFactor(trx: Transaction<CoreDatabase>, userId: string): Promise<boolean> {
  await trx.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  const res = await trx.deleteFrom("user_totp").where("user_id", "=", userId).executeTakeFirst();
  return res.numDeletedRows > 0n;
}

/**
 * Someone else clears the account's second factor, for a holder who lost both phone and recovery
 * codes: the factor and its codes go, and with them every session and every sign-in waiting for a
 * code, so whoever held the old factor is out. Where one is required, the next sign-in enrols
 * again. Null when there was none (nothing changed); the caller audits and holds the row lock.
 */
export async function resetSecondFactor(trx: Transaction<CoreDatabase>, userId: string): Promise<{ sessionsEnded: number } | null> {
  if (!(await removeSecondFactor(trx, userId))) return null;
  await trx.deleteFrom("login_challenges").where("user_id", "=", userId).execute();
  const ended = await trx.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return { sessionsEnded: Number(ended.numDeletedRows) };
}

/** Checks a 6-digit code from the app, or else a recovery code (used up by this). */
export async function checkSecondFactor(trx: Transaction<CoreDatabase>, cipher: FieldCipher, userId: string, input: string): Promise<SecondFactorCheck> {
  const code = input.replace(/\s/g, "");
  if (/^\d{6}$/.test(code)) {
    const row = await trx.selectFrom("user_totp").select(["secret_sealed", "last_step"]).where("user_id", "=", userId).forUpdate().executeTakeFirst();
    if (!row) return { ok: false, reason: "not_enrolled" };
    const step = await totpStep(cipher.open(row.secret_sealed, secretContext(userId)), code);
    if (step === null) return { ok: false, reason: "bad_code" };
    if (step <= row.last_step) return { ok: false, reason: "replayed" };
    await trx.updateTable("user_totp").set({ last_step: step }).where("user_id", "=", userId).execute();
    return { ok: true, method: "totp" };
  }
  const recovery = normaliseRecoveryCode(code);
  if (!recovery) return { ok: false, reason: "bad_code" };
  const used = await trx
    .updateTable("recovery_codes")
    .set({ used_at: new Date() })
    .where("user_id", "=", userId)
    .where("code_hash", "=", cipher.blindIndex(recovery, recoveryContext(userId)))
    .where("used_at", "is", null)
    .executeTakeFirst();
  return used.numUpdatedRows > 0n ? { ok: true, method: "recovery" } : { ok: false, reason: "bad_code" };
}
