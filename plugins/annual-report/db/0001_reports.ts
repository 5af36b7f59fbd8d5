import { sql, type Kysely } from "kysely";
import { protectTenantTable } from "../../../app/plugin-api";

/**
 * 政府信息公开工作年度报告 (条例第四十九条、第五十条): one row per office, year and version. A version
 * is drafted (manual cells with their sources, the narrative of 一/五/六 as edited), sent through the
 * office's chain as a workflow document whose payload freezes the report's inputs, and published
 * into the catalogue on approval with its 索引号; a correction is a new version, the old one
 * superseded. Past years' reports, published before the platform, are kept as uploaded files so
 * the public list goes back to 2008.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE annual_report_reports (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      year int NOT NULL CHECK (year BETWEEN 2008 AND 2200),
      version int NOT NULL CHECK (version >= 1),
      status text NOT NULL CHECK (status IN ('drafting', 'in_approval', 'published', 'superseded')),
      manual_cells jsonb NOT NULL DEFAULT '{}',
      narrative jsonb NOT NULL DEFAULT '{}',
      figures_snapshot jsonb,
      document_id uuid,
      catalogue_item_id text,
      index_number text,
      published_on date,
      correction_reason text CHECK (correction_reason IS NULL OR length(correction_reason) BETWEEN 1 AND 500),
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, year, version),
      CHECK ((status IN ('published', 'superseded')) = (published_on IS NOT NULL AND index_number IS NOT NULL AND figures_snapshot IS NOT NULL)),
      CHECK (status <> 'in_approval' OR document_id IS NOT NULL),
      CHECK (version = 1 OR correction_reason IS NOT NULL)
    )`.execute(db);
  // One version of a year in work (drafting or in approval) per office at a time.
  await sql`CREATE UNIQUE INDEX annual_report_reports_open ON annual_report_reports (tenant_id, year) WHERE status IN ('drafting', 'in_approval')`.execute(db);
  await sql`CREATE INDEX annual_report_reports_document ON annual_report_reports (tenant_id, document_id)`.execute(db);
  await protectTenantTable(db, "annual_report_reports");

  await sql`
    CREATE TABLE annual_report_past_files (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      year int NOT NULL CHECK (year BETWEEN 2008 AND 2200),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      file_name text CHECK (file_name IS NULL OR length(file_name) BETWEEN 1 AND 200),
      mime text,
      size int CHECK (size IS NULL OR size > 0),
      sha256 text CHECK (sha256 IS NULL OR length(sha256) = 64),
      content bytea,
      published_url text CHECK (published_url IS NULL OR length(published_url) BETWEEN 1 AND 2000),
      published_on date,
      uploaded_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, year),
      CHECK (content IS NOT NULL OR published_url IS NOT NULL),
      CHECK ((content IS NULL) = (file_name IS NULL AND mime IS NULL AND size IS NULL AND sha256 IS NULL))
    )`.execute(db);
  await protectTenantTable(db, "annual_report_past_files");
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE annual_report_past_files`.execute(db);
  await sql`DROP TABLE annual_report_reports`.execute(db);
}
