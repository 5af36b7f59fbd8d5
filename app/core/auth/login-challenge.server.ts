import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { NO_TENANT, withScope } from "../../../db/scope";

/**
 * A sign-in between its correct password and its session (second factor, a password to replace,
 * an enrolment to finish): kept on the server for a few minutes, bound to the browser by a cookie
 * holding a random token of which only the SHA-256 is stored. It grants nothing but the next step.
 */

export const CHALLENGE_MINUTES = 10;
/** Wrong codes after which the pending sign-in ends and the password is asked again. */
export const CHALLENGE_MAX_FAILURES = 5;
const COOKIE = "gk_login";

export interface LoginChallenge {
  tokenHash: string;
  userId: string;
  secondFactor: "totp" | "recovery" | null;
  pendingSecret: string | null;
  /** Sealed recovery codes of an enrolment during this sign-in, shown before its session starts. */
  recoveryCodes: string | null;
  redirectTo: string | null;
  failures: number;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const run = <T>(db: Kysely<CoreDatabase>, fn: Parameters<typeof withScope<T>>[2]) => withScope(db, NO_TENANT, fn);

export async function createChallenge(
  db: Kysely<CoreDatabase>,
  c: { userId: string; redirectTo: string | null; ip: string | null; userAgent: string | null },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await run(db, async (trx) => {
    await trx.deleteFrom("login_challenges").where("expires_at", "<", new Date()).execute();
    await trx
      .insertInto("login_challenges")
      .values({
        token_hash: hashToken(token),
        user_id: c.userId,
        second_factor: null,
        pending_secret: null,
        recovery_codes: null,
        redirect_to: c.redirectTo,
        ip: c.ip,
        user_agent: c.userAgent,
        expires_at: new Date(Date.now() + CHALLENGE_MINUTES * 60_000),
      })
      .execute();
  });
  return token;
}

/** The pending sign-in this token names, unless it has expired. */
export async function readChallenge(db: Kysely<CoreDatabase>, token: string): Promise<LoginChallenge | null> {
  const row = await run(db, (trx) =>
    trx.selectFrom("login_challenges").selectAll().where("token_hash", "=", hashToken(token)).where("expires_at", ">", new Date()).executeTakeFirst(),
  );
  if (!row) return null;
  return {
    tokenHash: row.token_hash,
    userId: row.user_id,
    secondFactor: row.second_factor,
    pendingSecret: row.pending_secret,
    recoveryCodes: row.recovery_codes,
    redirectTo: row.redirect_to,
    failures: row.failures,
  };
}

export async function updateChallenge(
  db: Kysely<CoreDatabase>,
  tokenHash: string,
  set: { secondFactor?: "totp" | "recovery"; pendingSecret?: string; recoveryCodes?: string },
): Promise<void> {
  await run(db, (trx) =>
    trx
      .updateTable("login_challenges")
      .set({
        ...(set.secondFactor && { second_factor: set.secondFactor }),
        ...(set.pendingSecret && { pending_secret: set.pendingSecret }),
        ...(set.recoveryCodes && { recovery_codes: set.recoveryCodes }),
      })
      .where("token_hash", "=", tokenHash)
      .execute(),
  );
}

/** Counts one wrong code; returns the pending sign-in's wrong codes so far (concurrent requests each count). */
export async function countChallengeFailure(db: Kysely<CoreDatabase>, tokenHash: string): Promise<number> {
  const row = await run(db, (trx) =>
    trx
      .updateTable("login_challenges")
      .set((eb) => ({ failures: eb("failures", "+", 1) }))
      .where("token_hash", "=", tokenHash)
      .returning("failures")
      .executeTakeFirst(),
  );
  return row?.failures ?? CHALLENGE_MAX_FAILURES;
}

/** Ends the pending sign-in; true for the one caller that ended it (two tabs cannot both finish it). */
export async function endChallenge(db: Kysely<CoreDatabase>, tokenHash: string): Promise<boolean> {
  const res = await run(db, (trx) => trx.deleteFrom("login_challenges").where("token_hash", "=", tokenHash).executeTakeFirst());
  return res.numDeletedRows > 0n;
}

export function readChallengeToken(cookieHeader: string | null): string | null {
  for (const part of (cookieHeader ?? "").split(/;\s*/)) {
    const [name, value] = part.split("=", 2);
    if (name === COOKIE && value && /^[A-Za-z0-9_-]{43}$/.test(value)) return value;
  }
  return null;
}

export function challengeCookie(token: string, secure: boolean): string {
  return `${COOKIE}=${token}; Path=/login; Max-Age=${CHALLENGE_MINUTES * 60}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

export function blankChallengeCookie(secure: boolean): string {
  return `${COOKIE}=; Path=/login; Max-Age=0; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
