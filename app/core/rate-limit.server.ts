import { sql, type Kysely } from "kysely";
import type { CoreDatabase } from "../../db/schema";
import { NO_TENANT, withScope } from "../../db/scope";

export interface RateLimit {
  max: number;
  windowMinutes: number;
}

/**
 * Counts one use of `key` in a fixed window, in the database so that every app process shares the
 * count. Returns false once the window's allowance is used up (the use is still counted).
 */
export async function takeRateLimit(db: Kysely<CoreDatabase>, key: string, limit: RateLimit): Promise<boolean> {
  const windowStart = new Date(Date.now() - limit.windowMinutes * 60_000);
  const row = await withScope(db, NO_TENANT, (trx) =>
    trx
      .insertInto("rate_limits")
      .values({ key, window_start: new Date(), hits: 1 })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({
          hits: sql`CASE WHEN rate_limits.window_start < ${windowStart} THEN 1 ELSE rate_limits.hits + 1 END`,
          window_start: sql`CASE WHEN rate_limits.window_start < ${windowStart} THEN now() ELSE rate_limits.window_start END`,
        }),
      )
      .returning("hits")
      .executeTakeFirstOrThrow(),
  );
  return row.hits <= limit.max;
}
