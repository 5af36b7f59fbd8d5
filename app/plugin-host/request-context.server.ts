import type { AppLoadContext } from "@remix-run/node";
import { matchRoutes } from "@remix-run/router";
import type { Transaction } from "kysely";
import type { CoreDatabase } from "../../db/schema";
import { withScope } from "../../db/scope";
import { takeRateLimit, type RateLimit } from "../core/rate-limit.server";
import { recordAudit } from "../core/audit/record.server";
import { chinaDate, chinaYear } from "../core/calendar/china-time";
import { evaluateClock } from "../core/calendar/clock";
import { explainClock } from "../core/calendar/clock-explain";
import { appendClockEvent, clockEvents, clockStatuses } from "../core/calendar/clock-store.server";
import { scanText } from "../core/classification/scan";
import { sensitiveWordsIn } from "../core/classification/sensitive-words.server";
import { claimNumbers, INDEX_SEQUENCE, nextNumbers } from "../core/numbering/sequences.server";
import { indexDocument, indexDocuments, removeDocument, search } from "../core/search/index.server";
import type { Services } from "../core/services.server";
import { publicOrigin } from "../core/public-origin";
import { fixedT, localeOf } from "../core/i18n/locale.server";
import type { Tenant } from "../core/tenancy/directory.server";
import { auditTenant, forbidden, notFound, requirePermission, requireStaff, requireTenant, withTenant, type StaffContext } from "../core/tenancy/staff.server";
import type {
  PluginAuditEvent,
  PluginCoreServices,
  PluginRequestContext,
  PluginTenant,
  PluginTenantContext,
  PluginTransaction,
  PluginWorkflow,
} from "../plugin-api/context";
import type { LoadedPlugin } from "./registry";
import { pluginWorkflow } from "./workflow.server";

type Args = { request: Request; params: Record<string, string | undefined>; context: AppLoadContext };

export function pluginTenant(t: Tenant): PluginTenant {
  return { id: t.id, code: t.code, name: t.name, creditCode: t.creditCode, regionCode: t.regionCode, contact: t.settings.contact };
}

/** The plugin's settings for a tenant: stored values validated by its schema, defaults filled in. */
export function pluginSettings(plugin: LoadedPlugin, tenant: Tenant): Record<string, unknown> {
  const schema = plugin.manifest.settings?.schema;
  if (!schema) return {};
  const parsed = schema.safeParse(tenant.pluginSettings[plugin.manifest.id] ?? {});
  return parsed.success ? parsed.data : schema.parse({});
}

export function checkDeclared(plugin: LoadedPlugin, event: PluginAuditEvent) {
  if (!plugin.manifest.auditEvents.includes(event.action)) {
    throw new Error(`Plugin ${plugin.manifest.id} audits "${event.action}", which its manifest does not declare in auditEvents`);
  }
}


const core = (trx: PluginTransaction) => trx as Transaction<CoreDatabase>;

/**
 * The calendar, numbering, search and classification helpers of a plugin context, bound to the
 * plugin (which may only number `core.index` and its own sequences, and index its own sources)
 * and to the tenant (whose rows they write, through the caller's transaction).
 */
export function coreServices(services: Services, plugin: LoadedPlugin, tenant: Tenant, userId: string | null = null): PluginCoreServices {
  const id = plugin.manifest.id;
  const ownClock = (clockId: string) => {
    if (!owns(clockId)) throw new Error(`Plugin ${id} may only keep clocks named "${id}.<name>", not "${clockId}"`);
  };
  const owns = (name: string) => name.startsWith(`${id}.`) && name.length > id.length + 1;
  const ownSource = (source: string) => {
    if (!owns(source)) throw new Error(`Plugin ${id} may only index search sources named "${id}.<kind>", not "${source}"`);
  };
  const sequenceInput = (sequence: string, options: { year?: number; pattern?: string }) => {
    if (sequence !== INDEX_SEQUENCE && !owns(sequence)) {
      throw new Error(`Plugin ${id} may only number "${INDEX_SEQUENCE}" or its own sequences "${id}.<name>", not "${sequence}"`);
    }
    const pattern = options.pattern ?? (sequence === INDEX_SEQUENCE ? tenant.settings.indexNumberPattern : undefined);
    if (!pattern) throw new Error(`Plugin ${id} numbers "${sequence}" without a pattern such as "{year}-{seq:5}"`);
    return { tenantId: tenant.id, sequence, year: options.year ?? chinaYear(), pattern, creditCode: tenant.creditCode, tenantCode: tenant.code };
  };
  const numbers = (trx: PluginTransaction, sequence: string, count: number, options: { year?: number; pattern?: string }) =>
    nextNumbers(core(trx), sequenceInput(sequence, options), count);
  const sealedFor = `${id}:${tenant.id}`;
  return {
    calendar: services.calendar.calendar,
    crypto: {
      seal: (plain) => services.cipher.seal(plain, sealedFor),
      open: (sealed) => services.cipher.open(sealed, sealedFor),
      blindIndex: (value) => services.cipher.blindIndex(value, sealedFor),
    },
    clocks: {
      events(trx, clockId) {
        ownClock(clockId);
        return clockEvents(core(trx), tenant.id, clockId);
      },
      append(trx, clockId, event) {
        ownClock(clockId);
        return appendClockEvent(core(trx), { tenantId: tenant.id, clockId, event, recordedBy: userId, calendar: services.calendar.calendar });
      },
      async status(trx, clockId, asOf = chinaDate()) {
        ownClock(clockId);
        const events = await clockEvents(core(trx), tenant.id, clockId);
        return events.length ? evaluateClock(events, asOf, services.calendar.calendar) : null;
      },
      statusMany(trx, clockIds, asOf = chinaDate()) {
        clockIds.forEach(ownClock);
        return clockStatuses(core(trx), clockIds, asOf, services.calendar.calendar);
      },
      explain: explainClock,
    },
    numbering: {
      next: async (trx, sequence, options = {}) => (await numbers(trx, sequence, 1, options))[0]!,
      nextMany: (trx, sequence, count, options = {}) => numbers(trx, sequence, count, options),
      claim: (trx, sequence, claimed, options = {}) => claimNumbers(core(trx), sequenceInput(sequence, options), claimed),
    },
    search: {
      async index(trx, doc) {
        ownSource(doc.source);
        await indexDocument(core(trx), { ...doc, tenantId: tenant.id });
      },
      async indexMany(trx, docs) {
        docs.forEach((d) => ownSource(d.source));
        await indexDocuments(core(trx), docs.map((d) => ({ ...d, tenantId: tenant.id })));
      },
      async remove(trx, source, sourceId) {
        ownSource(source);
        await removeDocument(core(trx), { tenantId: tenant.id, source, sourceId });
      },
      query: (trx, q) => search(core(trx), { q: q.q, sources: q.sources, limit: q.limit ?? 20, offset: q.offset ?? 0 }),
    },
    classification: {
      scan: async (trx, text) => scanText(text, { sensitiveWords: await sensitiveWordsIn(core(trx)) }),
    },
  };
}

/**
 * Resolves the request to the plugin route that serves it and applies the host's rules before any
 * plugin code runs: the plugin must be enabled for the tenant (else 404), an admin route needs a
 * staff member holding the route's permission, public and API routes serve public tenants only.
 */
export async function resolvePluginRequest({ request, params, context }: Args): Promise<PluginRequestContext> {
  const registry = context.services.plugins;
  const routes = registry.routes();
  const path = new URL(request.url).pathname.replace(/\.data$/, "");
  const match = matchRoutes(routes.map((r) => ({ path: r.pattern, id: r.id })), path)?.at(-1);
  const route = routes.find((r) => r.id === match?.route.id);
  if (!route) throw notFound();
  const plugin = registry.get(route.pluginId)!;
  const tenant = await requireTenant(context, params.tenant);
  if (!tenant.plugins.includes(route.pluginId)) throw notFound();
  if (route.area === "admin") {
    const staff = await requireStaff(request, context, params.tenant);
    requirePermission(staff, route.permission!);
    return staffPluginContext({ request, context }, plugin, tenant, staff);
  }
  if (!tenant.isPublic) throw notFound();
  const none = new Set<string>();
  return {
    ...(await requestBase({ request, context }, plugin, tenant, null)),
    area: route.area,
    user: null,
    mode: "public",
    permissions: none,
    can: () => false,
    require: () => {
      throw forbidden();
    },
    withTenant: (fn) => withScope(context.services.db, { tenantId: null, readTenantIds: [tenant.id], userId: null }, fn),
    withPublicSubmission: (fn) => withScope(context.services.db, { tenantId: tenant.id, readTenantIds: [tenant.id], userId: null }, fn),
    // Only a withPublicSubmission transaction may write the tenant's chain; elsewhere RLS refuses.
    audit: (trx, e) => {
      checkDeclared(plugin, e);
      return recordAudit(core(trx), { ...e, tenantId: tenant.id, actor: { id: null, name: "public" }, ip: context.clientIp, requestId: context.requestId });
    },
    workflow: PUBLIC_WORKFLOW,
  };
}

async function requestBase({ request, context }: Pick<Args, "request" | "context">, plugin: LoadedPlugin, tenant: Tenant, userId: string | null) {
  const pluginId = plugin.manifest.id;
  return {
    ...coreServices(context.services, plugin, tenant, userId),
    pluginId,
    tenant: pluginTenant(tenant),
    locale: await localeOf(request),
    settings: pluginSettings(plugin, tenant),
    t: await fixedT(context, request, pluginId),
    publicOrigin: publicOrigin(request.url, {
      configured: context.services.config.PUBLIC_ORIGIN,
      production: context.services.config.NODE_ENV === "production",
      tenantHosts: tenant.hosts,
    }),
    rateLimit: (name: string, limit: RateLimit) => takeRateLimit(context.services.db, `${pluginId}:${tenant.id}:${name}:${context.clientIp ?? "unknown"}`, limit),
  };
}

/** A staff member's context in one plugin, for its admin routes and for what it adds to core pages (the inbox). */
export async function staffPluginContext(args: Pick<Args, "request" | "context">, plugin: LoadedPlugin, tenant: Tenant, staff: StaffContext): Promise<PluginRequestContext> {
  return {
    ...(await requestBase(args, plugin, tenant, staff.user.id)),
    area: "admin",
    user: { id: staff.user.id, username: staff.user.username, displayName: staff.user.displayName },
    mode: staff.access.mode,
    permissions: staff.permissions,
    can: (p) => staff.permissions.has(p),
    require: (p) => requirePermission(staff, p),
    withTenant: (fn) => withTenant(staff, fn),
    withPublicSubmission: () => Promise.reject(new Error("withPublicSubmission serves public routes; staff write through withTenant")),
    audit: (trx, e) => {
      checkDeclared(plugin, e);
      return auditTenant(staff, trx, e);
    },
    workflow: pluginWorkflow(staff, plugin.manifest.id),
  };
}

const staffOnly = () => Promise.reject(new Error("the workflow serves staff routes only"));
const PUBLIC_WORKFLOW: PluginWorkflow = { create: staffOnly, update: staffOnly, act: staffOnly, get: staffOnly, list: staffOnly, review: staffOnly, rendition: staffOnly };

/** The context of seed, onEnable and onDisable: the system acting in one tenant. */
export function tenantContext(context: Pick<AppLoadContext, "services">, plugin: LoadedPlugin, tenant: Tenant, actor: { id: string | null; name: string }): PluginTenantContext {
  const scope = { tenantId: tenant.id, readTenantIds: [tenant.id], userId: actor.id };
  return {
    ...coreServices(context.services, plugin, tenant),
    pluginId: plugin.manifest.id,
    tenant: pluginTenant(tenant),
    settings: pluginSettings(plugin, tenant),
    withTenant: (fn) => withScope(context.services.db, scope, fn),
    audit: (trx, e) => {
      checkDeclared(plugin, e);
      return recordAudit(trx, { ...e, tenantId: tenant.id, actor });
    },
  };
}
