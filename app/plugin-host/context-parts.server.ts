import type { Transaction } from "kysely";
import type { CoreDatabase } from "../../db/schema";
import { chinaDate, chinaYear } from "../core/calendar/china-time";
import { explainClock } from "../core/calendar/clock-explain";
import { clockKindKey, UndeclaredClockKindError } from "../core/calendar/clock-kind";
import { appendClockEvent, clockEvents, clockStatus, clockStatuses } from "../core/calendar/clock-store.server";
import type { WorkCalendarStore } from "../core/calendar/overrides.server";
import { scanText } from "../core/classification/scan";
import { sensitiveWordsIn } from "../core/classification/sensitive-words.server";
import type { FieldCipher } from "../core/crypto/field-cipher";
import { claimNumbers, INDEX_SEQUENCE, nextNumbers } from "../core/numbering/sequences.server";
import { indexDocument, indexDocuments, removeDocument, search } from "../core/search/index.server";
import type { Tenant } from "../core/tenancy/directory.server";
import type { PluginAuditEvent, PluginCoreServices, PluginTenant, PluginTransaction } from "../plugin-api/context";
import type { TenantDirectory } from "../core/tenancy/directory.server";
import { pluginExtensions, type RecordAudit } from "./extensions.server";
import { pluginClockKinds, type LoadedPlugin, type PluginRegistry } from "./registry";

/*
 * The parts every plugin context is built from, whether for a request (request-context.server)
 * or for a document hook (workflow.server); kept apart so neither of those imports the other.
 */

/** The process services a plugin context binds: only these, so this file needs no composition root. */
export type BoundServices = { calendar: WorkCalendarStore; cipher: FieldCipher; plugins: PluginRegistry; tenants: TenantDirectory };

/** Who acts through a context: a staff member, or the system or the public (no id), and how their audit events are recorded. */
export type ContextActor = { userId: string | null; audit: RecordAudit };

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
 * The calendar, numbering, search, classification and extension helpers of a plugin context, bound
 * to the plugin (which may only number `core.index` and its own sequences, and index its own
 * sources), to the tenant (whose rows they write, through the caller's transaction) and to the actor.
 */
export function coreServices(services: BoundServices, plugin: LoadedPlugin, tenant: Tenant, actor: ContextActor): PluginCoreServices {
  const id = plugin.manifest.id;
  const userId = actor.userId;
  const kinds = pluginClockKinds(plugin);
  const declared = plugin.manifest.clockKinds.map((k) => k.key);
  const ownClock = (clockId: string) => {
    if (!declared.includes(clockKindKey(clockId) ?? "")) {
      throw new Error(`Plugin ${id} may only keep clocks of the kinds it declares in clockKinds (${declared.join(", ") || "none"}), named "<kind>:<id>", not "${clockId}"`);
    }
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
        return appendClockEvent(core(trx), { tenantId: tenant.id, clockId, event, recordedBy: userId, calendar: services.calendar.calendar, kinds });
      },
      status(trx, clockId, asOf = chinaDate()) {
        ownClock(clockId);
        return clockStatus(core(trx), { tenantId: tenant.id, clockId, asOf, calendar: services.calendar.calendar, kinds });
      },
      statusMany(trx, clockIds, asOf = chinaDate()) {
        clockIds.forEach(ownClock);
        return clockStatuses(core(trx), clockIds, asOf, services.calendar.calendar, kinds);
      },
      explain(status, locale, options) {
        const kind = kinds.get(status.kind);
        if (!kind) throw new UndeclaredClockKindError(status.kind);
        return explainClock(kind, status, locale, options);
      },
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
    extensions: pluginExtensions(
      {
        plugins: services.plugins,
        tenants: services.tenants,
        servicesOf: (offering, t) => coreServices(services, offering, t, actor),
        settingsOf: pluginSettings,
        tenantOf: pluginTenant,
        checkDeclared,
      },
      { plugin, tenant, userId, audit: actor.audit },
    ),
  };
}

