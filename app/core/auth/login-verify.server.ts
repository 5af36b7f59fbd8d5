import type { Kysely } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { NO_TENANT, withScope } from "../../../db/scope";
import { recordPlatformEvent } from "../audit/record.server";
import type { FieldCipher } from "../crypto/field-cipher";
import { CHALLENGE_MAX_FAILURES, countChallengeFailure, endChallenge, updateChallenge, type LoginChallenge } from "./login-challenge.server";
import type { SignInMeta, SignInState } from "./login-steps.server";
import { checkSecondFactor } from "./second-factor.server";

export type VerifyOutcome = "ok" | "wrong" | "ended";

/**
 * The second-factor step of a pending sign-in: a code from the app or a recovery code. Every
 * try is audited; after CHALLENGE_MAX_FAILURES wrong ones the pending sign-in ends and the
 * password is asked again (which the per-address limits count).
 */
export async function verifyPendingSignIn(
  deps: { db: Kysely<CoreDatabase>; cipher: FieldCipher },
  challenge: LoginChallenge,
  state: SignInState,
  code: string,
  meta: SignInMeta,
): Promise<VerifyOutcome> {
  const { db, cipher } = deps;
  const audit = (outcome: "success" | "failure", data: Record<string, unknown>) =>
    recordPlatformEvent(db, { actor: { id: state.userId, name: state.username }, action: "auth.mfa.verify", outcome, ip: meta.ip, requestId: meta.requestId, data });
  const check = await withScope(db, NO_TENANT, (trx) => checkSecondFactor(trx, cipher, state.userId, code));
  if (check.ok) {
    await updateChallenge(db, challenge.tokenHash, { secondFactor: check.method });
    challenge.secondFactor = check.method;
    await audit("success", { method: check.method });
    return "ok";
  }
  const failures = await countChallengeFailure(db, challenge.tokenHash);
  const ended = failures >= CHALLENGE_MAX_FAILURES;
  if (ended) await endChallenge(db, challenge.tokenHash);
  await audit("failure", { reason: check.reason, failures, ended });
  return ended ? "ended" : "wrong";
}
