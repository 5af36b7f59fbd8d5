import { sql, type Kysely } from "kysely";
import { grant } from "../rls";

/**
 * Working-day overrides for the whole platform: the State Council notice is national, so this is
 * a global table. A sysadmin fills in a year the holiday package does not know yet, or corrects it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE calendar_overrides (
      date date PRIMARY KEY,
      workday boolean NOT NULL,
      note text,
      updated_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await grant(db, "calendar_overrides", ["SELECT", "INSERT", "UPDATE", "DELETE"]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE calendar_overrides`.execute(db);
}
