import { sql, type Kysely } from "kysely";
import { allowAncestorRead, protectTenantTable } from "../../../app/plugin-api";

/**
 * The disclosure plugin's tables. Drafts live in the core workflow (document type
 * `disclosure.item`); `disclosure_items` holds what was published — the redacted rendition, with
 * its 索引号 — and what was withdrawn, which keeps a public notice. Corrections keep every earlier
 * version. A city's catalogue categories are read by its branch offices (`ancestors_read`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE disclosure_categories (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      key text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9.-]*$'),
      parent_key text,
      label jsonb NOT NULL CHECK (jsonb_typeof(label) = 'object' AND length(label->>'zh-CN') > 0),
      legal_source text,
      kind text CHECK (kind IN ('normative', 'rule', 'interpretation', 'annual-report', 'guide')),
      position int NOT NULL DEFAULT 0,
      PRIMARY KEY (tenant_id, key)
    )`.execute(db);
  await protectTenantTable(db, "disclosure_categories");
  await allowAncestorRead(db, "disclosure_categories");

  await sql`
    CREATE TABLE disclosure_list_rows (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      key text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9.-]*$'),
      category_key text NOT NULL,
      first_level text NOT NULL,
      second_level text NOT NULL,
      content text NOT NULL,
      basis text NOT NULL,
      time_limit text NOT NULL,
      time_limit_workdays int CHECK (time_limit_workdays BETWEEN 1 AND 365),
      responsible text NOT NULL,
      channels text[] NOT NULL DEFAULT '{}',
      audience text NOT NULL,
      mode text NOT NULL CHECK (mode IN ('主动', '依申请')),
      position int NOT NULL DEFAULT 0,
      PRIMARY KEY (tenant_id, key)
    )`.execute(db);
  await protectTenantTable(db, "disclosure_list_rows");

  await sql`
    CREATE TABLE disclosure_items (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      document_id uuid,
      index_number text NOT NULL,
      category_key text NOT NULL,
      list_row_key text,
      title text NOT NULL CHECK (length(title) > 0),
      issuer text NOT NULL,
      doc_number text,
      written_on date NOT NULL,
      formed_on date NOT NULL,
      published_on date NOT NULL,
      topic text NOT NULL,
      attribute text NOT NULL DEFAULT 'proactive' CHECK (attribute IN ('proactive', 'on_request')),
      validity text CHECK (validity IN ('valid', 'expired', 'repealed')),
      valid_from date,
      ended_on date,
      body_html text NOT NULL DEFAULT '',
      attachments jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(attachments) = 'array'),
      interprets_id uuid,
      status text NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'withdrawn')),
      withdrawn_on date,
      withdrawal_reason text,
      version int NOT NULL DEFAULT 1,
      search_text text NOT NULL DEFAULT '',
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, index_number),
      FOREIGN KEY (tenant_id, interprets_id) REFERENCES disclosure_items (tenant_id, id),
      CHECK (written_on <= published_on AND formed_on <= published_on),
      CHECK ((status = 'withdrawn') = (withdrawn_on IS NOT NULL AND withdrawal_reason IS NOT NULL)),
      CHECK (validity <> 'valid' OR ended_on IS NULL)
    )`.execute(db);
  await sql`CREATE INDEX disclosure_items_category ON disclosure_items (tenant_id, category_key, published_on DESC)`.execute(db);
  await sql`CREATE INDEX disclosure_items_published ON disclosure_items (tenant_id, published_on DESC, id)`.execute(db);
  await sql`CREATE INDEX disclosure_items_list_row ON disclosure_items (tenant_id, list_row_key) WHERE list_row_key IS NOT NULL`.execute(db);
  await sql`CREATE INDEX disclosure_items_interprets ON disclosure_items (tenant_id, interprets_id) WHERE interprets_id IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX disclosure_items_document ON disclosure_items (tenant_id, document_id) WHERE document_id IS NOT NULL`.execute(db);
  // Published records are never deleted: a withdrawal keeps its public notice.
  await protectTenantTable(db, "disclosure_items", ["SELECT", "INSERT", "UPDATE"]);
  // Readers without an account (the public portal and the open-data API) see proactive records only.
  await sql`
    CREATE POLICY public_reads_proactive ON disclosure_items AS RESTRICTIVE FOR SELECT
      USING (app_user_id() IS NOT NULL OR attribute = 'proactive')`.execute(db);

  await sql`
    CREATE TABLE disclosure_item_versions (
      tenant_id uuid NOT NULL,
      item_id uuid NOT NULL,
      version int NOT NULL,
      snapshot jsonb NOT NULL,
      reason text NOT NULL,
      changed_by uuid REFERENCES users(id),
      changed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, item_id, version),
      FOREIGN KEY (tenant_id, item_id) REFERENCES disclosure_items (tenant_id, id)
    )`.execute(db);
  await protectTenantTable(db, "disclosure_item_versions", ["SELECT", "INSERT"]);
  await sql`
    CREATE POLICY public_reads_proactive ON disclosure_item_versions AS RESTRICTIVE FOR SELECT
      USING (app_user_id() IS NOT NULL OR EXISTS (
        SELECT 1 FROM disclosure_items i WHERE i.tenant_id = disclosure_item_versions.tenant_id AND i.id = disclosure_item_versions.item_id))`.execute(db);

  await sql`
    CREATE TABLE disclosure_attachments (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      mime text NOT NULL,
      size int NOT NULL CHECK (size > 0),
      sha256 text NOT NULL,
      bytes bytea NOT NULL,
      text text NOT NULL DEFAULT '',
      uploaded_by uuid REFERENCES users(id),
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id)
    )`.execute(db);
  await protectTenantTable(db, "disclosure_attachments", ["SELECT", "INSERT"]);
  // The public downloads a file only once a published proactive item offers it (not one whose text needed redaction).
  await sql`
    CREATE POLICY public_reads_published ON disclosure_attachments AS RESTRICTIVE FOR SELECT
      USING (app_user_id() IS NOT NULL OR EXISTS (
        SELECT 1 FROM disclosure_items i
        WHERE i.tenant_id = disclosure_attachments.tenant_id AND i.status = 'published'
          AND i.attachments @> jsonb_build_array(jsonb_build_object('id', disclosure_attachments.id::text))
          AND NOT i.attachments @> jsonb_build_array(jsonb_build_object('id', disclosure_attachments.id::text, 'redacted', true))))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["disclosure_attachments", "disclosure_item_versions", "disclosure_items", "disclosure_list_rows", "disclosure_categories"]) {
    await sql`DROP TABLE ${sql.table(t)}`.execute(db);
  }
}
