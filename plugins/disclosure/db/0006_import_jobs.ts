import { sql, type Kysely } from "kysely";
import { protectTenantTable } from "../../../app/plugin-api";

/**
 * One register import as it runs: its stage and rows checked, written as it goes so that any
 * request — from any server process — can show how far it got, and its result once it ends (the
 * counts, the first problems, the batch it submitted). Only the person who started it reads it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE disclosure_import_jobs (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      started_by uuid NOT NULL,
      file_name text NOT NULL,
      mode text NOT NULL CHECK (mode IN ('check', 'submit')),
      stage text NOT NULL DEFAULT 'reading' CHECK (stage IN ('reading', 'checking', 'saving', 'done', 'failed')),
      done int NOT NULL DEFAULT 0 CHECK (done >= 0),
      total int CHECK (total >= 0),
      result jsonb,
      started_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      CHECK ((stage IN ('done', 'failed')) = (result IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX disclosure_import_jobs_started ON disclosure_import_jobs (tenant_id, started_by, started_at DESC)`.execute(db);
  await protectTenantTable(db, "disclosure_import_jobs", ["SELECT", "INSERT", "UPDATE", "DELETE"]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE disclosure_import_jobs`.execute(db);
}
