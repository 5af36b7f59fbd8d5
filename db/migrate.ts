import { Migrator, sql, type Kysely, type MigrationResultSet } from "kysely";
import type { CoreDatabase } from "./schema";
import { NO_TENANT, withScope } from "./scope";
import { coreMigrations } from "./migrations";

export const CORE_MIGRATION_TABLE = "core_migrations";

function coreMigrator(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => coreMigrations },
    migrationTableName: CORE_MIGRATION_TABLE,
    migrationLockTableName: `${CORE_MIGRATION_TABLE}_lock`,
  });
}

/** Brings the core schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await coreMigrator(db).migrateToLatest();
  return assertApplied(error, results);
}

function assertApplied(error: unknown, results: MigrationResultSet["results"]): string[] {
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? "");
    throw new Error(`Migration ${failed?.migrationName ?? "(unknown)"} failed: ${cause}`, { cause: error });
  }
  return (results ?? []).map((r) => r.migrationName);
}

export interface MigrationState {
  applied: number;
  pending: string[];
}

/** Which core migrations have run; readable by the serving role (granted in 0001). */
export async function migrationState(db: Kysely<CoreDatabase>): Promise<MigrationState> {
  const rows = await withScope(db, NO_TENANT, (trx) =>
    sql<{ name: string }>`SELECT name FROM ${sql.table(CORE_MIGRATION_TABLE)}`.execute(trx),
  );
  const done = new Set(rows.rows.map((r) => r.name));
  const all = Object.keys(coreMigrations);
  return { applied: all.filter((n) => done.has(n)).length, pending: all.filter((n) => !done.has(n)) };
}
