import { sql, type Kysely } from "kysely";
import { grant } from "../rls";

/**
 * Fixed-window counters for public forms (applications, feedback): the key names the plugin,
 * tenant, form and client, so every app process shares one count. Not tenant data: no RLS.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE rate_limits (
      key text PRIMARY KEY,
      window_start timestamptz NOT NULL,
      hits integer NOT NULL
    )`.execute(db);
  await grant(db, "rate_limits", ["SELECT", "INSERT", "UPDATE", "DELETE"]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE rate_limits`.execute(db);
}
