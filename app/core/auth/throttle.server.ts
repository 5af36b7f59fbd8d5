import { sql, type Kysely } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { NO_TENANT, withScope } from "../../../db/scope";

/**
 * Counts sign-in attempts per client address in a fixed window, in the database so that every
 * app process shares the count. Returns false once the address has used up its window.
 */
export async function takeLoginAttempt(
  db: Kysely<CoreDatabase>,
  ip: string,
  limit: { attempts: number; windowMinutes: number },
): Promise<boolean> {
  const windowStart = new Date(Date.now() - limit.windowMinutes * 60_000);
  const row = await withScope(db, NO_TENANT, (trx) =>
    trx
      .insertInto("login_throttle")
      .values({ ip, window_start: new Date(), attempts: 1 })
      .onConflict((oc) =>
        oc.column("ip").doUpdateSet({
          attempts: sql`CASE WHEN login_throttle.window_start < ${windowStart} THEN 1 ELSE login_throttle.attempts + 1 END`,
          window_start: sql`CASE WHEN login_throttle.window_start < ${windowStart} THEN now() ELSE login_throttle.window_start END`,
        }),
      )
      .returning("attempts")
      .executeTakeFirstOrThrow(),
  );
  return row.attempts <= limit.attempts;
}
