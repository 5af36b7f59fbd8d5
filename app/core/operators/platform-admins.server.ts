import type { Kysely, Transaction } from "kysely";
import type { CoreDatabase, PlatformRole } from "../../../db/schema";
import { createAccount, DEFAULT_PASSWORD_HISTORY, PasswordPolicyError, setPassword } from "../auth/accounts.server";
import { clearLoginLocks } from "../auth/login-locks.server";
import { resetSecondFactor } from "../auth/second-factor.server";
import { USERNAME_PATTERN } from "../auth/username";
import { isPlatformRole, PLATFORM_ROLES } from "../permissions/roles";
import { isPlatformMembershipViolation } from "../permissions/separation";
import { withOperator } from "./operator-scope.server";

/**
 * The operator's work on the three platform administrators (三员): granting, revoking and
 * resetting happen here only, never through the web. Each call is one transaction with its audit
 * event on the platform chain; a refusal changes nothing and says what to do instead.
 */

export class OperatorRefusal extends Error {}

export interface PlatformAdmin {
  username: string;
  displayName: string;
  role: PlatformRole;
  disabled: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
}

export function parseRole(role: string | undefined): PlatformRole {
  if (role && isPlatformRole(role)) return role;
  throw new OperatorRefusal(`The platform role must be one of ${PLATFORM_ROLES.join(", ")} (got ${JSON.stringify(role ?? "")}).`);
}

async function lockAccount(trx: Transaction<CoreDatabase>, username: string) {
  const row = await trx
    .selectFrom("users")
    .select(["id", "username", "platform_role", "disabled", "locked_until", "failed_attempts"])
    .where("username", "=", username.trim().toLowerCase())
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new OperatorRefusal(`There is no account named ${JSON.stringify(username)}.`);
  return row;
}

/** Platform administrators only: office staff are the security administrator's, on the web. */
async function lockAdmin(trx: Transaction<CoreDatabase>, username: string) {
  const row = await lockAccount(trx, username);
  if (!row.platform_role) {
    throw new OperatorRefusal(`${row.username} holds no platform role: office staff accounts are managed by the security administrator in the platform console.`);
  }
  return { ...row, platform_role: row.platform_role };
}

async function endSessions(trx: Transaction<CoreDatabase>, userId: string): Promise<number> {
  return Number((await trx.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst()).numDeletedRows);
}

function explainPolicy(e: unknown): never {
  if (e instanceof PasswordPolicyError) {
    throw new OperatorRefusal(`The password does not meet the policy (${e.i18nKeys.join(", ")}): at least 8 characters from 3 of lower case, upper case, digits and symbols, not containing the username.`);
  }
  throw e;
}

export async function listPlatformAdmins(db: Kysely<CoreDatabase>): Promise<PlatformAdmin[]> {
  const rows = await db
    .selectFrom("users")
    .select(["username", "display_name", "platform_role", "disabled", "locked_until", "created_at"])
    .where("platform_role", "is not", null)
    .orderBy("platform_role")
    .orderBy("username")
    .execute();
  return rows.map((r) => ({
    username: r.username,
    displayName: r.display_name,
    role: r.platform_role!,
    disabled: r.disabled,
    lockedUntil: r.locked_until,
    createdAt: r.created_at,
  }));
}

/**
 * A new account holding one platform role. `mustChange` (the operator's command line) makes its
 * holder replace the password at first sign-in: the operator knows it.
 */
export async function createPlatformAdmin(
  db: Kysely<CoreDatabase>,
  operator: string,
  input: { username: string; displayName: string; role: PlatformRole; password: string; mustChange?: boolean },
): Promise<string> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) {
    throw new OperatorRefusal(`${JSON.stringify(input.username)} is not a valid username: 3–64 lower-case letters, digits or . _ -, starting with a letter or digit.`);
  }
  return withOperator(db, operator, async (trx, audit) => {
    if (await trx.selectFrom("users").select("id").where("username", "=", username).executeTakeFirst()) {
      throw new OperatorRefusal(`The username ${username} is already taken; to give that account a platform role, use grant.`);
    }
    const id = await createAccount(trx, { username, displayName: input.displayName, password: input.password }).catch(explainPolicy);
    await trx.updateTable("users").set({ platform_role: input.role, password_must_change: input.mustChange ?? false }).where("id", "=", id).execute();
    await audit({ action: "account.create", target: { type: "user", id }, data: { username, displayName: input.displayName, platformRole: input.role } });
    return id;
  });
}

/** Gives an existing account a platform role; it must hold none yet (三员分立) and no office membership. */
export async function grantPlatformRole(db: Kysely<CoreDatabase>, operator: string, username: string, role: PlatformRole): Promise<void> {
  try {
    await withOperator(db, operator, async (trx, audit) => {
      const user = await lockAccount(trx, username);
      if (user.platform_role === role) throw new OperatorRefusal(`${user.username} already holds ${role}; nothing changed.`);
      if (user.platform_role) {
        throw new OperatorRefusal(`${user.username} already holds ${user.platform_role}; an account holds at most one platform role (三员分立). Revoke it first.`);
      }
      await trx.updateTable("users").set({ platform_role: role, updated_at: new Date() }).where("id", "=", user.id).execute();
      const ended = await endSessions(trx, user.id);
      await audit({ action: "platform_role.grant", target: { type: "user", id: user.id }, data: { username: user.username, role, sessionsEnded: ended } });
    });
  } catch (e) {
    if (isPlatformMembershipViolation(e)) {
      throw new OperatorRefusal(`${username} is a member of one or more offices; a platform administrator holds no office membership (三员分立). The security administrator removes those memberships first.`);
    }
    throw e;
  }
}

/** Takes the platform role away; the account stays, as office staff the security administrator manages. */
export async function revokePlatformRole(db: Kysely<CoreDatabase>, operator: string, username: string): Promise<PlatformRole> {
  return withOperator(db, operator, async (trx, audit) => {
    const user = await lockAdmin(trx, username);
    await trx.updateTable("users").set({ platform_role: null, updated_at: new Date() }).where("id", "=", user.id).execute();
    const ended = await endSessions(trx, user.id);
    await audit({
      action: "platform_role.revoke",
      target: { type: "user", id: user.id },
      data: { username: user.username, role: user.platform_role, sessionsEnded: ended },
    });
    return user.platform_role;
  });
}

/**
 * Sets a new password for a platform administrator, to be replaced at their next sign-in and none
 * of their last `history` (PASSWORD_HISTORY), and signs them out everywhere.
 */
export async function resetPlatformPassword(
  db: Kysely<CoreDatabase>,
  operator: string,
  username: string,
  password: string,
  history = DEFAULT_PASSWORD_HISTORY,
): Promise<void> {
  await withOperator(db, operator, async (trx, audit) => {
    const user = await lockAdmin(trx, username);
    await setPassword(trx, user.id, user.username, password, { mustChange: true, history }).catch(explainPolicy);
    const ended = await endSessions(trx, user.id);
    await audit({ action: "account.password_reset", target: { type: "user", id: user.id }, data: { username: user.username, sessionsEnded: ended } });
  });
}

/** Clears a platform administrator's locks after failed sign-ins, from every address, and their failure counts. */
export async function unlockPlatformAdmin(db: Kysely<CoreDatabase>, operator: string, username: string): Promise<void> {
  await withOperator(db, operator, async (trx, audit) => {
    const user = await lockAdmin(trx, username);
    await clearLoginLocks(trx, user.id);
    await audit({
      action: "account.unlock",
      target: { type: "user", id: user.id },
      data: { username: user.username, lockedUntil: user.locked_until?.toISOString() ?? null, failedAttempts: user.failed_attempts },
    });
  });
}

/** Disables (signing out everywhere) or re-enables a platform administrator. */
export async function setPlatformAdminDisabled(db: Kysely<CoreDatabase>, operator: string, username: string, disabled: boolean): Promise<void> {
  await withOperator(db, operator, async (trx, audit) => {
    const user = await lockAdmin(trx, username);
    if (user.disabled === disabled) throw new OperatorRefusal(`${user.username} is already ${disabled ? "disabled" : "enabled"}; nothing changed.`);
    await trx.updateTable("users").set({ disabled, updated_at: new Date() }).where("id", "=", user.id).execute();
    const ended = disabled ? await endSessions(trx, user.id) : 0;
    await audit({
      action: disabled ? "account.disable" : "account.enable",
      target: { type: "user", id: user.id },
      data: disabled ? { username: user.username, sessionsEnded: ended } : { username: user.username },
    });
  });
}

/**
 * Clears the second factor of any account, platform administrator or office staff, whose holder
 * lost both phone and recovery codes; their sessions and pending sign-ins end with it.
 */
export async function resetAccountSecondFactor(db: Kysely<CoreDatabase>, operator: string, username: string): Promise<void> {
  await withOperator(db, operator, async (trx, audit) => {
    const user = await lockAccount(trx, username);
    const reset = await resetSecondFactor(trx, user.id);
    if (!reset) throw new OperatorRefusal(`${user.username} has no second factor; nothing changed.`);
    await audit({
      action: "account.second_factor_reset",
      target: { type: "user", id: user.id },
      data: { username: user.username, sessionsEnded: reset.sessionsEnded },
    });
  });
}
