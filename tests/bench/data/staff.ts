import type { Kysely, Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { PLATFORM_SCOPE, withScope } from "../../../db/scope";
import { hashPassword } from "../../../app/core/auth/password.server";
import { passwordProblems } from "../../../app/core/auth/password-policy";
import { recordAudit } from "../../../app/core/audit/record.server";
import type { BusinessRole } from "../../../app/core/permissions/roles";
import { PLATFORM_CHAIN } from "../../../db/roles";
import type { PlannedTenant } from "./tree";

/**
 * Two accounts per office: the officer the benchmark signs in as — 依申请公开专员, 经办人 and
 * 科室负责人, so the requests list and the inbox (drafts submitted to the 科室负责人) both have
 * something to show — and the 经办人 who drafted those documents (nobody reviews their own). One
 * argon2 hash of the known password serves every account: hashing thousands would take minutes,
 * and each stored hash verifies the password like any other.
 */

export const BENCH_PASSWORD = "Bench-Gongkai-2026";
export const OFFICER_ROLES: BusinessRole[] = ["requests_officer", "drafter", "dept_reviewer"];
export const DRAFTER_ROLES: BusinessRole[] = ["drafter"];

export interface TenantStaff {
  officer: { id: string; username: string };
  drafter: { id: string; username: string };
}

const CHUNK = 500;

export async function createStaff(db: Kysely<CoreDatabase>, tenants: PlannedTenant[]): Promise<Map<string, TenantStaff>> {
  const usernames = (t: PlannedTenant) => ({ officer: `${t.definition.code}.officer`, drafter: `${t.definition.code}.drafter` });
  for (const t of tenants) {
    const problems = passwordProblems(BENCH_PASSWORD, usernames(t).officer);
    if (problems.length) throw new Error(`bench data: the bench password fails the policy: ${problems.join(", ")}`);
  }
  const hash = await hashPassword(BENCH_PASSWORD);
  const rows = tenants.flatMap((t) => {
    const name = t.definition.name["zh-CN"];
    return [
      { username: usernames(t).officer, display_name: `${name}依申请公开专员`, password_hash: hash },
      { username: usernames(t).drafter, display_name: `${name}经办人`, password_hash: hash },
    ];
  });
  const ids = new Map<string, string>();
  await withScope(db, PLATFORM_SCOPE, async (trx) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      for (const u of await trx.insertInto("users").values(rows.slice(i, i + CHUNK)).returning(["id", "username"]).execute()) ids.set(u.username, u.id);
    }
    await recordAudit(trx, { tenantId: PLATFORM_CHAIN, actor: { id: null, name: "bench-data" }, action: "bench.accounts_created", data: { accounts: rows.length } });
  });
  return new Map(
    tenants.map((t) => {
      const u = usernames(t);
      return [t.definition.code, { officer: { id: ids.get(u.officer)!, username: u.officer }, drafter: { id: ids.get(u.drafter)!, username: u.drafter } }];
    }),
  );
}

/** The office's two memberships, written in its own transaction. */
export async function addMemberships(trx: Transaction<CoreDatabase>, tenantId: string, staff: TenantStaff): Promise<void> {
  await trx
    .insertInto("memberships")
    .values([
      { tenant_id: tenantId, user_id: staff.officer.id, roles: OFFICER_ROLES },
      { tenant_id: tenantId, user_id: staff.drafter.id, roles: DRAFTER_ROLES },
    ])
    .execute();
}
