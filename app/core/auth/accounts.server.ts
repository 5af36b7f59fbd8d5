import type { Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { passwordMatches, passwordReused, storePasswordHash } from "./credentials.server";
import { hashPassword } from "./password.server";
import { passwordProblems } from "./password-policy";

export class PasswordPolicyError extends Error {
  constructor(readonly i18nKeys: string[]) {
    super(`Password does not meet the policy: ${i18nKeys.join(", ")}`);
  }
}

/** An office staff account. Platform roles are never set here: the operator's command line grants them (app/core/operators). */
export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
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
