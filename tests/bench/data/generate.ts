import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { pino } from "pino";
import type { DatabaseHandle } from "../../../db/client";
import type { DisclosureDatabase } from "../../../plugins/disclosure/db/schema";
import type { RequestsDatabase } from "../../../plugins/requests/db/schema";
import { migrateToLatest } from "../../../db/migrate";
import { withScope } from "../../../db/scope";
import { recordAudit } from "../../../app/core/audit/record.server";
import { chinaDate } from "../../../app/core/calendar/china-time";
import { loadConfig } from "../../../app/core/config.server";
import { createServices, type Services } from "../../../app/server/services.server";
import { syncTenants } from "../../../app/core/tenancy/sync.server";
import { discoverPlugins } from "../../../app/plugin-host/discover";
import { migratePlugins } from "../../../app/plugin-host/migrate";
import type { PluginRegistry } from "../../../app/plugin-host/registry";
import { tenantContext } from "../../../app/plugin-host/request-context.server";
import { seedCatalogue, seedList } from "../../../plugins/disclosure/server/catalogue.server";
import { planItems } from "./items/plan";
import { loadDrafts, loadItems } from "./items/load";
import { planRequests } from "./requests/plan";
import { loadRequests } from "./requests/load";
import { apportion, stream } from "./random";
import { harvest, pickSamples, type BenchSamples, type Harvest } from "./samples";
import { BENCH_TODAY } from "./spec";
import { addMemberships, BENCH_PASSWORD, createStaff, type TenantStaff } from "./staff";
import { planTree, type PlannedTenant } from "./tree";

/**
 * Generates the bench data into an open, empty-enough database: migrations, the tenant tree
 * (tenants:sync's own code), two staff accounts per office, then each office in one transaction
 * as the serving role in that office's scope — so row-level security checks every row written —
 * with its catalogue and list, items, drafts and applications. Offices load concurrently on
 * PostgreSQL; each is planned from its own PRNG stream, so the order does not change the rows.
 */

export interface GenerateSizes {
  tenants: number;
  items: number;
  requests: number;
  seed: number;
}

export interface GenerateOptions {
  /** Tenant codes are `<codePrefix>-<行政区划代码>`; tests give each run its own. */
  codePrefix?: string;
  /** The master key that seals applicants; a random one when absent. */
  dataKey?: Buffer;
  /** Offices loaded at once (default 3 on PostgreSQL, 1 on PGlite, which serialises anyway). */
  concurrency?: number;
  /** VACUUM (ANALYZE) once loaded, before the sample search terms are checked: a settled database, as the benchmark wants it. */
  vacuum?: boolean;
  log?: (line: string) => void;
}

export interface GeneratedTenant {
  id: string;
  code: string;
  level: string;
  parentCode: string | null;
  items: number;
  requests: number;
}

export interface Generated {
  tenants: GeneratedTenant[];
  staff: { tenantCode: string; username: string; password: string }[];
  samples: BenchSamples;
  dataKey: Buffer;
  /** Seconds spent loading the rows, in VACUUM ANALYZE, and checking the samples. */
  timings: { load: number; vacuum: number; samples: number };
}

/** Items and applications per office: a city bureau publishes more than a branch office, offices differ. */
export function tenantSizes(tree: PlannedTenant[], sizes: GenerateSizes): { items: number; requests: number }[] {
  const r = stream(sizes.seed, "sizes");
  const jitter = tree.map(() => 0.6 + 0.8 * r.next());
  const weight = (t: PlannedTenant, by: Record<string, number>) => by[t.definition.level]!;
  const items = apportion(sizes.items, tree.map((t, i) => weight(t, { province: 2, city: 3, county: 1 }) * jitter[i]!));
  const requests = apportion(sizes.requests, tree.map((t, i) => weight(t, { province: 1, city: 1.5, county: 1 }) * jitter[i]!));
  return tree.map((_, i) => ({ items: items[i]!, requests: requests[i]! }));
}

async function openServices(handle: DatabaseHandle, plugins: PluginRegistry, dataKey: Buffer): Promise<Services> {
  const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", GONGKAI_DEMO: "false" });
  return createServices({ db: handle.db, engine: handle.engine, config, logger: pino({ level: "silent" }), plugins, dataKey });
}

interface TenantWork {
  planned: PlannedTenant;
  size: { items: number; requests: number };
  staff: TenantStaff;
}

async function loadTenant(services: Services, work: TenantWork, seed: number): Promise<Harvest> {
  const tenant = services.tenants.byCode(work.planned.definition.code)!;
  const actor = { id: null, name: "bench-data" };
  const disclosure = tenantContext({ services }, services.plugins.get("disclosure")!, tenant, actor);
  const requests = tenantContext({ services }, services.plugins.get("requests")!, tenant, actor);
  const { items, drafts } = planItems(work.planned, work.size.items, seed);
  const applications = planRequests(work.planned, work.size.requests, seed);
  const scope = { tenantId: tenant.id, readTenantIds: [tenant.id], userId: work.staff.officer.id };
  return withScope(services.db, scope, async (trx) => {
    await addMemberships(trx, tenant.id, work.staff);
    const own = trx.withTables<DisclosureDatabase>();
    await seedCatalogue(own, tenant.id);
    await seedList(own, tenant.id);
    const loaded = await loadItems(disclosure, own, items);
    await loadDrafts(trx, tenant.id, drafts, work.staff.drafter.id);
    const tracking = await loadRequests(requests, trx.withTables<RequestsDatabase>(), applications, work.staff.officer.id, seed);
    await recordAudit(trx, {
      tenantId: tenant.id,
      actor,
      action: "bench.seed",
      data: { items: loaded.rows, indexed: loaded.indexed, drafts: drafts.length, requests: applications.length },
    });
    return harvest({ id: tenant.id, code: tenant.code, published: loaded.published, tracking });
  });
}

/** Runs `fn` over `items` with at most `limit` at a time, in order of start. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export async function generateInto(handle: DatabaseHandle, sizes: GenerateSizes, options: GenerateOptions = {}): Promise<Generated> {
  const log = options.log ?? (() => {});
  // Ledgers are read as of the real today; events after it would make every reading refuse them.
  if (chinaDate() < BENCH_TODAY) throw new Error(`bench data is dated up to ${BENCH_TODAY}, after today (${chinaDate()}): check the machine's clock`);
  const started = Date.now();
  const dataKey = options.dataKey ?? randomBytes(32);
  const tree = planTree(sizes.tenants, sizes.seed, options.codePrefix);
  const perTenant = tenantSizes(tree, sizes);
  const plugins = await discoverPlugins();
  await migrateToLatest(handle.db);
  await migratePlugins(handle.db, plugins);
  await syncTenants(handle.db, tree.map((t) => t.definition));
  // After the sync: the services read the tenant directory once, when they are made.
  const services = await openServices(handle, plugins, dataKey);
  const staff = await createStaff(handle.db, tree);
  log(`${tree.length} tenants and ${staff.size * 2} accounts in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const work = tree.map((planned, i) => ({ planned, size: perTenant[i]!, staff: staff.get(planned.definition.code)! }));
  // Largest first, so the last office to finish is a small one.
  const order = [...work].sort((a, b) => b.size.items + 5 * b.size.requests - (a.size.items + 5 * a.size.requests));
  let done = 0;
  let items = 0;
  let requests = 0;
  const every = Math.max(1, Math.floor(order.length / 20));
  const harvests = await pool(order, options.concurrency ?? (handle.engine === "postgres" ? 3 : 1), async (w) => {
    const h = await loadTenant(services, w, sizes.seed);
    done += 1;
    items += w.size.items;
    requests += w.size.requests;
    if (done % every === 0 || done === order.length) log(`${done}/${order.length} tenants, ${items} items, ${requests} requests, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return h;
  });

  const seconds = (since: number) => Math.round((Date.now() - since) / 100) / 10;
  const load = seconds(started);
  const vacuuming = Date.now();
  // Fresh statistics and a merged GIN pending list.
  if (options.vacuum) await sql`VACUUM (ANALYZE)`.execute(handle.db);
  const vacuum = seconds(vacuuming);
  if (options.vacuum) log(`VACUUM ANALYZE in ${vacuum} s`);
  const sampling = Date.now();
  const samples = await pickSamples(handle.db, harvests);
  log(`sample pages and search terms checked in ${seconds(sampling)} s`);
  const ids = new Map(harvests.map((h) => [h.code, h.id]));
  return {
    tenants: work.map((w) => ({
      id: ids.get(w.planned.definition.code)!,
      code: w.planned.definition.code,
      level: w.planned.definition.level,
      parentCode: w.planned.definition.parent ?? null,
      items: w.size.items,
      requests: w.size.requests,
    })),
    staff: work.map((w) => ({ tenantCode: w.planned.definition.code, username: w.staff.officer.username, password: BENCH_PASSWORD })),
    samples,
    dataKey,
    timings: { load, vacuum, samples: seconds(sampling) },
  };
}
