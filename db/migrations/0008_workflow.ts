import { sql, type Kysely } from "kysely";
import { protectTenantTable } from "../rls";

/**
 * The approval workflow: per-tenant chains per document type, documents moving through
 * them, and an append-only ledger of decisions. A document keeps a snapshot of the chain it was
 * submitted under (`steps`), so editing a tenant's chain never reshuffles documents in flight, and
 * the role its current step waits for (`waiting_role`), so an inbox is one indexed query.
 * `version` is the optimistic lock: every decision names the version it was taken on.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE workflow_chains (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      document_type text NOT NULL,
      steps jsonb NOT NULL CHECK (jsonb_typeof(steps) = 'array'),
      updated_by uuid REFERENCES users(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, document_type)
    )`.execute(db);
  await protectTenantTable(db, "workflow_chains");

  await sql`
    CREATE TABLE workflow_documents (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      document_type text NOT NULL,
      title text NOT NULL CHECK (length(title) > 0),
      payload jsonb NOT NULL DEFAULT '{}',
      important boolean NOT NULL DEFAULT false,
      requires_classification boolean NOT NULL DEFAULT true,
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'in_review', 'returned', 'approved', 'withdrawn')),
      steps jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(steps) = 'array'),
      current_step int CHECK (current_step >= 0),
      waiting_role text,
      assignee_id uuid REFERENCES users(id),
      version int NOT NULL DEFAULT 1 CHECK (version > 0),
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      due_date date,
      PRIMARY KEY (tenant_id, id),
      CHECK ((status = 'in_review') = (current_step IS NOT NULL AND waiting_role IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX workflow_documents_inbox ON workflow_documents (tenant_id, waiting_role, due_date) WHERE status = 'in_review'`.execute(db);
  await sql`CREATE INDEX workflow_documents_assignee ON workflow_documents (tenant_id, assignee_id) WHERE assignee_id IS NOT NULL`.execute(db);
  // No DELETE: a document that went through review is withdrawn, never erased.
  await protectTenantTable(db, "workflow_documents", ["SELECT", "INSERT", "UPDATE"]);

  await sql`
    CREATE TABLE workflow_decisions (
      tenant_id uuid NOT NULL,
      document_id uuid NOT NULL,
      seq int NOT NULL CHECK (seq > 0),
      step_key text,
      action text NOT NULL CHECK (action IN ('submit', 'approve', 'return', 'withdraw', 'reassign')),
      actor_id uuid NOT NULL REFERENCES users(id),
      assignee_id uuid REFERENCES users(id),
      from_status text NOT NULL,
      to_status text NOT NULL,
      comment text,
      at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, document_id, seq),
      FOREIGN KEY (tenant_id, document_id) REFERENCES workflow_documents (tenant_id, id)
    )`.execute(db);
  // Append-only: decisions are the record of who decided what.
  await protectTenantTable(db, "workflow_decisions", ["SELECT", "INSERT"]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE workflow_decisions`.execute(db);
  await sql`DROP TABLE workflow_documents`.execute(db);
  await sql`DROP TABLE workflow_chains`.execute(db);
}
