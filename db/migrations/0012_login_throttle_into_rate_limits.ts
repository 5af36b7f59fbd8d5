import { sql, type Kysely } from "kysely";
import { grant } from "../rls";

/** Sign-in attempts are counted in rate_limits (key "login:<ip>") like every other limit; their own table goes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE login_throttle`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE login_throttle (
      ip text PRIMARY KEY,
      window_start timestamptz NOT NULL,
      attempts integer NOT NULL
    )`.execute(db);
  await grant(db, "login_throttle", ["SELECT", "INSERT", "UPDATE", "DELETE"]);
}
