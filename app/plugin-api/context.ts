import type { TFunction } from "i18next";
import type { Transaction } from "kysely";
import type { Locale } from "../core/i18n/config";

/* eslint-disable @typescript-eslint/no-explicit-any -- a plugin's own tables are typed by the plugin */
export type PluginTransaction = Transaction<any>;

export interface PluginTenant {
  id: string;
  code: string;
  name: Record<Locale, string>;
  creditCode: string;
  regionCode: string;
}

export interface PluginAuditEvent {
  /** One of the manifest's `auditEvents`. */
  action: string;
  target?: { type: string; id: string };
  outcome?: "success" | "failure";
  data?: Record<string, unknown>;
}

/** What a plugin's loader or action receives: tenant, user, permissions, a tenant-scoped transaction, audit, settings, t(). */
export interface PluginRequestContext<Settings = Record<string, unknown>> {
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
  withTenant<T>(fn: (trx: PluginTransaction) => Promise<T>): Promise<T>;
  /** Appends to the tenant's audit chain inside `trx`; the action must be declared in the manifest. */
  audit(trx: PluginTransaction, event: PluginAuditEvent): Promise<void>;
  /** Translator bound to the plugin's namespace and the reader's locale. */
  t: TFunction;
}

/** What seed, onEnable and onDisable receive: one tenant, written as the system. */
export interface PluginTenantContext<Settings = Record<string, unknown>> {
  pluginId: string;
  tenant: PluginTenant;
  settings: Settings;
  withTenant<T>(fn: (trx: PluginTransaction) => Promise<T>): Promise<T>;
  audit(trx: PluginTransaction, event: PluginAuditEvent): Promise<void>;
}

/** What a widget's compute receives: read access to the given tenants only. */
export interface WidgetContext {
  pluginId: string;
  withRead<T>(tenantIds: string[], fn: (trx: PluginTransaction) => Promise<T>): Promise<T>;
}
