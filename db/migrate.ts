import { Migrator, type Kysely, type MigrationResultSet } from "kysely";
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

export async function migrationState(db: Kysely<any>): Promise<MigrationState> {
  const all = await coreMigrator(db).getMigrations();
  return {
    applied: all.filter((m) => m.executedAt).length,
    pending: all.filter((m) => !m.executedAt).map((m) => m.name),
  };
}
