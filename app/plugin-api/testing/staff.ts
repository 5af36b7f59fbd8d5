import type { AppLoadContext } from "@remix-run/node";
import type { Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { requireStaff, withTenant, type StaffContext } from "../../core/tenancy/staff.server";
import { signedInRequest } from "./accounts";

/** Runs `fn` in the office's transaction as the signed-in staff member, as a page's loader would. */
export async function asStaffOf<T>(
  env: { context: AppLoadContext; office: { code: string } },
  userId: string,
  fn: (trx: Transaction<CoreDatabase>, ctx: StaffContext) => Promise<T>,
): Promise<T> {
  const ctx = await requireStaff(await signedInRequest(env.context, userId, `/t/${env.office.code}/admin`), env.context, env.office.code);
  return withTenant(ctx, (trx) => fn(trx, ctx));
}
