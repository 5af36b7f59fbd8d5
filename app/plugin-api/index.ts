/**
 * The only host module a plugin imports (plus its `server` and `ui` entries). Everything a plugin
 * adds to Gongkai is declared in one `definePlugin({...})` in `plugins/<id>/manifest.ts`.
 */
import type { z } from "zod";
import type { manifestSchema } from "../plugin-host/manifest-schema";

export type {
  PluginAuditEvent,
  PluginCoreServices,
  PluginContexts,
  PluginDescribeContext,
  PluginDescribed,
  PluginDocument,
  PluginDocumentHookContext,
  PluginExtensionContext,
  PluginExtensions,
  PluginInboxEntry,
  PluginPublishedDocument,
  PluginWorkflow,
  PluginWorkflowResult,
  PluginRequestContext,
  PluginSearchDocument,
  PluginSearchQuery,
  PluginTenant,
  PluginTenantContext,
  PluginDemoStaff,
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
/** Extension points: one plugin offers (manifest `extensionPoints`), others call through `ctx.extensions`, none imports another. */
export { extensionPoint, ExtensionInputRefused, ExtensionUnavailable, type ExtensionInput, type ExtensionOutput, type ExtensionPoint } from "./extensions/point";
export { offerExtension } from "./extensions/offer";
/** The catalogue (政府信息公开目录), offered by the disclosure plugin: any plugin's published document under a category, with its 索引号. */
export {
  CATALOGUE,
  CATALOGUE_CATEGORIES,
  CatalogueAttachment,
  CatalogueInput,
  CataloguePublication,
  CatalogueWithdrawal,
  type CatalogueItemRef,
} from "./extensions/catalogue";
/** A plugin's clock kinds (manifest `clockKinds`): period, pauses, extension and stops, each with its legal source. */
export type { ClockExtensionRule, ClockKind, ClockPauseRule, ClockStopRule, DayUnit, Localized } from "../core/calendar/clock-kind";
/** 条例 Art 14–16: the grounds for not disclosing, and the 公开属性 they go with. */
export { DISCLOSURE_ATTRIBUTES, groundByKey, groundsFor, NON_DISCLOSURE_GROUNDS, type DisclosureAttribute, type NonDisclosureGround } from "../core/classification/grounds";
export { isValidIdNumber } from "../core/classification/checksums";
export { allowAncestorRead, grant, protectTenantTable } from "../../db/rls";
/** Core's business roles; a plugin declares its own in `roles` (keyed `<id with _>_<name>`). */
export { CORE_ROLES, type BusinessRole, type CoreRole, type PluginRole } from "../core/permissions/roles";
export type { PluginRoleDecl } from "../plugin-host/manifest/roles";

/* eslint-disable @typescript-eslint/no-explicit-any -- a plugin that types no tables */
/**
 * A plugin's manifest as `definePlugin` takes it: the input of the host's zod schema
 * (app/plugin-host/manifest-schema.ts), the contract's one declaration, with its functions typed by
 * the plugin's tables `DB` and its settings schema `S`.
 */
export type PluginManifest<DB = any, S extends z.ZodObject = z.ZodObject> = z.input<ReturnType<typeof manifestSchema<DB, S>>>;
type Entry<L> = NonNullable<L> extends readonly (infer E)[] ? E : never;
export type PluginMigration = NonNullable<PluginManifest["migrations"]>[string];
export type PluginWidgetDecl<DB = any> = Entry<PluginManifest<DB>["widgets"]>;
/** Work of the plugin's waiting for a staff member, shown in their 收件箱 beside the documents to decide. */
export type PluginInboxDecl<DB = any> = Entry<PluginManifest<DB>["inbox"]>;
/** A kind of record that goes through the approval workflow. */
export type PluginDocumentType<DB = any> = Entry<PluginManifest<DB>["documentTypes"]>;

/**
 * Declares a plugin. The host validates it at start and refuses it with a message naming the field at fault.
 * `DB`, the plugin's own tables, is read from its typed hooks (or given: `definePlugin<NotesDatabase>`),
 * and types the transaction of every context the manifest's functions receive.
 */
export function definePlugin<DB = any, S extends z.ZodObject = z.ZodObject>(manifest: PluginManifest<DB, S>): PluginManifest<DB, S> {
  return manifest;
}
