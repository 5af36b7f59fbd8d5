import type { ColumnType, Generated } from "kysely";

/** Core table types; plugins compose their own tables with these into their database type. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type LocalizedName = { "zh-CN": string; "zh-TW": string; en: string };

export interface TenantsTable {
  id: Generated<string>;
  code: string;
  parent_id: string | null;
  level: "province" | "city" | "county";
  region_code: string;
  credit_code: string;
  name: ColumnType<LocalizedName, string, string>;
  hosts: string[];
  plugins: string[];
  settings: ColumnType<Record<string, unknown>, string, string>;
  is_public: boolean;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export type PlatformRole = "sysadmin" | "secadmin" | "auditor";

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  password_changed_at: Timestamp;
  /** Set when the security administrator resets the password: the owner changes it at next sign-in. */
  password_must_change: Generated<boolean>;
  platform_role: PlatformRole | null;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  expires_at: Date;
  created_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface MembershipsTable {
  tenant_id: string;
  user_id: string;
  roles: string[];
  created_at: Generated<Date>;
}

export interface RolePermissionsTable {
  tenant_id: string;
  role: string;
  permission: string;
  granted: boolean;
}

export interface AuditEventsTable {
  tenant_id: string;
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: "success" | "failure";
  ip: string | null;
  request_id: string | null;
  data: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}

export interface TenantPluginsTable {
  tenant_id: string;
  plugin_id: string;
  enabled: boolean;
  settings: ColumnType<Record<string, unknown>, string, string>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export type WorkflowStatus = "draft" | "in_review" | "returned" | "approved" | "published" | "withdrawn";
export type WorkflowAction = "submit" | "approve" | "return" | "withdraw" | "reassign" | "publish";
/** One review step of a chain (see app/core/workflow/chain.ts). */
export interface WorkflowStepRow { key: string; role: string; label?: string; dueWorkdays: number; onlyIfImportant?: boolean; classification?: boolean }

export interface WorkflowDocumentsTable {
  tenant_id: string;
  id: Generated<string>;
  document_type: string;
  title: string;
  payload: ColumnType<unknown, string, string>;
  important: boolean;
  requires_classification: boolean;
  status: WorkflowStatus;
  steps: ColumnType<WorkflowStepRow[], string, string>;
  current_step: number | null;
  waiting_role: string | null;
  assignee_id: string | null;
  version: number;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  due_date: ColumnType<string | null, string | null, string | null>;
  /** How many times the document has been submitted; a classification review belongs to one round. */
  round: Generated<number>;
  published_at: Date | null;
  index_number: string | null;
}

export interface CoreDatabase {
  tenants: TenantsTable;
  users: UsersTable;
  sessions: SessionsTable;
  rate_limits: { key: string; window_start: Date; hits: number };
  memberships: MembershipsTable;
  role_permissions: RolePermissionsTable;
  audit_events: AuditEventsTable;
  tenant_plugins: TenantPluginsTable;
  calendar_overrides: { date: string; workday: boolean; note: string | null; notice_year: ColumnType<number | null, number | null | undefined, number | null>; updated_by: string | null; updated_at: Timestamp };
  number_sequences: { tenant_id: string; sequence: string; year: number; last_value: number };
  search_documents: { tenant_id: string; source: string; source_id: string; title: string; body: string; url: string; published_at: Date | null; reference: ColumnType<string | null, string | null | undefined, string | null>; tokens: string; tsv: ColumnType<string, never, never> };
  workflow_chains: { tenant_id: string; document_type: string; steps: ColumnType<WorkflowStepRow[], string, string>; updated_by: string | null; updated_at: Timestamp };
  workflow_documents: WorkflowDocumentsTable;
  workflow_decisions: { tenant_id: string; document_id: string; seq: number; step_key: string | null; action: WorkflowAction; actor_id: string; assignee_id: string | null; from_status: WorkflowStatus; to_status: WorkflowStatus; comment: string | null; at: Generated<Date> };
  classification_reviews: { tenant_id: string; document_id: string; round: number; attribute: "proactive" | "on_request" | "withheld" | null; ground: string | null; no_state_secret: boolean; reviewer_id: string; reviewed_at: Timestamp };
  classification_resolutions: { tenant_id: string; document_id: string; field: string; finding_key: string; action: "redact" | "keep"; reason: string | null; decided_by: string; decided_at: Timestamp };
  clock_events: { tenant_id: string; clock_id: string; seq: number; event: ColumnType<unknown, string, string>; recorded_by: string | null; recorded_at: Generated<Date> };
  sensitive_words: { tenant_id: string; word: string; created_by: string | null; created_at: Generated<Date> };
  login_locks: { user_id: string; client: string; failures: number; locked_until: Date | null; updated_at: Timestamp };
  login_challenges: LoginChallengesTable;
  user_totp: { user_id: string; secret_sealed: string; last_step: ColumnType<number, number, number>; enrolled_at: Timestamp };
  recovery_codes: { user_id: string; code_hash: string; used_at: Date | null };
}

/** A sign-in between its password and its session (app/core/auth/login-challenge.server.ts). */
export interface LoginChallengesTable {
  token_hash: string;
  user_id: string;
  second_factor: "totp" | "recovery" | null;
  pending_secret: string | null;
  /** Sealed: the recovery codes of an enrolment during sign-in, until they have been shown. */
  recovery_codes: string | null;
  redirect_to: string | null;
  failures: Generated<number>;
  ip: string | null;
  user_agent: string | null;
  created_at: Generated<Date>;
  expires_at: Date;
}
