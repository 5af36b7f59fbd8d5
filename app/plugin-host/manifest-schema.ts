import type { Kysely } from "kysely";
import semver from "semver";
import { z } from "zod";
import type { BusinessRole } from "../core/permissions/roles";
import type {
  PluginDescribeContext,
  PluginDescribed,
  PluginDocument,
  PluginDocumentHookContext,
  PluginExtensionContext,
  PluginInboxEntry,
  PluginPublishedDocument,
  PluginRequestContext,
  PluginTenantContext,
  PluginTransaction,
  WidgetContext,
} from "../plugin-api/context";
import { ClockKindSchema } from "./manifest/clock-kinds";
import { reportSectionSchema } from "./manifest/report-figures";
import { RoleSchema } from "./manifest/roles";

/* eslint-disable @typescript-eslint/no-explicit-any -- the host's view knows no plugin's tables (DB), and a payload is the plugin's to type */

/** A function of the plugin's, typed by what the host calls it with; zod checks only that it is one. */
const fn = <T extends (...args: never[]) => unknown>(what: string) =>
  z.custom<T>((v) => typeof v === "function", { message: `${what} must be a function` });

const localeTable = z.record(z.string(), z.unknown());

/** Where a plugin route is mounted: `admin` under /t/:tenant/admin/<id>/, `public` under /t/:tenant/<id>/, `api` under /api/v1/t/:tenant/<id>/. */
export const RouteSchema = z
  .object({
    area: z.enum(["admin", "public", "api"]),
    path: z.string().regex(/^(?!\/)[A-Za-z0-9:_\-./*]*$/, "a relative path such as '' or 'items/:id'"),
    file: z.string().regex(/^routes\/[A-Za-z0-9_\-./]+\.tsx?$/, "a file under routes/, e.g. 'routes/admin.tsx'"),
    permission: z.string().optional(),
  })
  .refine((r) => r.area !== "admin" || r.permission, { message: "an admin route needs a permission", path: ["permission"] })
  .refine((r) => r.area === "admin" || !r.permission, {
    message: "public and api routes are open to everyone; put restricted pages in the admin area",
    path: ["permission"],
  });

export const NavSchema = z.object({
  area: z.enum(["admin", "public"]),
  label: z.string().min(1),
  to: z.string().regex(/^(?!\/)[A-Za-z0-9_\-./]*$/, "relative to the plugin's mount point"),
  permission: z.string().optional(),
  order: z.number().default(500),
  /** Names this entry (`<id>.<name>`) so that a later plugin can stand in for it. */
  key: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9.-]+$/, "like disclosure.annual-report").optional(),
  /** The key of another plugin's entry this one replaces where both plugins are enabled (the annual-report plugin's 年度报告 for disclosure's). */
  replaces: z.string().min(1).optional(),
});

export const PermissionSchema = z.object({
  key: z.string(),
  label: z.string().min(1),
  defaultRoles: z.array(z.string()).default([]),
});

/** `widgets[]`: one number per office on the staff home and the oversight page. */
const widgetSchema = <DB>() =>
  z.object({
    key: z.string(),
    label: z.string().min(1),
    /** i18n key: what the number measures, over which period, from which records (shown under it). */
    description: z.string().min(1).optional(),
    /** How the number reads: a count, a percentage (0–100), or a number of days. */
    format: z.enum(["count", "percent", "days"]).default("count"),
    /** Only where one direction is better (late items: lower; on-time rate: higher); absent, none is shown. */
    better: z.enum(["higher", "lower"]).optional(),
    permission: z.string().optional(),
    /** One number (or null: not applicable) per tenant id asked for. */
    compute: fn<(ctx: WidgetContext<DB>, tenantIds: string[]) => Promise<Record<string, number | null>>>("widgets[].compute"),
    /**
     * The same measure broken down, drawn as a chart: over the last 12 months (`"months"`: the host
     * passes `YYYY-MM` strings, oldest first, ending with the current month in China) or over the
     * plugin's own buckets (i18n keys, e.g. age bands). `compute` returns one array per tenant id,
     * one number (or null) per bucket.
     */
    series: z
      .object({
        label: z.string().min(1),
        over: z.union([z.literal("months"), z.array(z.string().min(1)).min(1).max(24)]),
        compute: fn<(ctx: WidgetContext<DB>, tenantIds: string[], buckets: string[]) => Promise<Record<string, (number | null)[]>>>("widgets[].series.compute"),
      })
      .optional(),
  });

/** `inbox[]`: work of the plugin's waiting for a staff member, shown in their 收件箱 beside the documents to decide. */
const inboxSourceSchema = <DB>() =>
  z.object({
    key: z.string(),
    /** i18n key of the section heading, e.g. "requests:inbox.title". */
    label: z.string().min(1),
    /** Only staff holding it see the section. */
    permission: z.string(),
    /** Most urgent first; the host shows the first 50. */
    list: fn<(ctx: PluginRequestContext<DB>) => Promise<PluginInboxEntry[]>>("inbox[].list"),
  });

/** `documentTypes[]`: a kind of record that goes through the approval workflow. */
const documentTypeSchema = <DB>() =>
  z.object({
    /** `<pluginId>.<name>`. */
    key: z.string(),
    /** i18n key of the plugin's namespace, e.g. "disclosure:documentTypes.item". */
    label: z.string().min(1),
    /** Whether the 保密审查 step applies (default true). */
    requiresClassification: z.boolean().default(true),
    /**
     * Whether 保密审查 records a 公开属性 (default true): false for what is sent, never published (a
     * reply letter), whose reviewer records only the declaration; core then refuses an attribute.
     */
    requiresAttribute: z.boolean().default(true),
    /** The 公开属性 the drafter proposed in the payload, preselected for the reviewer. */
    proposedAttribute: fn<(payload: any) => string | null | undefined>("documentTypes[].proposedAttribute").optional(),
    /** i18n key of the plugin's namespace the decider reads after the last approval, when `onApproved` sends something ("requests:documentTypes.replySent"). */
    approvedMessage: z.string().min(1).optional(),
    /** A core role or a plugin's (discover checks it is in the catalogue). */
    drafterRole: z.custom<BusinessRole>((v) => typeof v === "string" && /^[a-z][a-z0-9_]*$/.test(v), { message: "a business role" }).default("drafter"),
    payload: z.custom<z.ZodType>((v) => v instanceof z.ZodType, { message: "payload must be a zod schema" }),
    summary: fn<(payload: any) => string>("documentTypes[].summary").optional(),
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
    describe: fn<(ctx: PluginDescribeContext<DB>, payload: any) => Promise<Record<string, PluginDescribed>>>("documentTypes[].describe").optional(),
    /**
     * Publish in the approving transaction when the last step approves, unless 保密审查 decided 不予公开
     * (then the document stays approved). `numbered`: whether it takes the office's next 索引号 — a
     * function of the payload (a correction keeps its item's number), or false when the plugin numbers
     * what it publishes itself. Core reviews the text once and calls `onPublished` once.
     */
    publishOnApproval: z
      .object({ numbered: z.union([z.boolean(), fn<(payload: any) => boolean>("documentTypes[].publishOnApproval.numbered")]) })
      .optional(),
    /**
     * Runs in the approving transaction, before a `publishOnApproval` type is published.
     * Throw `DecisionRefused` with a locale key to refuse the approval with a reason (nothing is kept).
     */
    onApproved: fn<(ctx: PluginDocumentHookContext<DB>, doc: PluginDocument) => Promise<void>>("documentTypes[].onApproved").optional(),
    /** Runs in the publishing transaction, with the 索引号 and the redacted rendition. */
    onPublished: fn<(ctx: PluginDocumentHookContext<DB>, doc: PluginPublishedDocument) => Promise<void>>("documentTypes[].onPublished").optional(),
  });

/**
 * `extensionPoints[]`: what the plugin offers other plugins, which call it through
 * `ctx.extensions.call(point, input, trx)` without importing it (the disclosure plugin's catalogue).
 * Build an entry with `offerExtension(point, handler)`: key and input schema come from the point's
 * contract in the plugin API.
 */
const extensionPointSchema = <DB>() =>
  z.object({
    /** `<pluginId>.<name>`, e.g. "disclosure.catalogue". */
    key: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*\.[a-z0-9][a-z0-9.-]*$/, "like disclosure.catalogue"),
    /** The host validates every call's input with it before the handler runs. */
    input: z.custom<z.ZodType>((v) => v instanceof z.ZodType, { message: "input must be a zod schema" }),
    /** Runs in the caller's transaction, in the caller's office; its answer goes back to the caller. */
    handler: fn<(ctx: PluginExtensionContext, input: any, trx: PluginTransaction<DB>) => Promise<unknown>>("extensionPoints[].handler"),
  });

/** A migration sees the database as it was then, not today's types. */
const MigrationSchema = z.object({
  up: fn<(db: Kysely<any>) => Promise<void>>("migrations[].up"),
  down: fn<(db: Kysely<any>) => Promise<void>>("migrations[].down").optional(),
});

/** Per-tenant settings: a zod object whose fields all have defaults. */
const settingsSchema = <S extends z.ZodObject>() =>
  z.object({
    schema: z.custom<S>((v) => v instanceof z.ZodObject, { message: "settings.schema must be a z.object(...)" }),
  });

/**
 * The whole plugin contract (plugins/README.md): everything a plugin adds to the host, in one object,
 * and its one declaration. `DB` (the plugin's tables) and `S` (its settings schema) type what its
 * functions receive: `definePlugin` takes this schema's input (`PluginManifest<DB, S>`), and the host
 * validates with `ManifestSchema`, the same schema seen with any plugin's tables.
 */
export const manifestSchema = <DB = any, S extends z.ZodObject = z.ZodObject>() =>
  z.object({
    id: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, "kebab-case, starting with a letter"),
    version: z.string().refine((v) => semver.valid(v) !== null, "a semantic version such as 1.0.0"),
    host: z.string().refine((v) => semver.validRange(v) !== null, "a semver range such as ^0.1.0"),
    name: z.string().min(1),
    description: z.string().optional(),
    dependsOn: z.array(z.string()).default([]),
    routes: z.array(RouteSchema).default([]),
    nav: z.array(NavSchema).default([]),
    permissions: z.array(PermissionSchema).default([]),
    roles: z.array(RoleSchema).default([]),
    migrations: z.record(z.string().regex(/^\d{4}_[a-z0-9_]+$/, "named like 0001_create_items"), MigrationSchema).default({}),
    documentTypes: z.array(documentTypeSchema<DB>()).default([]),
    /** Annual report figures in sections, each computed for many offices at once; read by other plugins through `ctx.reports`. */
    reportFigures: z.array(reportSectionSchema<DB>()).default([]),
    clockKinds: z.array(ClockKindSchema).default([]),
    widgets: z.array(widgetSchema<DB>()).default([]),
    inbox: z.array(inboxSourceSchema<DB>()).default([]),
    /** Extension points this plugin offers; others feed them through `ctx.extensions`. */
    extensionPoints: z.array(extensionPointSchema<DB>()).default([]),
    /** Each `<id>.…`; the audit trail labels `<id>.<rest>` with `<id>:audit.<rest>` (auditEventLabel), which the contract test requires in all three locales. */
    auditEvents: z.array(z.string()).default([]),
    settings: settingsSchema<S>().optional(),
    locales: z.object({ "zh-CN": localeTable, "zh-TW": localeTable, en: localeTable }),
    seed: fn<(ctx: PluginTenantContext<DB, z.output<S>>) => Promise<void>>("seed").optional(),
    /** Plugins whose demo data this plugin's seed reads (an annual report of the year's applications): their seeds run first. */
    seedAfter: z.array(z.string()).default([]),
    onEnable: fn<(ctx: PluginTenantContext<DB, z.output<S>>) => Promise<void>>("onEnable").optional(),
    onDisable: fn<(ctx: PluginTenantContext<DB, z.output<S>>) => Promise<void>>("onDisable").optional(),
  });

export const ManifestSchema = manifestSchema();

export type ManifestInput = z.input<typeof ManifestSchema>;
export type Manifest = z.output<typeof ManifestSchema>;
export type PluginRoute = z.output<typeof RouteSchema>;
export type PluginNav = z.output<typeof NavSchema>;
export type PluginWidget = Manifest["widgets"][number];
export type PluginInboxSource = Manifest["inbox"][number];
export type PluginExtensionPoint = Manifest["extensionPoints"][number];
