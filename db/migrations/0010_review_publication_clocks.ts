import { sql, type Kysely } from "kysely";
import { allowAncestorRead, protectTenantTable } from "../rls";

/**
 * What the approval workflow was still missing:
 * - publication: an approved document is published once, in the transaction that gives it its
 *   索引号; `round` counts submissions, so a classification review belongs to one round and a
 *   document returned and resubmitted is reviewed again;
 * - the classification review of a round (公开属性, ground, "no state secret" declaration) and the
 *   reviewer's decision on each scan finding (redact, or keep with a reason);
 * - deadline clock ledgers, append-only, from which due dates are derived;
 * - an office reads its ancestors' sensitive words (they apply to it) inside its own transaction,
 *   so a scan never needs a second connection (PGlite has only one).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE workflow_documents DROP CONSTRAINT workflow_documents_status_check`.execute(db);
  await sql`
    ALTER TABLE workflow_documents
      ADD CONSTRAINT workflow_documents_status_check
        CHECK (status IN ('draft', 'in_review', 'returned', 'approved', 'published', 'withdrawn')),
      ADD COLUMN round int NOT NULL DEFAULT 0 CHECK (round >= 0),
      ADD COLUMN published_at timestamptz,
      ADD COLUMN index_number text,
      ADD CONSTRAINT workflow_documents_published CHECK ((status = 'published') = (published_at IS NOT NULL))`.execute(db);
  await sql`CREATE UNIQUE INDEX workflow_documents_index_number ON workflow_documents (tenant_id, index_number) WHERE index_number IS NOT NULL`.execute(db);
  await sql`ALTER TABLE workflow_decisions DROP CONSTRAINT workflow_decisions_action_check`.execute(db);
  await sql`
    ALTER TABLE workflow_decisions ADD CONSTRAINT workflow_decisions_action_check
      CHECK (action IN ('submit', 'approve', 'return', 'withdraw', 'reassign', 'publish'))`.execute(db);

  await sql`
    CREATE TABLE classification_reviews (
      tenant_id uuid NOT NULL,
      document_id uuid NOT NULL,
      round int NOT NULL,
      attribute text NOT NULL CHECK (attribute IN ('proactive', 'on_request', 'withheld')),
      ground text,
      no_state_secret boolean NOT NULL CHECK (no_state_secret),
      reviewer_id uuid NOT NULL REFERENCES users(id),
      reviewed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, document_id),
      FOREIGN KEY (tenant_id, document_id) REFERENCES workflow_documents (tenant_id, id),
      CHECK ((attribute = 'proactive') = (ground IS NULL))
    )`.execute(db);
  await protectTenantTable(db, "classification_reviews", ["SELECT", "INSERT", "UPDATE"]);

  await sql`
    CREATE TABLE classification_resolutions (
      tenant_id uuid NOT NULL,
      document_id uuid NOT NULL,
      field text NOT NULL,
      finding_key text NOT NULL,
      action text NOT NULL CHECK (action IN ('redact', 'keep')),
      reason text,
      decided_by uuid NOT NULL REFERENCES users(id),
      decided_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, document_id, field, finding_key),
      FOREIGN KEY (tenant_id, document_id) REFERENCES workflow_documents (tenant_id, id),
      CHECK (action = 'redact' OR length(btrim(reason)) > 0)
    )`.execute(db);
  await protectTenantTable(db, "classification_resolutions", ["SELECT", "INSERT", "UPDATE"]);

  await sql`
    CREATE TABLE clock_events (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      clock_id text NOT NULL,
      seq int NOT NULL CHECK (seq > 0),
      event jsonb NOT NULL CHECK (jsonb_typeof(event) = 'object'),
      recorded_by uuid REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, clock_id, seq)
    )`.execute(db);
  // Append-only: a clock is corrected by a later event, never by rewriting an earlier one.
  await protectTenantTable(db, "clock_events", ["SELECT", "INSERT"]);

  await sql`
    CREATE FUNCTION app_ancestor_tenants() RETURNS uuid[] LANGUAGE sql STABLE AS $$
      WITH RECURSIVE up (id, parent_id, depth) AS (
        SELECT id, parent_id, 0 FROM tenants WHERE id = ANY (app_read_tenants())
        UNION
        SELECT t.id, t.parent_id, up.depth + 1 FROM tenants t JOIN up ON t.id = up.parent_id WHERE up.depth < 16
      )
      SELECT COALESCE(array_agg(DISTINCT id), '{}') FROM up WHERE depth > 0
    $$`.execute(db);
  await allowAncestorRead(db, "sensitive_words");
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP POLICY ancestors_read ON sensitive_words`.execute(db);
  await sql`DROP FUNCTION app_ancestor_tenants()`.execute(db);
  await sql`DROP TABLE clock_events`.execute(db);
  await sql`DROP TABLE classification_resolutions`.execute(db);
  await sql`DROP TABLE classification_reviews`.execute(db);
  await sql`DROP INDEX workflow_documents_index_number`.execute(db);
  await sql`ALTER TABLE workflow_decisions DROP CONSTRAINT workflow_decisions_action_check`.execute(db);
  await sql`ALTER TABLE workflow_decisions ADD CONSTRAINT workflow_decisions_action_check CHECK (action IN ('submit', 'approve', 'return', 'withdraw', 'reassign'))`.execute(db);
  await sql`
    ALTER TABLE workflow_documents
      DROP CONSTRAINT workflow_documents_published,
      DROP COLUMN index_number,
      DROP COLUMN published_at,
      DROP COLUMN round,
      DROP CONSTRAINT workflow_documents_status_check,
      ADD CONSTRAINT workflow_documents_status_check CHECK (status IN ('draft', 'in_review', 'returned', 'approved', 'withdrawn'))`.execute(db);
}
