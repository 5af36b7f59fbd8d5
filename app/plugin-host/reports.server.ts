import type { AppLoadContext } from "@remix-run/node";
import { withScope } from "../../db/scope";
import type { Tenant } from "../core/tenancy/directory.server";
import { forbidden, type StaffContext } from "../core/tenancy/staff.server";
import type { PluginReports, ReportBatchContext, ReportFigures, ReportOffice, ReportSectionInfo } from "../plugin-api/reports";
import type { ReportSection } from "./manifest/report-figures";

type Services = Pick<AppLoadContext, "services">;

/**
 * Who reads the figures: a staff member and every office they may read. Never the public or the
 * system: tables that keep rows from readers without a user (the requests plugin's applications)
 * would give them zeros, not a refusal.
 */
export interface ReportReader {
  userId: string;
  readableTenantIds: readonly string[];
}

/**
 * The offices a staff member may read figures of from `tenant`: the office itself and, for a
 * supervisor holding the oversight permission, the offices under it that they supervise — what the
 * oversight page compares, narrowed to the office on screen.
 */
export function staffReadableTenantIds(context: Services, tenant: Tenant, staff: Pick<StaffContext, "access" | "permissions">): string[] {
  if (!staff.permissions.has("core.oversight.view")) return [tenant.id];
  const supervised = new Set(staff.access.supervisedTenantIds);
  const under = context.services.tenants.subtree(tenant.id).filter((id) => supervised.has(id));
  return [tenant.id, ...under.filter((id) => id !== tenant.id)];
}

/** Every report section the plugins declare, with the plugin that declares it. */
export function reportSections(context: Services): (ReportSection & { pluginId: string })[] {
  return context.services.plugins.plugins.flatMap((p) => p.manifest.reportFigures.map((s) => ({ ...s, pluginId: p.manifest.id })));
}

/**
 * Offices per compute. Row-level security compares each row read with the scope's list of offices,
 * so one list of 3,000 costs more than thirty of 100; a city and its offices are one batch.
 */
export const REPORT_BATCH = 100;
/** Batches computed at once: the pool's connections, not the plugin, bound the rest. */
const CONCURRENT_BATCHES = 4;

/**
 * The figures of `year` for `tenantIds`: each section computed for the tenants where its plugin is
 * enabled, up to REPORT_BATCH at a time, through a read-only scope over just those tenants. Throws
 * 403 when a tenant asked for is outside what the reader may read, and an error naming the section
 * when its compute fails or leaves a figure without a number: a report never shows a blank as 0.
 */
export async function computeReportFigures(context: Services, reader: ReportReader, tenantIds: readonly string[], year: number): Promise<ReportFigures> {
  if (!Number.isInteger(year)) throw new Error(`report figures: the year must be an integer, not ${year}`);
  const readable = new Set(reader.readableTenantIds);
  const ids = [...new Set(tenantIds)];
  if (ids.some((id) => !readable.has(id))) throw forbidden();

  const { tenants } = context.services;
  const byTenant: ReportFigures["byTenant"] = Object.fromEntries(ids.map((id) => [id, {}]));
  const sections: ReportSectionInfo[] = [];
  const jobs = reportSections(context).flatMap((section) => {
    const enabled = ids.filter((id) => tenants.byId(id)?.plugins.includes(section.pluginId));
    if (enabled.length === 0) return [];
    sections.push({ pluginId: section.pluginId, key: section.key, label: section.label, figures: section.figures.map((f) => ({ ...f })) });
    return batches(enabled, REPORT_BATCH).map((batch) => async () => {
      const computed = await section.compute(reportBatchContext(context, section, reader.userId, batch), [...batch], year);
      for (const id of batch) Object.assign(byTenant[id]!, checked(section, id, computed));
    });
  });
  await runAll(jobs, CONCURRENT_BATCHES);
  return { year, sections, byTenant };
}

function batches<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** Runs the jobs `concurrency` at a time; the first failure fails the whole. */
async function runAll(jobs: (() => Promise<void>)[], concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
}

/** What a section's compute receives: a read-only scope over `tenantIds` and no other tenant, as staff `userId`. */
export function reportBatchContext(context: Services, section: { pluginId: string; key: string }, userId: string, tenantIds: readonly string[]): ReportBatchContext {
  const allowed = new Set(tenantIds);
  return {
    pluginId: section.pluginId,
    calendar: context.services.calendar.calendar,
    withRead: (asked, fn) => {
      const outside = asked.filter((id) => !allowed.has(id));
      if (outside.length) return Promise.reject(new Error(`report section ${section.key} may not read tenants ${outside.join(", ")}`));
      return withScope(context.services.db, { tenantId: null, readTenantIds: [...asked], userId }, fn);
    },
  };
}

/** The section's numbers for one tenant, each declared figure present and finite; nothing else. */
function checked(section: ReportSection, tenantId: string, computed: unknown): Record<string, number> {
  const row = computed instanceof Map ? (computed.get(tenantId) as Record<string, unknown> | undefined) : undefined;
  const out: Record<string, number> = {};
  for (const f of section.figures) {
    const v = row?.[f.key];
    if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`report section ${section.key} gave no number for ${f.key} of tenant ${tenantId}`);
    out[f.key] = v;
  }
  return out;
}

/**
 * `ctx.reports` for a reader whose own office is `tenantId`, defaulting to it. The reader is worked
 * out on first use: most requests never read figures, and a supervisor's subtree takes a walk.
 */
export function pluginReports(context: Services, tenantId: string, readerOf: () => ReportReader): PluginReports {
  let reader: ReportReader | undefined;
  const current = () => (reader ??= readerOf());
  return {
    get offices() {
      return current().readableTenantIds.flatMap((id): ReportOffice[] => {
        const t = context.services.tenants.byId(id);
        return t ? [{ id: t.id, code: t.code, name: { ...t.name }, parentId: t.parentId }] : [];
      });
    },
    figures: (year, options = {}) => computeReportFigures(context, current(), options.tenantIds ?? [tenantId], year),
    read: (tenantIds, fn) => {
      const { userId, readableTenantIds } = current();
      const readable = new Set(readableTenantIds);
      if (tenantIds.some((id) => !readable.has(id))) return Promise.reject(forbidden());
      return withScope(context.services.db, { tenantId: null, readTenantIds: [...new Set(tenantIds)], userId }, fn);
    },
  };
}

/** `ctx.reports` on public and API routes: the public reads a published report, not live figures. */
export const PUBLIC_REPORTS: PluginReports = {
  offices: [],
  figures: () => Promise.reject(new Error("report figures serve staff routes only; the public reads the published report")),
  read: () => Promise.reject(new Error("report reads serve staff routes only; the public reads the published report")),
};
