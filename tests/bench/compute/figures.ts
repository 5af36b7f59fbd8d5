import { sql } from "kysely";
import { withScope } from "../../../db/scope";
import { chinaYear } from "../../../app/core/calendar/china-time";
import { computeReportFigures } from "../../../app/plugin-host/reports.server";
import type { BenchManifest } from "../data/index";
import type { InProcess } from "./services";
import { timed, type Timed } from "./timing";

/** The tenants the budgets (runner/budgets.ts) name: one office, a city with (up to) 20 subordinates, all. */
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

/** The report year: the one in which most applications were received (this year if there are none), as staff `userId` sees them. */
export async function reportYear(ip: InProcess, userId: string, tenantIds: string[]): Promise<number> {
  const row = await withScope(ip.handle.db, { tenantId: null, readTenantIds: tenantIds, userId }, (trx) =>
    sql<{ year: number }>`SELECT extract(year FROM received_on)::int AS year FROM requests_applications WHERE received_on IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 DESC LIMIT 1`.execute(trx),
  );
  return row.rows[0]?.year ?? chinaYear();
}

/** A staff member of the bench data: report figures are read by staff (row-level security shows applications only to them). */
export async function staffReader(ip: InProcess, manifest: BenchManifest): Promise<string> {
  const username = manifest.staff[0]?.username;
  if (!username) throw new Error("the bench manifest lists no staff");
  const row = await ip.handle.db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Every figure of every plugin enabled in each of `ids`, read through the plugin contract as the
 * annual report reads them (`ctx.reports.figures` → computeReportFigures): each section computed
 * once for all the tenants, by a reader who may read them all. Returns the figures computed.
 */
async function readFigures(ip: InProcess, userId: string, ids: string[], year: number): Promise<number> {
  const { byTenant } = await computeReportFigures(ip.context, { userId, readableTenantIds: ids }, ids, year);
  return Object.values(byTenant).reduce((n, figures) => n + Object.keys(figures).length, 0);
}

export interface FigureTimings {
  year: number;
  sets: FigureSets;
  /** Figures computed per run in each set. */
  figures: { one: number; city: number; all: number };
  one: Timed;
  city: Timed;
  all: Timed;
}

export async function timeFigures(ip: InProcess, manifest: BenchManifest, reps: number): Promise<FigureTimings> {
  const sets = figureSets(manifest);
  const reader = await staffReader(ip, manifest);
  const year = await reportYear(ip, reader, sets.all);
  const read = (ids: string[]) => () => readFigures(ip, reader, ids, year);
  const figures = {
    one: await read([sets.one.id])(),
    city: await read(sets.city.ids)(),
    all: await read(sets.all)(),
  };
  return {
    year,
    sets,
    figures,
    one: await timed(reps, read([sets.one.id])),
    city: await timed(reps, read(sets.city.ids)),
    all: await timed(reps, read(sets.all)),
  };
}
