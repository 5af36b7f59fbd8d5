import { sql } from "kysely";
import { withScope } from "../../../db/scope";
import { chinaYear } from "../../../app/core/calendar/china-time";
import type { PluginRequestContext } from "../../../app/plugin-api";
import { reportTables } from "../../../plugins/requests/server/figures/tables.server";
import type { BenchManifest } from "../data/index";
import { systemContext, type InProcess } from "./services";
import { timed, type Timed } from "./timing";

/** The tenants the budgets of DESIGN §11 name: one office, a city with (up to) 20 subordinates, all. */
export interface FigureSets {
  one: { code: string; id: string; requests: number };
  city: { code: string; ids: string[]; subordinates: number };
  all: string[];
}

export function figureSets(manifest: BenchManifest): FigureSets {
  const tenants = [...manifest.tenants].sort((a, b) => a.code.localeCompare(b.code));
  const one = [...tenants].sort((a, b) => b.requests - a.requests)[0];
  if (!one) throw new Error("the bench manifest lists no tenants");
  const children = (code: string) => tenants.filter((t) => t.parentCode === code);
  const cities = tenants.filter((t) => t.level === "city").sort((a, b) => children(b.code).length - children(a.code).length);
  const city = cities[0] ?? tenants.find((t) => children(t.code).length > 0) ?? one;
  const subs = children(city.code).slice(0, 20);
  return {
    one: { code: one.code, id: one.id, requests: one.requests },
    city: { code: city.code, ids: [city.id, ...subs.map((s) => s.id)], subordinates: subs.length },
    all: tenants.map((t) => t.id),
  };
}

/** The report year: the one in which most applications were received (this year if there are none). */
export async function reportYear(ip: InProcess, tenantIds: string[]): Promise<number> {
  const row = await withScope(ip.handle.db, { tenantId: null, readTenantIds: tenantIds, userId: null }, (trx) =>
    sql<{ year: number }>`SELECT extract(year FROM received_on)::int AS year FROM requests_applications WHERE received_on IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 DESC LIMIT 1`.execute(trx),
  );
  return row.rows[0]?.year ?? chinaYear();
}

/**
 * Every `reportFigures` entry of every plugin enabled in the tenant, each through a fresh context
 * (so no figure reuses another run's cache), concurrently as a report page would ask for them.
 */
async function tenantFigures(ip: InProcess, tenantId: string, year: number): Promise<number> {
  const { plugins, tenants } = ip.context.services;
  const tenant = tenants.byId(tenantId)!;
  let count = 0;
  await Promise.all(
    plugins.plugins
      .filter((p) => tenant.plugins.includes(p.manifest.id))
      .map((p) => {
        const ctx = systemContext(ip, p.manifest.id, tenantId);
        count += p.manifest.reportFigures.length;
        return Promise.all(p.manifest.reportFigures.map((f) => (f.compute as (c: PluginRequestContext, y: number) => Promise<number>)(ctx, year)));
      }),
  );
  return count;
}

/** Tenants `concurrency` at a time (the app's pool holds 10 connections on PostgreSQL, one on PGlite). */
async function manyTenants(ip: InProcess, ids: string[], year: number, concurrency: number): Promise<number> {
  let next = 0;
  let figures = 0;
  const worker = async () => {
    while (next < ids.length) {
      const count = await tenantFigures(ip, ids[next++]!, year);
      figures += count;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
  return figures;
}

export interface FigureTimings {
  year: number;
  sets: FigureSets;
  /** Figures computed per run in each set. */
  figures: { one: number; city: number; all: number };
  one: Timed;
  city: Timed;
  all: Timed;
  /** The requests plugin's tables 三 and 四 consolidated in one read over the set's tenants (reportTables). */
  cityTablesOneRead: Timed;
  allTablesOneRead: Timed;
}

export async function timeFigures(ip: InProcess, manifest: BenchManifest, reps: number): Promise<FigureTimings> {
  const sets = figureSets(manifest);
  const year = await reportYear(ip, sets.all);
  const concurrency = ip.handle.engine === "postgres" ? 10 : 1;
  const figures = {
    one: await tenantFigures(ip, sets.one.id, year),
    city: await manyTenants(ip, sets.city.ids, year, concurrency),
    all: await manyTenants(ip, sets.all, year, concurrency),
  };
  const oneRead = (ids: string[]) => () => withScope(ip.handle.db, { tenantId: null, readTenantIds: ids, userId: null }, (trx) => reportTables(trx, ids, year));
  return {
    year,
    sets,
    figures,
    one: await timed(reps, () => tenantFigures(ip, sets.one.id, year)),
    city: await timed(reps, () => manyTenants(ip, sets.city.ids, year, concurrency)),
    all: await timed(reps, () => manyTenants(ip, sets.all, year, concurrency)),
    cityTablesOneRead: await timed(reps, oneRead(sets.city.ids)),
    allTablesOneRead: await timed(reps, oneRead(sets.all)),
  };
}
