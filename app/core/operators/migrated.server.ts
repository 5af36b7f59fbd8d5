import { sql, type Kysely } from "kysely";
import { CORE_MIGRATION_TABLE } from "../../../db/migrate";
import type { CoreDatabase } from "../../../db/schema";

/** The migration the operator's commands rely on (the owner-only platform role and its triggers). */
const REQUIRED_MIGRATION = "0014_separation_of_duties";

/** Whether the database has been migrated far enough for `npm run platform` (false on an empty one). */
export async function readyForOperators(db: Kysely<CoreDatabase>): Promise<boolean> {
  try {
    const rows = await sql<{ name: string }>`SELECT name FROM ${sql.table(CORE_MIGRATION_TABLE)} WHERE name = ${REQUIRED_MIGRATION}`.execute(db);
    return rows.rows.length > 0;
  } catch {
    return false;
  }
}
