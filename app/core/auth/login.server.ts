import type { Kysely } from "kysely";
import { PLATFORM_CHAIN } from "../../../db/roles";
import type { CoreDatabase } from "../../../db/schema";
import { PLATFORM_SCOPE as PLATFORM, withScope } from "../../../db/scope";
import { recordAudit, recordPlatformEvent, type AuditEvent } from "../audit/record.server";
import type { Config } from "../config.server";
import type { TenantDirectory } from "../tenancy/directory.server";
import { passwordMatches } from "./credentials.server";
import { createChallenge } from "./login-challenge.server";
import { clearFailures, clientKey, lockedUntil, recordFailure } from "./login-locks.server";
import { nextStep, signInState, startSession, type LoginStep } from "./login-steps.server";
import { verifyAgainstDecoy } from "./password.server";
import type { SessionManager } from "./sessions.server";
import { takeRateLimit } from "../rate-limit.server";

/**
 * Every failed sign-in answers the same ("invalid"), whatever the reason (unknown, disabled,
 * locked, wrong password): the audit trail keeps the real one. Only the per-address rate limit
 * answers differently, which tells nothing about any account.
 */
export type LoginFailure = "invalid" | "throttled";

export type LoginResult =
  | { ok: false; reason: LoginFailure }
  | { ok: true; userId: string; token: string }
  | { ok: "pending"; userId: string; challenge: string; step: LoginStep };

export interface LoginAttempt {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** Where to go once signed in, already checked by `safeRedirect`; kept through the further steps. */
  redirectTo?: string | null;
}

type Deps = { db: Kysely<CoreDatabase>; sessions: SessionManager; config: Config; tenants: TenantDirectory };

/**
 * Signs in with a password. Every outcome is audited on the platform chain. LOGIN_MAX_FAILURES
 * consecutive failures from one client address lock the account for that address only, for
 * LOGIN_LOCK_MINUTES; a locked pair is refused even with the right password. A right password
 * gives a session, or a pending sign-in when a second factor, a new password or an enrolment
 * comes first (login-steps.server.ts).
 */
export async function attemptLogin(deps: Deps, attempt: LoginAttempt): Promise<LoginResult> {
  const { db, config } = deps;
  const username = attempt.username.trim().toLowerCase();
  const client = clientKey(attempt.ip);
  const audit = (e: Omit<AuditEvent, "tenantId" | "ip" | "requestId">) =>
    recordPlatformEvent(db, { ...e, ip: attempt.ip, requestId: attempt.requestId });
  const invalid = { ok: false, reason: "invalid" } as const;

  const allowed = await takeRateLimit(db, `login:${client}`, {
    max: config.LOGIN_RATE_LIMIT,
    windowMinutes: config.LOGIN_RATE_WINDOW_MINUTES,
  });
  if (!allowed) {
    await audit({ actor: { id: null, name: username }, action: "auth.login", outcome: "failure", data: { reason: "throttled" } });
    return { ok: false, reason: "throttled" };
  }

  const user = await withScope(db, PLATFORM, async (trx) => {
    const row = await trx.selectFrom("users").select(["id", "username", "disabled"]).where("username", "=", username).executeTakeFirst();
    return row && { ...row, lockedUntil: await lockedUntil(trx, row.id, client) };
  });
  if (!user || user.disabled || user.lockedUntil) {
    await verifyAgainstDecoy(attempt.password);
    const reason = !user ? "unknown_user" : user.disabled ? "disabled" : "locked";
    await audit({ actor: { id: user?.id ?? null, name: username }, action: "auth.login", outcome: "failure", data: { reason } });
    return invalid;
  }
  const actor = { id: user.id, name: user.username };
  const event = { tenantId: PLATFORM_CHAIN, actor, ip: attempt.ip, requestId: attempt.requestId };

  const right = await withScope(db, PLATFORM, async (trx) => {
    if (await passwordMatches(trx, user.id, attempt.password)) {
      await clearFailures(trx, user.id, client);
      return true;
    }
    const { failures, lockedUntil: until } = await recordFailure(trx, user.id, client, {
      maxFailures: config.LOGIN_MAX_FAILURES,
      lockMinutes: config.LOGIN_LOCK_MINUTES,
    });
    await recordAudit(trx, { ...event, action: "auth.login", outcome: "failure", data: { reason: "bad_password", consecutiveFailures: failures } });
    if (until) {
      await recordAudit(trx, {
        ...event,
        action: "auth.lock",
        target: { type: "user", id: user.id },
        data: { until: until.toISOString(), failures, client },
      });
    }
    return false;
  });
  if (!right) return invalid;

  const state = await signInState(deps, user.id);
  if (!state) return invalid;
  const meta = { ip: attempt.ip, userAgent: attempt.userAgent, requestId: attempt.requestId };
  const step = nextStep(state, null);
  if (!step) return { ok: true, userId: user.id, token: await startSession(deps, user, meta, null) };

  const challenge = await createChallenge(db, { userId: user.id, redirectTo: attempt.redirectTo ?? null, ip: attempt.ip, userAgent: attempt.userAgent });
  await audit({ actor, action: "auth.login.pending", data: { next: step, required: state.required, passwordChange: state.passwordChange } });
  return { ok: "pending", userId: user.id, challenge, step };
}
