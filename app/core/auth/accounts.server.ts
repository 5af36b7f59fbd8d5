import type { Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { hashPassword, verifyPassword } from "./password.server";
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

export async function setPassword(trx: Transaction<CoreDatabase>, userId: string, username: string, password: string): Promise<void> {
  const problems = passwordProblems(password, username);
  if (problems.length) throw new PasswordPolicyError(problems);
  await trx
    .updateTable("users")
    .set({ password_hash: await hashPassword(password), password_changed_at: new Date(), updated_at: new Date() })
    .where("id", "=", userId)
    .execute();
}

export async function checkCurrentPassword(trx: Transaction<CoreDatabase>, userId: string, password: string): Promise<boolean> {
  const row = await trx.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirst();
  return !!row && (await verifyPassword(row.password_hash, password));
}
