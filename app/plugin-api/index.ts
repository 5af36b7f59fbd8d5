/**
 * The only host module a plugin imports (plus its `server` and `ui` entries). Everything a plugin
 * adds to Gongkai is declared in one `definePlugin({...})` in `plugins/<id>/manifest.ts`.
 */
import type { Kysely } from "kysely";
import type { Locale } from "../core/i18n/config";
import type { BusinessRole } from "../core/permissions/roles";
import type { z } from "zod";
import type { ManifestInput } from "../plugin-host/manifest-schema";
import type {
  PluginDocument,
  PluginDocumentHookContext,
  PluginPublishedDocument,
  PluginRequestContext,
  PluginTenantContext,
  PluginTransaction,
  WidgetContext,
} from "./context";
import type { PluginReportSection } from "./reports";

export type {
  PluginAuditEvent,
  PluginCoreServices,
  PluginDocument,
  PluginDocumentHookContext,
  PluginPublishedDocument,
  PluginWorkflow,
  PluginWorkflowResult,
  PluginRequestContext,
  PluginSearchDocument,
  PluginSearchQuery,
  PluginTenant,
  PluginTenantContext,
  PluginTransaction,
  WidgetContext,
} from "./context";
export { HOST_VERSION } from "./version";
export type { PluginReportFigure, PluginReports, PluginReportSection, ReportBatchContext, ReportFigures, ReportOffice, ReportSectionInfo } from "./reports";
export type { Locale } from "../core/i18n/config";
export type { WorkCalendar } from "../core/calendar/work-calendar";
export { ClockLedgerError, evaluateClock, type ClockEvent, type ClockStatus, type ClockWarning } from "../core/calendar/clock";
export { explainClock } from "../core/calendar/clock-explain";
export { chinaDate, chinaYear } from "../core/calendar/china-time";
export { toDayNumber, fromDayNumber, InvalidDateError, isCalendarDate } from "../core/calendar/dates";
export { checkText } from "../core/input/text";
export { addError, firstErrors, firstIssue, hasErrors, issueErrors, topFields, type FieldErrors, type Issue } from "../core/input/field-errors";
export { isUuid } from "../core/input/uuid";
export { DecisionRefused } from "../core/workflow/decision-refused";
/** A plugin's clock kinds (manifest `clockKinds`): period, pauses, extension and stops, each with its legal source. */
export type { ClockExtensionRule, ClockKind, ClockPauseRule, ClockStopRule, DayUnit, Localized } from "../core/calendar/clock-kind";
/** 条例 Art 14–16: the grounds for not disclosing, and the 公开属性 they go with. */
export { DISCLOSURE_ATTRIBUTES, groundByKey, groundsFor, NON_DISCLOSURE_GROUNDS, type DisclosureAttribute, type NonDisclosureGround } from "../core/classification/grounds";
export { isValidIdNumber } from "../core/classification/checksums";
export { allowAncestorRead, grant, protectTenantTable } from "../../db/rls";
/** Core's business roles; a plugin declares its own in `roles` (keyed `<id with _>_<name>`). */
export { CORE_ROLES, type BusinessRole, type CoreRole, type PluginRole } from "../core/permissions/roles";
export type { PluginRoleDecl } from "../plugin-host/manifest/roles";

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations and hooks see the plugin's own tables */
export interface PluginMigration {
  up(db: Kysely<any>): Promise<void>;
  down?(db: Kysely<any>): Promise<void>;
}

export interface PluginWidgetDecl<DB = any> {
  key: string;
  label: string;
  format?: "count" | "percent" | "days";
  better?: "higher" | "lower";
  permission?: string;
  /** One number (or null: not applicable) per tenant id asked for. */
  compute(ctx: WidgetContext<DB>, tenantIds: string[]): Promise<Record<string, number | null>>;
}

/** Work of the plugin's waiting for a staff member, shown in their 收件箱 beside the documents to decide. */
export interface PluginInboxDecl<DB = any> {
  key: string;
  /** i18n key of the section heading, e.g. "requests:inbox.title". */
  label: string;
  /** Only staff holding it see the section. */
  permission: string;
  /** Most urgent first; the host shows the first 50. */
  list(ctx: PluginRequestContext<DB>): Promise<PluginInboxEntry[]>;
}

export interface PluginInboxEntry {
  title: string;
  /** Relative to the plugin's admin pages, e.g. "applications/…". */
  to: string;
  dueDate: string | null;
  urgency: "overdue" | "due_soon" | null;
  /** Already in the reader's language, e.g. "overdue by 2 working days". */
  note: string;
}

export interface PluginManifest<DB = any, S extends z.ZodObject = z.ZodObject>
  extends Omit<ManifestInput, "migrations" | "widgets" | "inbox" | "settings" | "seed" | "onEnable" | "onDisable" | "reportFigures" | "documentTypes"> {
  migrations?: Record<string, PluginMigration>;
  widgets?: PluginWidgetDecl<DB>[];
  inbox?: PluginInboxDecl<DB>[];
  /** Per-tenant settings: a zod object whose fields all have defaults. */
  settings?: { schema: S };
  seed?(ctx: PluginTenantContext<DB, z.output<S>>): Promise<void>;
  onEnable?(ctx: PluginTenantContext<DB, z.output<S>>): Promise<void>;
  onDisable?(ctx: PluginTenantContext<DB, z.output<S>>): Promise<void>;
  /** Annual report figures in sections, each computed for many offices at once; read by other plugins through `ctx.reports`. */
  reportFigures?: PluginReportSection<DB>[];
  documentTypes?: PluginDocumentType<DB>[];
}

export interface PluginDescribeContext<DB = any> {
  trx: PluginTransaction<DB>;
  tenantId: string;
  locale: Locale;
  /** Computed when asked for: a batch of thousands of rows need not be rendered for its summary. */
  rendition(): { title: string; payload: any } | null;
}

/** A described value: words for a code, or the rendition of a rich-text field. */
export type PluginDescribed = string | { html: string };

/** A kind of record that goes through the approval workflow. */
export interface PluginDocumentType<DB = any> {
  /** `<pluginId>.<name>`. */
  key: string;
  /** i18n key of the plugin's namespace, e.g. "disclosure:documentTypes.item". */
  label: string;
  /** Whether the 保密审查 step applies (default true). */
  requiresClassification?: boolean;
  /** The business role that drafts and submits documents of this type (default 经办人, "drafter"). */
  drafterRole?: BusinessRole;
  payload: z.ZodType;
  summary?(payload: any): string;
  /**
   * How the document page shows payload values that are codes or references rather than text
   * (a category key, a linked record's id): `{ "payload.categoryKey": "环境监管" }`. Runs in the
   * page's transaction; values with scan findings are always shown as written (or masked). A path
   * that holds texts rather than being one (a batch's `"payload.rows"`) is a summary: the page
   * shows it in place of those texts and lists only the entries (`payload.rows.17`) with findings.
   * A rich-text field is described as `{ html }`: its published rendition, rendered from
   * `ctx.rendition()` (the payload with 保密审查's decisions applied and open findings masked, null
   * when the scan no longer fits the text), so every approver reads what the public will.
   */
  describe?(ctx: PluginDescribeContext<DB>, payload: any): Promise<Record<string, PluginDescribed>>;
  /**
   * Publish in the approving transaction when the last step approves, unless 保密审查 decided 不予公开
   * (then the document stays approved). `numbered`: whether it takes the office's next 索引号 — a
   * function of the payload (a correction keeps its item's number), or false when the plugin numbers
   * what it publishes itself. Core reviews the text once and calls `onPublished` once.
   */
  publishOnApproval?: { numbered: boolean | ((payload: any) => boolean) };
  /**
   * Runs in the approving transaction, before a `publishOnApproval` type is published.
   * Throw `DecisionRefused` with a locale key to refuse the approval with a reason (nothing is kept).
   */
  onApproved?(ctx: PluginDocumentHookContext<DB>, doc: PluginDocument): Promise<void>;
  /** Runs in the publishing transaction, with the 索引号 and the redacted rendition. */
  onPublished?(ctx: PluginDocumentHookContext<DB>, doc: PluginPublishedDocument): Promise<void>;
}

/**
 * Declares a plugin. The host validates it at start and refuses it with a message naming the field at fault.
 * `DB`, the plugin's own tables, is read from its typed hooks (or given: `definePlugin<NotesDatabase>`),
 * and types the transaction of every context the manifest's functions receive.
 */
export function definePlugin<DB = any, S extends z.ZodObject = z.ZodObject>(manifest: PluginManifest<DB, S>): PluginManifest<DB, S> {
  return manifest;
}
