import { sql, type Kysely } from "kysely";
import { protectTenantTable } from "../../../app/plugin-api";

const REQUEST_TABLES = ["requests_applications", "requests_attachments", "requests_notices", "requests_supplements", "requests_consultations", "requests_appeals"];

/**
 * 依申请公开: applications and everything that happens to them. The reply clock is the core's
 * ledger (`requests.reply:<application id>`); notices to the applicant are workflow documents
 * (`requests.notice`, `requests.reply`) mirrored here once sent, so the applicant can read them.
 * Applicant identity is sealed (`ctx.crypto`); lists show only the masked name.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE requests_applications (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tracking_no text NOT NULL,
      query_code_hash text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('internet', 'email', 'in_person', 'post', 'ordinary_letter', 'fax')),
      receipt_facts jsonb NOT NULL DEFAULT '{}',
      submitted_at timestamptz NOT NULL DEFAULT now(),
      received_on date,
      applicant_type text NOT NULL CHECK (applicant_type IN ('natural', 'business', 'research', 'public_interest', 'legal_service', 'other_org')),
      applicant_sealed text NOT NULL,
      applicant_masked text NOT NULL,
      applicant_key text NOT NULL,
      subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
      doc_number text,
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
      form text NOT NULL CHECK (form IN ('paper', 'electronic')),
      delivery text NOT NULL CHECK (delivery IN ('post', 'email', 'pickup', 'online')),
      status text NOT NULL CHECK (status IN ('unconfirmed', 'processing', 'awaiting_supplement', 'consulting', 'awaiting_fee', 'closed')),
      supplement_due date,
      fee_fen int CHECK (fee_fen >= 0),
      fee_due date,
      fee_paid_on date,
      reply_type text,
      closed_on date,
      registered_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, tracking_no),
      CHECK ((status = 'unconfirmed') = (received_on IS NULL)),
      CHECK ((status = 'closed') = (reply_type IS NOT NULL AND closed_on IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX requests_applications_open ON requests_applications (tenant_id, status, received_on)`.execute(db);
  await sql`CREATE INDEX requests_applications_applicant ON requests_applications (tenant_id, applicant_key, received_on)`.execute(db);
  await sql`CREATE INDEX requests_applications_closed ON requests_applications (tenant_id, closed_on)`.execute(db);

  // Files the applicant sent with the application (a copy of an ID card, a letter), sealed like the applicant.
  await sql`
    CREATE TABLE requests_attachments (
      tenant_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      mime text NOT NULL,
      size int NOT NULL CHECK (size > 0),
      content_sealed text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, application_id) REFERENCES requests_applications (tenant_id, id)
    )`.execute(db);

  // What was sent: 补正, 延期, 征求意见, 收费 notices and the reply (告知书), once approved.
  await sql`
    CREATE TABLE requests_notices (
      tenant_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('supplement', 'extension', 'third_party', 'other_agency', 'fee', 'reply')),
      -- null for a notice recorded without the workflow (history brought in from paper files)
      document_id uuid,
      title text NOT NULL,
      body text NOT NULL DEFAULT '',
      details jsonb NOT NULL DEFAULT '{}',
      released jsonb NOT NULL DEFAULT '[]',
      sent_on date,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, document_id),
      FOREIGN KEY (tenant_id, application_id) REFERENCES requests_applications (tenant_id, id)
    )`.execute(db);
  await sql`CREATE INDEX requests_notices_application ON requests_notices (tenant_id, application_id)`.execute(db);

  // What the applicant sent back in answer to a 补正 notice, online or registered by staff.
  await sql`
    CREATE TABLE requests_supplements (
      tenant_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
      received_on date NOT NULL,
      via text NOT NULL CHECK (via IN ('online', 'staff')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, application_id) REFERENCES requests_applications (tenant_id, id)
    )`.execute(db);

  // 征求意见 (Art 32 third parties, Art 34 other agencies): sent, due, answered.
  await sql`
    CREATE TABLE requests_consultations (
      tenant_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('third_party', 'other_agency')),
      party text NOT NULL,
      sent_on date NOT NULL,
      answer_due date NOT NULL,
      answered_on date,
      answer text CHECK (answer IN ('consent', 'objection', 'no_answer')),
      note text,
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, application_id) REFERENCES requests_applications (tenant_id, id)
    )`.execute(db);

  // 行政复议 and 行政诉讼 about a reply: the data of annual report table 四.
  await sql`
    CREATE TABLE requests_appeals (
      tenant_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('review', 'direct_suit', 'suit_after_review')),
      body text NOT NULL,
      filed_on date NOT NULL,
      outcome text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('upheld', 'corrected', 'other', 'pending')),
      decided_on date,
      note text,
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, application_id) REFERENCES requests_applications (tenant_id, id),
      CHECK ((outcome = 'pending') = (decided_on IS NULL))
    )`.execute(db);

  for (const table of REQUEST_TABLES) {
    await protectTenantTable(db, table);
    // A public reader (no user, no office to write) sees nothing here: the public reads its own
    // application only inside a submission transaction, after presenting its query code.
    await sql`CREATE POLICY staff_or_submission ON ${sql.table(table)} AS RESTRICTIVE FOR SELECT
      USING (app_user_id() IS NOT NULL OR tenant_id = app_tenant_id())`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [...REQUEST_TABLES].reverse()) await sql`DROP TABLE ${sql.table(table)}`.execute(db);
}
