import type { AppLoadContext } from "@remix-run/node";
import type { Transaction } from "kysely";
import type { DatabaseHandle } from "../../../db/client";
import type { CoreDatabase } from "../../../db/schema";
import { migratePlugins } from "../../plugin-host/migrate";
import type { PluginRegistry } from "../../plugin-host/registry";
import { demoStaff } from "../../plugin-host/demo-staff.server";
import { tenantContext } from "../../plugin-host/request-context.server";
import { CORE_ROLES, type BusinessRole } from "../../core/permissions/roles";
import type { StaffContext } from "../../core/tenancy/staff.server";
import { withScope } from "../../../db/scope";
import type { PluginTenantContext } from "../context";
import { createUser, testContext } from "./accounts";
import { createTenantTree, enablePlugin, openTestDatabase, type TenantTree } from "./database";
import { loadPlugins, testPluginId, type TestPlugin } from "./plugins";
import { asStaffOf } from "./staff";

export interface TestbedOptions<R extends BusinessRole> {
  /**
   * The plugins to run, dependencies first and the plugin under test last (`["disclosure", "requests"]`);
   * a manifest written in the test (`definePlugin({...})`) runs beside them as a plugin without a folder.
   */
  plugins: readonly TestPlugin[];
  /** Offices under the city (default 2); the first is `env.office`. */
  offices?: number;
  /**
   * One member per role (default every business role: core's and those the plugins declare), in
   * the first office; the supervisor in the city above it.
   */
  roles?: readonly R[];
  /** Demo offices (`demo-…` codes), for which plugins' seeds also write their demo data. */
  demo?: boolean;
  /** Where the plugins' folders are (default `plugins/`; core tests use tests/fixtures/plugins). */
  pluginsDir?: string;
}

export interface Member {
  id: string;
  username: string;
}

/**
 * `DB` is the plugin's own tables (`openTestbed<MyDatabase>(…)`): transactions the testbed hands
 * out see them beside core's, as the plugin's code does.
 */
export interface Testbed<DB = unknown, R extends BusinessRole = BusinessRole> {
  handle: DatabaseHandle;
  registry: PluginRegistry;
  tree: TenantTree;
  context: AppLoadContext;
  /** The first office: where the members work and routes are called. */
  office: TenantTree["offices"][number];
  members: Record<R, Member>;
  /** The member of a role (a plugin's own, `requests_officer`, included); throws when the testbed made none. */
  member(role: string): Member;
  /** A system (seed) context of the plugin under test in a tenant, acting as "test", its tables typed. */
  systemContext(tenantId: string): PluginTenantContext<DB>;
  /** The same for a plugin named, whose tables (another plugin's) the test does not type. */
  systemContext(tenantId: string, pluginId: string): PluginTenantContext;
  /** Runs `fn` in the office's transaction as the signed-in staff member, as a page's loader would. */
  asStaff<T>(userId: string, fn: (trx: Transaction<CoreDatabase & DB>, ctx: StaffContext) => Promise<T>): Promise<T>;
  /** Reads as an anonymous reader of these tenants' public pages: row-level security as the portal has it. */
  publicRead<T>(tenantIds: string[], fn: (trx: Transaction<CoreDatabase & DB>) => Promise<T>): Promise<T>;
  /** Reads as `userId` over these tenants (a supervisor's, a report's view); in one tenant's scope when `tenantId` is given. */
  readAs<T>(userId: string, tenantIds: string[], fn: (trx: Transaction<CoreDatabase & DB>) => Promise<T>, tenantId?: string): Promise<T>;
  /** Runs the plugin's `seed` in a tenant, as a demo start does. */
  seed(pluginId: string, tenantId: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A migrated test database (PGlite, or PostgreSQL when the run has TEST_DATABASE_URL) with these
 * plugins enabled for a city and its offices, and a member of each role.
 */
export async function openTestbed<DB = unknown, R extends BusinessRole = BusinessRole>(options: TestbedOptions<R>): Promise<Testbed<DB, R>> {
  const handle = await openTestDatabase();
  const registry = await loadPlugins(options.plugins, options.pluginsDir);
  await migratePlugins(handle.db, registry);
  const tree = await createTenantTree(handle, options.offices ?? 2, options.demo ? "demo-" : "");
  const ids = options.plugins.map(testPluginId);
  for (const t of [tree.city, ...tree.offices]) for (const id of ids) await enablePlugin(handle, t.id, id);
  const context = await testContext(handle, {}, registry);
  const office = tree.offices[0]!;
  const roles = options.roles ?? ([...CORE_ROLES, ...registry.roles().map((r) => r.key)] as readonly BusinessRole[] as readonly R[]);
  const members = {} as Record<R, Member>;
  for (const role of roles) members[role] = await createUser(handle, { [role === "supervisor" ? tree.city.id : office.id]: [role] });
  const underTest = ids.at(-1)!;

  const systemContext = (tenantId: string, pluginId = underTest) => {
    const plugin = registry.get(pluginId);
    if (!plugin) throw new Error(`systemContext: "${pluginId}" is not among the testbed's plugins`);
    return tenantContext(context, plugin, context.services.tenants.byId(tenantId)!, { id: null, name: "test" });
  };

  // The plugins' tables are migrated in this database; core's type does not know them.
  const withPluginTables = (trx: Transaction<CoreDatabase>) => trx as unknown as Transaction<CoreDatabase & DB>;
  const asStaff = <T>(userId: string, fn: (trx: Transaction<CoreDatabase & DB>, ctx: StaffContext) => Promise<T>) =>
    asStaffOf({ context, office }, userId, (trx, ctx) => fn(withPluginTables(trx), ctx));
  const readAs = <T>(userId: string | null, tenantIds: string[], fn: (trx: Transaction<CoreDatabase & DB>) => Promise<T>, tenantId?: string) =>
    withScope(handle.db, { tenantId: tenantId ?? null, readTenantIds: tenantIds, userId }, (trx) => fn(withPluginTables(trx)));
  const publicRead = <T>(tenantIds: string[], fn: (trx: Transaction<CoreDatabase & DB>) => Promise<T>) => readAs(null, tenantIds, fn);

  /** The plugin's seed in one office, as a demo start runs it: with the office's members as `ctx.demo`. */
  async function seed(pluginId: string, tenantId: string) {
    const plugin = registry.get(pluginId);
    if (!plugin) return;
    await plugin.manifest.seed?.({ ...systemContext(tenantId, pluginId), demo: demoStaff(context.services, plugin, context.services.tenants.byId(tenantId)!) });
  }

  const member = (role: string) => {
    const found = (members as Partial<Record<string, Member>>)[role];
    if (!found) throw new Error(`the testbed has no member of role "${role}" (roles: ${roles.join(", ")})`);
    return found;
  };

  return { handle, registry, tree, context, office, members, member, systemContext, asStaff, publicRead, readAs, seed, close: () => handle.close() };
}
