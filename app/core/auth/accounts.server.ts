import type { Transaction } from "kysely";
import type { CoreDatabase, PlatformRole } from "../../../db/schema";
import { SeparationOfDutiesError, violatesSeparationOfDuties } from "../permissions/separation";
import { isPlatformRole } from "../permissions/roles";
import { passwordMatches, passwordReused, storePasswordHash } from "./credentials.server";
import { hashPassword } from "./password.server";
import { passwordProblems } from "./password-policy";

export class PasswordPolicyError extends Error {
  constructor(readonly i18nKeys: string[]) {
    super(`Password does not meet the policy: ${i18nKeys.join(", ")}`);
  }
}

/** Reduces a set of requested platform roles to the one an account may hold, refusing two or more. */
export function singlePlatformRole(roles: readonly string[]): PlatformRole | null {
  if (violatesSeparationOfDuties(roles)) throw new SeparationOfDutiesError();
  return roles.find(isPlatformRole) ?? null;
}

export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
  platformRoles?: readonly string[];
}

export async function createAccount(trx: Transaction<CoreDatabase>, a: NewAccount): Promise<string> {
  const problems = passwordProblems(a.password, a.username);
  if (problems.length) throw new PasswordPolicyError(problems);
  const { id } = await trx
    .insertInto("users")
    .values({
      username: a.username.toLowerCase(),
      display_name: a.displayName,
      password_hash: await hashPassword(a.password),
      platform_role: singlePlatformRole(a.platformRoles ?? []),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * How a password is set: `mustChange` makes its owner replace it at next sign-in; `history` is how
 * many recent passwords (the current one included) it may not repeat. The default is a reset by
 * the security administrator: a new password the owner must change, and none of the last
 * DEFAULT_PASSWORD_HISTORY.
 */
export interface PasswordRules {
  mustChange: boolean;
  history: number;
}

/** PASSWORD_HISTORY's default (app/core/config.server.ts). */
export const DEFAULT_PASSWORD_HISTORY = 5;

export async function setPassword(
  trx: Transaction<CoreDatabase>,
  userId: string,
  username: string,
  password: string,
  rules: PasswordRules = { mustChange: true, history: DEFAULT_PASSWORD_HISTORY },
): Promise<void> {
  const problems = passwordProblems(password, username);
  if (problems.length) throw new PasswordPolicyError(problems);
  if (await passwordReused(trx, userId, password, rules.history)) throw new PasswordPolicyError(["errors.password.reused"]);
  await storePasswordHash(trx, userId, await hashPassword(password), rules.mustChange);
}

export function checkCurrentPassword(trx: Transaction<CoreDatabase>, userId: string, password: string): Promise<boolean> {
  return passwordMatches(trx, userId, password);
}
