import type { Kysely } from "kysely";
import semver from "semver";
import { z } from "zod";
import type { BusinessRole } from "../core/permissions/roles";
import { ClockKindSchema } from "./manifest/clock-kinds";
import { ReportSectionSchema } from "./manifest/report-figures";
import { RoleSchema } from "./manifest/roles";

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
});

export const PermissionSchema = z.object({
  key: z.string(),
  label: z.string().min(1),
  defaultRoles: z.array(z.string()).default([]),
});

export const WidgetSchema = z.object({
  key: z.string(),
  label: z.string().min(1),
  /** How the number reads: a count, a percentage (0–100), or a number of days. */
  format: z.enum(["count", "percent", "days"]).default("count"),
  /** Whether a higher value is better (shown green) or worse (shown red). */
  better: z.enum(["higher", "lower"]).default("higher"),
  permission: z.string().optional(),
  compute: fn<(ctx: never, tenantIds: string[]) => Promise<Record<string, number | null>>>("widgets[].compute"),
});

export const InboxSourceSchema = z.object({
  key: z.string(),
  label: z.string().min(1),
  permission: z.string(),
  list: fn<(ctx: never) => Promise<unknown[]>>("inbox[].list"),
});

export const DocumentTypeSchema = z.object({
  key: z.string(),
  label: z.string().min(1),
  requiresClassification: z.boolean().default(true),
  /** A core role or a plugin's (discover checks it is in the catalogue). */
  drafterRole: z.custom<BusinessRole>((v) => typeof v === "string" && /^[a-z][a-z0-9_]*$/.test(v), { message: "a business role" }).default("drafter"),
  payload: z.custom<z.ZodType>((v) => v instanceof z.ZodType, { message: "payload must be a zod schema" }),
  summary: fn<(payload: never) => string>("documentTypes[].summary").optional(),
  describe: fn<(ctx: never, payload: never) => Promise<Record<string, string | { html: string }>>>("documentTypes[].describe").optional(),
  publishOnApproval: z
    .object({ numbered: z.union([z.boolean(), fn<(payload: never) => boolean>("documentTypes[].publishOnApproval.numbered")]) })
    .optional(),
  onApproved: fn<(ctx: never, doc: never) => Promise<void>>("documentTypes[].onApproved").optional(),
  onPublished: fn<(ctx: never, doc: never) => Promise<void>>("documentTypes[].onPublished").optional(),
});

export const MigrationSchema = z.object({
  up: fn<(db: Kysely<never>) => Promise<void>>("migrations[].up"),
  down: fn<(db: Kysely<never>) => Promise<void>>("migrations[].down").optional(),
});

export const SettingsSchema = z.object({
  schema: z.custom<z.ZodObject>((v) => v instanceof z.ZodObject, { message: "settings.schema must be a z.object(...)" }),
});

/** The whole plugin contract (plugins/README.md): everything a plugin adds to the host, in one object. */
export const ManifestSchema = z.object({
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
  documentTypes: z.array(DocumentTypeSchema).default([]),
  reportFigures: z.array(ReportSectionSchema).default([]),
  clockKinds: z.array(ClockKindSchema).default([]),
  widgets: z.array(WidgetSchema).default([]),
  inbox: z.array(InboxSourceSchema).default([]),
  auditEvents: z.array(z.string()).default([]),
  settings: SettingsSchema.optional(),
  locales: z.object({ "zh-CN": localeTable, "zh-TW": localeTable, en: localeTable }),
  seed: fn<(ctx: never) => Promise<void>>("seed").optional(),
  onEnable: fn<(ctx: never) => Promise<void>>("onEnable").optional(),
  onDisable: fn<(ctx: never) => Promise<void>>("onDisable").optional(),
});

export type ManifestInput = z.input<typeof ManifestSchema>;
export type Manifest = z.output<typeof ManifestSchema>;
export type PluginRoute = z.output<typeof RouteSchema>;
export type PluginNav = z.output<typeof NavSchema>;
export type PluginWidget = z.output<typeof WidgetSchema>;
export type PluginInboxSource = z.output<typeof InboxSourceSchema>;
