import { sql, type Kysely } from "kysely";
import { PLATFORM_CHAIN } from "../../../db/roles";
import type { CoreDatabase } from "../../../db/schema";
import { PLATFORM_SCOPE as PLATFORM, withScope } from "../../../db/scope";
import { recordAudit, recordPlatformEvent, type AuditEvent } from "../audit/record.server";
import type { Config } from "../config.server";
import { verifyAgainstDecoy, verifyPassword } from "./password.server";
import type { SessionManager } from "./sessions.server";
import { takeRateLimit } from "../rate-limit.server";

export type LoginFailure = "invalid" | "locked" | "throttled";

export type LoginResult =
  | { ok: true; token: string; userId: string }
  | { ok: false; reason: LoginFailure; lockedUntil?: Date };

export interface LoginAttempt {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

type Deps = { db: Kysely<CoreDatabase>; sessions: SessionManager; config: Config };

/**
 * Signs in with a password. Every outcome is audited on the platform chain. After
 * LOGIN_MAX_FAILURES consecutive failures the account is locked for LOGIN_LOCK_MINUTES; a locked
 * account is refused even with the right password.
 */
export async function attemptLogin({ db, sessions, config }: Deps, attempt: LoginAttempt): Promise<LoginResult> {
  const username = attempt.username.trim().toLowerCase();
  const audit = (e: Omit<AuditEvent, "tenantId" | "ip" | "requestId">) =>
    recordPlatformEvent(db, { ...e, ip: attempt.ip, requestId: attempt.requestId });

  const allowed = await takeRateLimit(db, `login:${attempt.ip ?? "unknown"}`, {
    max: config.LOGIN_RATE_LIMIT,
    windowMinutes: config.LOGIN_RATE_WINDOW_MINUTES,
  });
  if (!allowed) {
    await audit({ actor: { id: null, name: username }, action: "auth.login", outcome: "failure", data: { reason: "throttled" } });
    return { ok: false, reason: "throttled" };
  }

  const user = await withScope(db, PLATFORM, (trx) =>
    trx
      .selectFrom("users")
      .select(["id", "username", "password_hash", "locked_until", "disabled"])
      .where("username", "=", username)
      .executeTakeFirst(),
  );
  if (!user || user.disabled) {
    await verifyAgainstDecoy(attempt.password);
    await audit({
      actor: { id: user?.id ?? null, name: username },
      action: "auth.login",
      outcome: "failure",
      data: { reason: user ? "disabled" : "unknown_user" },
    });
    return { ok: false, reason: "invalid" };
  }
  const actor = { id: user.id, name: user.username };

  if (user.locked_until && user.locked_until > new Date()) {
    await audit({ actor, action: "auth.login", outcome: "failure", data: { reason: "locked" } });
    return { ok: false, reason: "locked", lockedUntil: user.locked_until };
  }

  if (!(await verifyPassword(user.password_hash, attempt.password))) {
    const lockedUntil = await withScope(db, PLATFORM, async (trx) => {
      const { failed_attempts } = await trx
        .updateTable("users")
        .set({ failed_attempts: sql`failed_attempts + 1` })
        .where("id", "=", user.id)
        .returning("failed_attempts")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        tenantId: PLATFORM_CHAIN,
        actor,
        action: "auth.login",
        outcome: "failure",
        ip: attempt.ip,
        requestId: attempt.requestId,
        data: { reason: "bad_password", consecutiveFailures: failed_attempts },
      });
      if (failed_attempts < config.LOGIN_MAX_FAILURES) return null;
      const until = new Date(Date.now() + config.LOGIN_LOCK_MINUTES * 60_000);
      await trx.updateTable("users").set({ failed_attempts: 0, locked_until: until }).where("id", "=", user.id).execute();
      await recordAudit(trx, {
        tenantId: PLATFORM_CHAIN,
        actor,
        action: "auth.lock",
        target: { type: "user", id: user.id },
        ip: attempt.ip,
        requestId: attempt.requestId,
        data: { until: until.toISOString(), failures: failed_attempts },
      });
      return until;
    });
    return lockedUntil ? { ok: false, reason: "locked", lockedUntil } : { ok: false, reason: "invalid" };
  }

  const token = await sessions.create(user.id, { ip: attempt.ip, userAgent: attempt.userAgent });
  await withScope(db, PLATFORM, async (trx) => {
    await trx.updateTable("users").set({ failed_attempts: 0, locked_until: null }).where("id", "=", user.id).execute();
    await recordAudit(trx, { tenantId: PLATFORM_CHAIN, actor, action: "auth.login", ip: attempt.ip, requestId: attempt.requestId });
  });
  return { ok: true, token, userId: user.id };
}
