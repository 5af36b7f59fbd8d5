import type { Kysely } from "kysely";
import type { CoreDatabase, PlatformRole } from "../../../db/schema";
import { NO_TENANT, PLATFORM_SCOPE, withScope } from "../../../db/scope";
import { PLATFORM_CHAIN } from "../../../db/roles";
import { recordAudit } from "../audit/record.server";
import type { Config } from "../config.server";
import type { TenantDirectory } from "../tenancy/directory.server";
import { endChallenge, type LoginChallenge } from "./login-challenge.server";
import { passwordChangeReason } from "./password-expiry";
import { hasSecondFactor } from "./second-factor.server";
import { secondFactorRequired } from "./second-factor-policy.server";
import type { SessionManager } from "./sessions.server";

/**
 * What stands between a correct password and a session, in this order: the second factor (when
 * enrolled), a new password (reset by the security administrator or too old), the enrolment of a
 * second factor (when required and missing) and then its recovery codes, shown once. No session
 * exists before all are done, so `sessions.create` always means a fully signed-in user and no
 * page has to check for a half one.
 */
export type LoginStep = "verify" | "password" | "enrol" | "codes";

export const LOGIN_STEP_PATHS: Record<LoginStep, string> = {
  verify: "/login/verify",
  password: "/login/password",
  enrol: "/login/enrol",
  codes: "/login/recovery-codes",
};

export interface SignInState {
  userId: string;
  username: string;
  platformRole: PlatformRole | null;
  enrolled: boolean;
  required: boolean;
  passwordChange: "reset" | "expired" | null;
}

type Deps = { db: Kysely<CoreDatabase>; tenants: TenantDirectory; config: Config };

/** The account's state for signing in, or null when it no longer may (deleted or disabled meanwhile). */
export async function signInState(deps: Deps, userId: string): Promise<SignInState | null> {
  const row = await withScope(deps.db, NO_TENANT, async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select(["id", "username", "platform_role", "disabled", "password_changed_at", "password_must_change"])
      .where("id", "=", userId)
      .executeTakeFirst();
    return user && { ...user, enrolled: await hasSecondFactor(trx, userId) };
  });
  if (!row || row.disabled) return null;
  return {
    userId,
    username: row.username,
    platformRole: row.platform_role,
    enrolled: row.enrolled,
    required: await secondFactorRequired(deps, { id: userId, platformRole: row.platform_role }),
    passwordChange: passwordChangeReason(
      { passwordChangedAt: row.password_changed_at, passwordMustChange: row.password_must_change },
      deps.config.PASSWORD_MAX_AGE_DAYS,
    ),
  };
}

/** The first step still to do; `done` is what the pending sign-in has done so far (nothing, for a fresh password). */
export function nextStep(state: SignInState, done: Pick<LoginChallenge, "secondFactor" | "recoveryCodes"> | null): LoginStep | null {
  if (state.enrolled && !done?.secondFactor) return "verify";
  if (state.passwordChange) return "password";
  if (state.required && !state.enrolled) return "enrol";
  if (done?.recoveryCodes) return "codes";
  return null;
}

export interface SignInMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** Creates the session of a password-only sign-in, audited. */
export async function startSession(
  deps: { db: Kysely<CoreDatabase>; sessions: SessionManager },
  user: { id: string; username: string },
  meta: SignInMeta,
  secondFactor: "totp" | "recovery" | null,
): Promise<string> {
  const token = await deps.sessions.create(user.id, { ip: meta.ip, userAgent: meta.userAgent });
  await withScope(deps.db, PLATFORM_SCOPE, (trx) =>
    recordAudit(trx, {
      tenantId: PLATFORM_CHAIN,
      actor: { id: user.id, name: user.username },
      action: "auth.login",
      ip: meta.ip,
      requestId: meta.requestId,
      data: { secondFactor },
    }),
  );
  return token;
}

/** Ends a pending sign-in whose steps are all done and gives its session; null when another request finished it first. */
export async function finishChallenge(
  deps: { db: Kysely<CoreDatabase>; sessions: SessionManager },
  challenge: LoginChallenge,
  state: SignInState,
  meta: SignInMeta,
): Promise<string | null> {
  if (!(await endChallenge(deps.db, challenge.tokenHash))) return null;
  return startSession(deps, { id: state.userId, username: state.username }, meta, challenge.secondFactor);
}
