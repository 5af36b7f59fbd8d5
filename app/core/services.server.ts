import type { i18n } from "i18next";
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Engine } from "../../db/client";
import type { CoreDatabase } from "../../db/schema";
import { createSessionManager, type SessionManager } from "./auth/sessions.server";
import type { Config } from "./config.server";
import { PermissionRegistry } from "./permissions/catalog";
import { RoleCatalogue } from "./permissions/role-catalogue";
import { TenantDirectory } from "./tenancy/directory.server";
import { LOCALES, type Locale } from "./i18n/config";
import { i18nBundles, type I18nBundle } from "./i18n/bundles.server";
import { translators } from "./i18n/locale.server";
import { resources as coreResources, type Namespaces } from "./i18n/resources.server";
import { PluginRegistry } from "../plugin-host/registry";
import { openWorkCalendar, type WorkCalendarStore } from "./calendar/overrides.server";
import { documentHookRunner } from "../plugin-host/workflow.server";
import type { DocumentHookRunner } from "./workflow/hooks";
import { FieldCipher } from "./crypto/field-cipher";

/** Process-wide services, created once by the server and handed to every request in its load context. */
export interface Services {
  db: Kysely<CoreDatabase>;
  engine: Engine;
  config: Config;
  logger: Logger;
  sessions: SessionManager;
  tenants: TenantDirectory;
  /** Core's and the plugins' permissions, and the role catalogue (`permissions.roles`) they are held by. */
  permissions: PermissionRegistry;
  plugins: PluginRegistry;
  /** The working-day calendar: read `.calendar` synchronously; call `refresh()` after editing the overrides. */
  calendar: WorkCalendarStore;
  /** Translations: core namespaces plus one namespace per plugin. */
  i18n: Record<Locale, Namespaces>;
  /** The same translations ready to use, one shared i18next instance per locale (never changed). */
  translators: Record<Locale, i18n>;
  /** The same translations as the browser fetches them, one cacheable file per locale. */
  i18nBundles: Record<Locale, I18nBundle>;
  /** Runs a plugin's `onApproved` / `onPublished` for its document types. */
  documentHooks: DocumentHookRunner;
  /** Field encryption of personal data at rest (SM4 + HMAC-SM3). */
  cipher: FieldCipher;
}

export async function createServices(
  deps: Pick<Services, "db" | "engine" | "config" | "logger"> & { plugins?: PluginRegistry; dataKey?: Buffer },
): Promise<Services> {
  // Only tests may run on a key that dies with the process; the server always loads a lasting one.
  const { dataKey, ...base } = deps;
  if (!dataKey && deps.config.NODE_ENV !== "test") throw new Error("createServices needs the data key (loadDataKey)");
  const cipher = new FieldCipher(dataKey ?? randomBytes(32));
  const tenants = new TenantDirectory(deps.db);
  await tenants.refresh();
  const calendar = await openWorkCalendar(deps.db);
  const plugins = deps.plugins ?? new PluginRegistry([]);
  const permissions = new PermissionRegistry(new RoleCatalogue(plugins.roles()));
  plugins.permissions().forEach((p) => permissions.register(p));
  const i18n = Object.fromEntries(
    LOCALES.map((l) => [l, { ...coreResources[l], ...Object.fromEntries(plugins.locales().map((p) => [p.ns, p.byLocale[l]])) }]),
  ) as Record<Locale, Namespaces>;
  return {
    ...base,
    sessions: createSessionManager(deps.db, {
      idleMinutes: deps.config.SESSION_IDLE_MINUTES,
      absoluteHours: deps.config.SESSION_ABSOLUTE_HOURS,
    }),
    tenants,
    permissions,
    plugins,
    calendar,
    i18n,
    translators: translators(i18n),
    i18nBundles: i18nBundles(i18n),
    documentHooks: documentHookRunner(plugins),
    cipher,
  };
}

/** What the HTTP layer knows about one request, next to the services. */
export interface RequestContext {
  services: Services;
  requestId: string;
  nonce: string;
  csrfToken: string;
  clientIp: string | null;
  secureCookies: boolean;
  /** Filled in by guards (tenant, user) and written to the request log when the response ends. */
  logFields: Record<string, string>;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestContext {}
}
