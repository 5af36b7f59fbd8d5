import { sql, type Transaction } from "kysely";
import type { CoreDatabase, PlatformRole } from "../../../db/schema";
import type { FieldErrors } from "../forms.server";
import { deleteMembership, putMembership } from "../permissions/memberships.server";
import { withPlatform, type PlatformContext } from "../permissions/platform.server";
import { isPlatformMembershipViolation } from "../permissions/separation";
import { createAccount, PasswordPolicyError, setPassword } from "./accounts.server";
import { clearLoginLocks } from "./login-locks.server";
import { passwordProblems } from "./password-policy";
import { hasSecondFactor, resetSecondFactor } from "./second-factor.server";
import { USERNAME_PATTERN } from "./username";

/**
 * The security administrator's work on office staff accounts: every change runs in one platform
 * transaction together with its audit event, so either both land or neither does. 三员分立: no
 * change of any kind to the administrator's own account or to any account holding a platform
 * role — those belong to the operator's command line (`npm run platform`, app/core/operators).
 */

export const ACCOUNT_STATUSES = ["active", "locked", "disabled"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export { USERNAME_PATTERN };

/** A refusal the administrator can fix: the field it belongs to and the i18n key explaining it. */
export class AccountAdminError extends Error {
  constructor(readonly field: string, readonly i18nKey: string) {
    super(i18nKey);
  }
}

export class AccountNotFoundError extends Error {
  constructor() {
    super("No such account");
  }
}

/** Turns a refusal from this module into field errors for the form; anything else is not ours to explain. */
export function refusalErrors(e: unknown, passwordField = "password"): FieldErrors | null {
  if (e instanceof AccountAdminError) return { [e.field]: [e.i18nKey] };
  if (isPlatformMembershipViolation(e)) return { roles: ["platform:errors.platformAccount.noMembership"] };
  if (e instanceof PasswordPolicyError) return { [passwordField]: e.i18nKeys };
  return null;
}

/**
 * Everything wrong with a new account's username and password, so the form can show every problem
 * at once; createStaffAccount refuses on the same rules.
 */
export function newAccountProblems(input: { username: string; password: string }): FieldErrors {
  const errors: FieldErrors = {};
  const username = input.username.trim().toLowerCase();
  if (username && !USERNAME_PATTERN.test(username)) errors.username = ["platform:errors.username.format"];
  const weak = input.password ? passwordProblems(input.password, username) : [];
  if (weak.length) errors.password = weak;
  return errors;
}

export function statusOf(u: { disabled: boolean; locked_until: Date | null }, now = new Date()): AccountStatus {
  if (u.disabled) return "disabled";
  return u.locked_until && u.locked_until > now ? "locked" : "active";
}

export interface AccountQuery {
  q?: string;
  status?: AccountStatus;
  /** A platform role, or "none" for accounts without one. */
  role?: PlatformRole | "none";
  page: number;
  pageSize: number;
}

export interface AccountSummary {
  id: string;
  username: string;
  displayName: string;
  platformRole: PlatformRole | null;
  status: AccountStatus;
  memberships: number;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One page of accounts; membership counts include only the tenants the transaction may read. */
export async function listAccounts(
  trx: Transaction<CoreDatabase>,
  query: AccountQuery,
  now = new Date(),
): Promise<{ accounts: AccountSummary[]; total: number }> {
  let base = trx.selectFrom("users");
  const q = query.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    base = base.where((eb) => eb.or([eb("username", "ilike", pattern), eb("display_name", "ilike", pattern)]));
  }
  if (query.status === "disabled") base = base.where("disabled", "=", true);
  if (query.status === "locked") base = base.where("disabled", "=", false).where("locked_until", ">", now);
  if (query.status === "active") {
    base = base.where("disabled", "=", false).where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]));
  }
  if (query.role === "none") base = base.where("platform_role", "is", null);
  else if (query.role) base = base.where("platform_role", "=", query.role);

  const { total } = await base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const rows = await base
    .select(["id", "username", "display_name", "platform_role", "disabled", "locked_until"])
    .select((eb) =>
      eb
        .selectFrom("memberships")
        .whereRef("memberships.user_id", "=", "users.id")
        .select(eb.fn.countAll<number>().as("n"))
        .as("memberships"),
    )
    .orderBy("username")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    total: Number(total),
    accounts: rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      platformRole: r.platform_role,
      status: statusOf(r, now),
      memberships: Number(r.memberships ?? 0),
    })),
  };
}

export interface AccountCounts {
  total: number;
  locked: number;
  disabled: number;
}

export async function countAccounts(trx: Transaction<CoreDatabase>, now = new Date()): Promise<AccountCounts> {
  const row = await trx
    .selectFrom("users")
    .select((eb) => [
      eb.fn.countAll<number>().as("total"),
      sql<number>`count(*) FILTER (WHERE NOT disabled AND locked_until > ${now})`.as("locked"),
      sql<number>`count(*) FILTER (WHERE disabled)`.as("disabled"),
    ])
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), locked: Number(row.locked), disabled: Number(row.disabled) };
}

export interface AccountDetail {
  id: string;
  username: string;
  displayName: string;
  platformRole: PlatformRole | null;
  status: AccountStatus;
  failedAttempts: number;
  lockedUntil: Date | null;
  passwordChangedAt: Date;
  createdAt: Date;
  /** Whether the account signs in with an authenticator (TOTP) as its second factor. */
  secondFactor: boolean;
}

export async function getAccount(trx: Transaction<CoreDatabase>, userId: string, now = new Date()): Promise<AccountDetail | null> {
  const r = await trx
    .selectFrom("users")
    .select([
      "id",
      "username",
      "display_name",
      "platform_role",
      "disabled",
      "locked_until",
      "failed_attempts",
      "password_changed_at",
      "created_at",
    ])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    platformRole: r.platform_role,
    status: statusOf(r, now),
    failedAttempts: r.failed_attempts,
    lockedUntil: r.locked_until,
    passwordChangedAt: r.password_changed_at,
    createdAt: r.created_at,
    secondFactor: await hasSecondFactor(trx, r.id),
  };
}

/** Why this administrator may not change this account through the console, or null when they may. */
export function consoleRefusal(ctx: PlatformContext, target: { id: string; platformRole: PlatformRole | null }): string | null {
  if (target.id === ctx.user.id) return "platform:errors.self.any";
  if (target.platformRole) return "platform:errors.platformAccount.operatorOnly";
  return null;
}

/**
 * Locks the account's row for the change and refuses, inside the same transaction, one the console
 * may not touch: the row lock keeps the operator from granting a platform role in between.
 */
async function lockStaff(trx: Transaction<CoreDatabase>, ctx: PlatformContext, userId: string, field = "_form") {
  const row = await trx
    .selectFrom("users")
    .select(["id", "username", "display_name", "platform_role", "disabled", "locked_until", "failed_attempts"])
    .where("id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AccountNotFoundError();
  const refusal = consoleRefusal(ctx, { id: row.id, platformRole: row.platform_role });
  if (refusal) throw new AccountAdminError(field, refusal);
  return row;
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "23505";
}

export interface NewStaffAccount {
  username: string;
  displayName: string;
  password: string;
}

/** Creates an office staff account (never a platform administrator); a weak password or a taken username change nothing. */
export async function createStaffAccount(ctx: PlatformContext, input: NewStaffAccount): Promise<string> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) throw new AccountAdminError("username", "platform:errors.username.format");
  try {
    return await withPlatform(ctx, {}, async (trx, audit) => {
      const taken = await trx.selectFrom("users").select("id").where("username", "=", username).executeTakeFirst();
      if (taken) throw new AccountAdminError("username", "platform:errors.username.taken");
      const id = await createAccount(trx, { username, displayName: input.displayName, password: input.password });
      await audit({ action: "account.create", target: { type: "user", id }, data: { username, displayName: input.displayName } });
      return id;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AccountAdminError("username", "platform:errors.username.taken");
    throw e;
  }
}

/** Changes a staff account's display name. Returns whether anything changed. */
export async function updateAccount(ctx: PlatformContext, userId: string, input: { displayName: string }): Promise<boolean> {
  return withPlatform(ctx, {}, async (trx, audit) => {
    const before = await lockStaff(trx, ctx, userId);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (before.display_name !== input.displayName) changes.displayName = { from: before.display_name, to: input.displayName };
    if (Object.keys(changes).length === 0) return false;
    await trx.updateTable("users").set({ display_name: input.displayName, updated_at: new Date() }).where("id", "=", userId).execute();
    await audit({ action: "account.update", target: { type: "user", id: userId }, data: { username: before.username, changes } });
    return true;
  });
}

/** Clears a lock after failed sign-ins, and the failure count with it. */
export async function unlockAccount(ctx: PlatformContext, userId: string): Promise<void> {
  await withPlatform(ctx, {}, async (trx, audit) => {
    const before = await lockStaff(trx, ctx, userId);
    await clearLoginLocks(trx, userId);
    await audit({
      action: "account.unlock",
      target: { type: "user", id: userId },
      data: { username: before.username, lockedUntil: before.locked_until?.toISOString() ?? null, failedAttempts: before.failed_attempts },
    });
  });
}

/**
 * Sets a new password under the policy, which its holder replaces at next sign-in and which may not
 * be one of their last PASSWORD_HISTORY, and ends the account's sessions, so whoever knew the old
 * one is signed out. Administrators change their own password on the account page instead,
 * where the current password is asked for.
 */
export async function resetAccountPassword(ctx: PlatformContext, userId: string, password: string): Promise<void> {
  if (userId === ctx.user.id) throw new AccountAdminError("password", "platform:errors.self.password");
  await withPlatform(ctx, {}, async (trx, audit) => {
    const user = await lockStaff(trx, ctx, userId, "password");
    await setPassword(trx, userId, user.username, password, { mustChange: true, history: ctx.context.services.config.PASSWORD_HISTORY });
    const ended = await trx.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
    await audit({
      action: "account.password_reset",
      target: { type: "user", id: userId },
      data: { username: user.username, sessionsEnded: Number(ended.numDeletedRows) },
    });
  });
}

/**
 * Clears the second factor of office staff who lost both phone and recovery codes; their sessions
 * and pending sign-ins end. Where their office requires one, the next sign-in enrols again.
 */
export async function resetAccountSecondFactor(ctx: PlatformContext, userId: string): Promise<void> {
  await withPlatform(ctx, {}, async (trx, audit) => {
    const user = await lockStaff(trx, ctx, userId);
    const reset = await resetSecondFactor(trx, userId);
    if (!reset) throw new AccountAdminError("_form", "platform:errors.secondFactor.none");
    await audit({
      action: "account.second_factor_reset",
      target: { type: "user", id: userId },
      data: { username: user.username, sessionsEnded: reset.sessionsEnded },
    });
  });
}

/** Disables (and signs out everywhere) or re-enables an account; nobody can disable themselves. */
export async function setAccountDisabled(ctx: PlatformContext, userId: string, disabled: boolean): Promise<void> {
  if (userId === ctx.user.id) throw new AccountAdminError("_form", "platform:errors.self.disable");
  await withPlatform(ctx, {}, async (trx, audit) => {
    const user = await lockStaff(trx, ctx, userId);
    if (user.disabled === disabled) return;
    await trx.updateTable("users").set({ disabled, updated_at: new Date() }).where("id", "=", userId).execute();
    const ended = disabled ? Number((await trx.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst()).numDeletedRows) : 0;
    await audit({
      action: disabled ? "account.disable" : "account.enable",
      target: { type: "user", id: userId },
      data: disabled ? { username: user.username, sessionsEnded: ended } : { username: user.username },
    });
  });
}

/**
 * Gives the account exactly these business roles in one tenant; the write and its audit event land
 * in that tenant. Returns whether anything changed (an unchanged submission is not audited).
 */
export async function setAccountMembership(
  ctx: PlatformContext,
  userId: string,
  tenantId: string,
  roles: readonly string[],
): Promise<boolean> {
  const wanted = [...new Set(roles)];
  if (wanted.length === 0) throw new AccountAdminError("roles", "platform:errors.membership.rolesRequired");
  if (!wanted.every((r) => ctx.context.services.permissions.roles.has(r))) throw new AccountAdminError("roles", "errors.invalid");
  return withPlatform(ctx, { tenantId }, async (trx, audit) => {
    const user = await lockStaff(trx, ctx, userId, "roles");
    const tenant = await trx.selectFrom("tenants").select("id").where("id", "=", tenantId).executeTakeFirst();
    if (!tenant) throw new AccountAdminError("tenant", "platform:errors.membership.unknownTenant");
    const previous = await putMembership(trx, tenantId, userId, wanted);
    if (previous && previous.length === wanted.length && wanted.every((r) => previous.includes(r))) return false;
    await audit({
      action: "membership.set",
      target: { type: "user", id: userId },
      data: { username: user.username, roles: wanted, previous },
    });
    return true;
  });
}

/** Ends the account's membership in one tenant; returns whether there was one. */
export async function removeAccountMembership(ctx: PlatformContext, userId: string, tenantId: string): Promise<boolean> {
  return withPlatform(ctx, { tenantId }, async (trx, audit) => {
    const user = await lockStaff(trx, ctx, userId);
    const previous = await deleteMembership(trx, tenantId, userId);
    if (!previous) return false;
    await audit({ action: "membership.remove", target: { type: "user", id: userId }, data: { username: user.username, previous } });
    return true;
  });
}
