import type { TFunction } from "i18next";
import type { Transaction } from "kysely";
import type { CoreDatabase } from "../../db/schema";
import type { ClockEvent, ClockStatus } from "../core/calendar/clock";
import type { ExplainOptions } from "../core/calendar/clock-explain";
import type { WorkCalendar } from "../core/calendar/work-calendar";
import type { ClassificationReview } from "../core/classification/review.server";
import type { Finding, FindingKind } from "../core/classification/finding";
import type { Locale } from "../core/i18n/config";
import type { TenantContact } from "../core/tenancy/definition";
import type { AssignedNumber } from "../core/numbering/sequences.server";
import type { SearchResults } from "../core/search/index.server";
import type { RefusalCode, WorkflowAction, WorkflowStatus } from "../core/workflow/transitions";
import type { PluginReports } from "./reports";
import type { ExtensionPoint } from "./extensions/point";
import type { z } from "zod";

/* eslint-disable @typescript-eslint/no-explicit-any -- the host's own view of a context knows no plugin's tables */
/**
 * A transaction of a plugin's context. `DB` is the plugin's own tables as Kysely sees them (its
 * `db/schema.ts`), typed beside core's; the host, and the core services that take any plugin's
 * transaction, use `any`. Row-level security and the serving role's grants, not these types, decide
 * what a transaction may read or write: read core's data through the context where it offers it.
 */
export type PluginTransaction<DB = any> = Transaction<CoreDatabase & DB>;

export interface PluginTenant {
  id: string;
  code: string;
  name: Record<Locale, string>;
  creditCode: string;
  regionCode: string;
  /** How the public reaches the office (公开指南): address and hours per language, phone, fax, e-mail, postcode. */
  contact: TenantContact;
}

export interface PluginAuditEvent {
  /** One of the manifest's `auditEvents`. */
  action: string;
  target?: { type: string; id: string };
  outcome?: "success" | "failure";
  data?: Record<string, unknown>;
}

/** A row of the search index as a plugin gives it; the tenant is the context's. */
export interface PluginSearchDocument {
  /** `<pluginId>.<kind>`, e.g. "disclosure.item"; a plugin indexes only its own sources. */
  source: string;
  sourceId: string;
  title: string;
  body: string;
  /** Where a reader opens the thing, e.g. `/t/<tenant>/disclosure/items/42`. */
  url: string;
  publishedAt: Date | null;
  /** The thing's own reference shown beside it, e.g. a disclosure item's 索引号; optional, not searched. */
  reference?: string | null;
}

export interface PluginSearchQuery {
  q: string;
  /** Only rows of these sources (any plugin's); all sources when absent. */
  sources?: readonly string[];
  /** 20 unless given; at most 100. */
  limit?: number;
  offset?: number;
}

/**
 * The core services every plugin context carries. Each helper takes the transaction of the
 * context's `withTenant`, so its writes commit or roll back with the plugin's own rows.
 */
export interface PluginCoreServices {
  /**
   * The working-day calendar (State Council notices incl. 调休, plus the platform's overrides) as
   * it stood when the context was made; synchronous. A year without a notice gets the statutory
   * holidays of the 放假办法. Results carry `unknownYears`, the years without a notice: tell staff
   * that 调休 may still move such a date (not the applicant, who is owed the date itself).
   */
  calendar: WorkCalendar;
  /**
   * Deadline clocks: append-only ledgers of start, pause, resume, restart, extend and stop events,
   * from which due date, days used and days left are derived by the rules of the clock's kind.
   * Clock ids are `<kind>:<anything>` of a kind the plugin declares in `clockKinds` (e.g.
   * `requests.reply:<request id>`); any other id is refused.
   */
  clocks: {
    events(trx: PluginTransaction, clockId: string): Promise<ClockEvent[]>;
    /** Appends an event the law allows (else throws `ClockLedgerError`, writing nothing); returns the state as of the event. */
    append(trx: PluginTransaction, clockId: string, event: ClockEvent): Promise<ClockStatus>;
    /** The state as of `asOf` (today in China by default); null for a clock with no events. */
    status(trx: PluginTransaction, clockId: string, asOf?: string): Promise<ClockStatus | null>;
    /** The same for many clocks in one query (a list page); clocks with no events are absent. */
    statusMany(trx: PluginTransaction, clockIds: readonly string[], asOf?: string): Promise<Map<string, ClockStatus>>;
    /**
     * "20 working days from 2025-09-26; paused 5 working days …; due 2025-11-06" in the reader's
     * language. Staff (the default) also read that a year without a holiday notice may still move
     * the date; `audience: "applicant"` leaves that caveat out, for public pages and letters.
     */
    explain(status: ClockStatus, locale: Locale, options?: ExplainOptions): string;
  };
  /**
   * Encryption at rest of personal data (SM4 + HMAC-SM3, as GB/T 39786-2021 expects). Sealed values open only
   * for this plugin and tenant. `blindIndex` is an equality-only lookup key (the same ID number gives
   * the same index) that reveals nothing of the value. Audit who reads what you open.
   */
  crypto: {
    seal(plain: string): string;
    /** Throws `TamperedValueError` for a value altered or sealed elsewhere. */
    open(sealed: string): string;
    blindIndex(value: string): string;
  };
  numbering: {
    /**
     * Takes the next gapless number of a sequence for this tenant, inside `trx` (a rollback hands it
     * back): `core.index` (the 索引号 of published records, formatted with the tenant's
     * `indexNumberPattern` unless `pattern` is given) or the plugin's own `<pluginId>.<name>`
     * sequences, which need a `pattern` such as `{year}-{seq:5}`; any other sequence is refused.
     * `{credit_code}` is the tenant's 统一社会信用代码, `{tenant}` its code; `year` defaults to
     * the current year in China. Take the number as late in the transaction as possible: everyone
     * numbering the same sequence waits until it commits.
     */
    next(trx: PluginTransaction, sequence: string, options?: { year?: number; pattern?: string }): Promise<AssignedNumber>;
    /** `count` consecutive numbers in one step, in order (an import numbering its rows). */
    nextMany(trx: PluginTransaction, sequence: string, count: number, options?: { year?: number; pattern?: string }): Promise<AssignedNumber[]>;
    /**
     * Numbers given elsewhere that records keep (an old portal's 索引号 on imported items): those the
     * sequence's pattern would produce here move their year's counter past them, so `next` never
     * hands them out again. Counters never move back; claiming again is harmless. Returns the ones
     * that matched the pattern, with their year and sequence number.
     */
    claim(trx: PluginTransaction, sequence: string, numbers: readonly string[], options?: { pattern?: string }): Promise<{ number: string; year: number; seq: number }[]>;
  };
  search: {
    /** Adds or replaces this tenant's row; only sources `<pluginId>.…` are accepted. Index only what the public may read. */
    index(trx: PluginTransaction, doc: PluginSearchDocument): Promise<void>;
    /** The same for many rows at once, a few hundred per statement. */
    indexMany(trx: PluginTransaction, docs: readonly PluginSearchDocument[]): Promise<void>;
    /** Removes this tenant's row (withdrawn, deleted); absent rows are not an error; own sources only. */
    remove(trx: PluginTransaction, source: string, sourceId: string): Promise<void>;
    /** Ranked hits with highlighted segments among the rows `trx` may read (this tenant's). */
    query(trx: PluginTransaction, query: PluginSearchQuery): Promise<SearchResults>;
  };
  /**
   * Extension points other plugins offer (manifest `extensionPoints`), such as the catalogue
   * (`CATALOGUE` from `app/plugin-api/extensions/catalogue`). See plugins/README.md, "Feeding the catalogue".
   */
  extensions: PluginExtensions;
  classification: {
    /**
     * The automatic pre-review scan: ID numbers, phones, bank cards, e-mail addresses, secrecy
     * markers, and the tenant's sensitive words (its own and its ancestors'). Each finding must be
     * resolved (redact, or keep with a reason) in classification review.
     */
    scan(trx: PluginTransaction, text: string): Promise<Finding[]>;
  };
}

/** Calling another plugin's extension point, without importing it. */
export interface PluginExtensions {
  /** Whether the plugin offering the point is installed and enabled in this office now. */
  available(point: ExtensionPoint | string): Promise<boolean>;
  /**
   * Validates `input` by the point's schema and runs the offering plugin's handler in `trx`, for this
   * office and on behalf of this context's user: what it writes commits or rolls back with the
   * caller's own rows. Throws `ExtensionUnavailable` (the offering plugin is not enabled here),
   * `ExtensionInputRefused` (the schema refused the input), or the handler's `DecisionRefused` — all
   * `DecisionRefused`, so a document hook that lets them through refuses the decision with their reason.
   */
  call<S extends z.ZodType, O>(point: ExtensionPoint<S, O>, input: z.input<S>, trx: PluginTransaction): Promise<O>;
}

/**
 * What an offering plugin's handler receives: its own core services, settings and audit events in
 * the caller's office, and who is calling. The transaction is the caller's, passed beside it.
 */
export interface PluginExtensionContext<Settings = Record<string, unknown>> extends PluginCoreServices {
  /** The offering plugin. */
  pluginId: string;
  tenant: PluginTenant;
  settings: Settings;
  /** The plugin that feeds, and the staff member on whose behalf (null: the system, e.g. a seed). */
  caller: { pluginId: string; userId: string | null };
  /** The offering plugin's declared events, recorded as the caller's actor. */
  audit(trx: PluginTransaction, event: PluginAuditEvent): Promise<void>;
}

/** A workflow document of one of the plugin's types, as the plugin sees it. */
export interface PluginDocument {
  id: string;
  /** `<pluginId>.<name>`, one of the manifest's `documentTypes`. */
  type: string;
  title: string;
  payload: unknown;
  status: WorkflowStatus;
  important: boolean;
  /** Name it in every update or decision: a decision on another version is refused as stale. */
  version: number;
  /** The 索引号, given in the publishing transaction. */
  indexNumber: string | null;
  publishedAt: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** The staff page where the document is read, reviewed and decided. */
  url: string;
}

export type PluginWorkflowResult =
  | { ok: true; document: PluginDocument }
  | { ok: false; code: RefusalCode; /** Translate with `t(error)`: a key of the core namespace. */ error: string };

/**
 * The approval workflow for the plugin's own document types. Every call runs in the caller's
 * transaction as the signed-in staff member; refusals change nothing and come back as results.
 */
export interface PluginWorkflow {
  /** A draft; only a 经办人 (drafter) creates one. The payload is checked by the type's schema. */
  create(trx: PluginTransaction, input: { type: string; title: string; payload: unknown; important?: boolean }): Promise<PluginWorkflowResult>;
  /** Edits a draft or returned document (its creator only). */
  update(trx: PluginTransaction, input: { id: string; expectedVersion: number; title?: string; payload?: unknown; important?: boolean }): Promise<PluginWorkflowResult>;
  /**
   * submit, approve, return (comment required), withdraw, reassign (`assignee`: a user id), or
   * publish (an approved document; takes the next 索引号 unless `numbered: false`).
   */
  act(
    trx: PluginTransaction,
    input: { id: string; action: WorkflowAction; expectedVersion: number; comment?: string | null; assignee?: string | null; numbered?: boolean },
  ): Promise<PluginWorkflowResult>;
  get(trx: PluginTransaction, id: string): Promise<PluginDocument | null>;
  /** The plugin's documents here, most recently changed first (at most 500). */
  list(trx: PluginTransaction, filter?: { type?: string; statuses?: PluginDocument["status"][]; createdBy?: string }): Promise<PluginDocument[]>;
  /** The classification review of the current round and what the scan found, without the matched text. */
  review(
    trx: PluginTransaction,
    id: string,
  ): Promise<{ record: ClassificationReview | null; openFindings: number; findings: PluginFinding[] } | null>;
  /** Title and payload as the public may read them: redactions applied. Throws while a finding is unresolved. */
  rendition(trx: PluginTransaction, id: string): Promise<{ title: string; payload: unknown }>;
}

/** What `onApproved` and `onPublished` receive: the decision's own transaction, as the deciding staff member. */
export interface PluginDocumentHookContext<DB = any, Settings = Record<string, unknown>> extends PluginCoreServices {
  pluginId: string;
  tenant: PluginTenant;
  settings: Settings;
  user: { id: string; username: string; displayName: string };
  /** The transaction of the decision: throw to undo it. */
  trx: PluginTransaction<DB>;
  workflow: PluginWorkflow;
  audit(trx: PluginTransaction, event: PluginAuditEvent): Promise<void>;
}

/** A scan finding and its 保密审查 decision, without the matched text. */
export interface PluginFinding {
  field: string;
  kind: FindingKind;
  resolution: "redact" | "keep" | null;
}

/**
 * `onPublished` also gets the published rendition (redactions applied), the 保密审查 record of the
 * round that was approved (null for a type without classification review) — its 公开属性 decides,
 * not the drafter's proposal — and the findings as decided: the one review the decision was taken on.
 */
export type PluginPublishedDocument = PluginDocument & { rendition: { title: string; payload: unknown }; review: ClassificationReview | null; findings: PluginFinding[] };

/** What a plugin's loader or action receives: tenant, user, permissions, a tenant-scoped transaction, audit, settings, t(). */
export interface PluginRequestContext<DB = any, Settings = Record<string, unknown>> extends PluginCoreServices {
  pluginId: string;
  area: "admin" | "public" | "api";
  tenant: PluginTenant;
  /** Null on public and API routes. */
  user: { id: string; username: string; displayName: string } | null;
  /** `supervisor` when a supervisor reads a subordinate office: everything is read-only then. */
  mode: "member" | "supervisor" | "public";
  locale: Locale;
  settings: Settings;
  permissions: ReadonlySet<string>;
  can(permission: string): boolean;
  /** Throws 403 unless the user holds the permission. */
  require(permission: string): void;
  /** One transaction under row-level security: staff write their own office; public readers read this tenant only. */
  withTenant<T>(fn: (trx: PluginTransaction<DB>) => Promise<T>): Promise<T>;
  /**
   * Public routes only: one transaction that writes this tenant's rows on behalf of an anonymous
   * member of the public (an application, a supplement to it). Audit inside it names the actor
   * "public" with the client's address. Check what the visitor may touch yourself: RLS keeps
   * them inside the tenant, not inside their own records. Staff routes throw.
   */
  withPublicSubmission<T>(fn: (trx: PluginTransaction<DB>) => Promise<T>): Promise<T>;
  /**
   * Counts one use of a public form by this client (`name` is the plugin's own, e.g. "apply")
   * and says whether it is within `max` uses per `windowMinutes`, across every app process.
   */
  rateLimit(name: string, limit: { max: number; windowMinutes: number }): Promise<boolean>;
  /** Appends to the tenant's audit chain inside `trx`; the action must be declared in the manifest. */
  audit(trx: PluginTransaction, event: PluginAuditEvent): Promise<void>;
  /** The approval workflow for the plugin's document types; staff routes only (public routes throw). */
  workflow: PluginWorkflow;
  /** Translator bound to the plugin's namespace and the reader's locale. */
  t: TFunction;
  /**
   * The origin for absolute URLs in what this request answers (feeds, APIs, canonical links): the
   * tenant's declared host the request came on, else the configured `PUBLIC_ORIGIN`, else (outside
   * production) a loopback request's own. Null: write relative URLs. Never read it from `request.url`.
   */
  publicOrigin: string | null;
  /**
   * The annual-report figures of every plugin, for this office or, for a supervisor, the offices
   * under it. Staff routes only: on public and API routes it throws.
   */
  reports: PluginReports<DB>;
}

/** What seed, onEnable and onDisable receive: one tenant, written as the system. */
export interface PluginTenantContext<DB = any, Settings = Record<string, unknown>> extends PluginCoreServices {
  pluginId: string;
  tenant: PluginTenant;
  settings: Settings;
  withTenant<T>(fn: (trx: PluginTransaction<DB>) => Promise<T>): Promise<T>;
  audit(trx: PluginTransaction, event: PluginAuditEvent): Promise<void>;
  /** Seeds only (absent in onEnable and onDisable): the office's staff, to take demo documents through the real workflow. */
  demo?: PluginDemoStaff;
}

/**
 * The office's demo members acting through the real workflow, so that what a seed publishes has
 * its chain of decisions, 保密审查 record and 索引号. `at` dates documents and decisions in the
 * demo's past (a report approved last January); the audit trail still records when the seed ran.
 */
export interface PluginDemoStaff {
  /** The office's member holding `role`, as a staff request context in zh-CN (e.g. the drafter, to draft and submit). */
  as(role: string, options?: { at?: Date }): Promise<PluginRequestContext>;
  /**
   * Approves a submitted document step by step as the member holding each step's role, with the
   * written opinion (拟同意, 同意 at the last step); 保密审查 redacts every scan finding and records
   * 主动公开 with no state secret. Throws naming the step that refused. Returns the document as it ends.
   */
  approveChain(documentId: string, options?: { at?: Date }): Promise<PluginDocument>;
}

/** What a widget's compute receives: read access to the given tenants only. */
export interface WidgetContext<DB = any> {
  pluginId: string;
  /** The working-day calendar, for figures such as "published late". */
  calendar: WorkCalendar;
  /** The state of the plugin's clocks (of its declared kinds) among the tenants read, as of today in China unless given. */
  clockStatuses(trx: PluginTransaction, clockIds: readonly string[], asOf?: string): Promise<Map<string, ClockStatus>>;
  withRead<T>(tenantIds: string[], fn: (trx: PluginTransaction<DB>) => Promise<T>): Promise<T>;
}

/** A row of a plugin's 收件箱 section (`inbox[].list`). */
export interface PluginInboxEntry {
  title: string;
  /** Relative to the plugin's admin pages, e.g. "applications/…". */
  to: string;
  dueDate: string | null;
  urgency: "overdue" | "due_soon" | null;
  /** Already in the reader's language, e.g. "overdue by 2 working days". */
  note: string;
}

/** What a document type's `describe` receives: the page's transaction and the reader's language. */
export interface PluginDescribeContext<DB = any> {
  trx: PluginTransaction<DB>;
  tenantId: string;
  locale: Locale;
  /** Computed when asked for: a batch of thousands of rows need not be rendered for its summary. */
  rendition(): { title: string; payload: any } | null;
}

/** A described value: words for a code, or the rendition of a rich-text field. */
export type PluginDescribed = string | { html: string };

/** Every context a plugin receives, typed over its own tables: a plugin names them once (server/context.ts). */
export interface PluginContexts<DB> {
  transaction: PluginTransaction<DB>;
  request: PluginRequestContext<DB>;
  tenant: PluginTenantContext<DB>;
  hook: PluginDocumentHookContext<DB>;
  extension: PluginExtensionContext;
  describe: PluginDescribeContext<DB>;
  widget: WidgetContext<DB>;
}
