import type { AppLoadContext } from "@remix-run/node";
import type { Transaction } from "kysely";
import type { DatabaseHandle } from "../../../db/client";
import type { CoreDatabase } from "../../../db/schema";
import { migratePlugins } from "../../plugin-host/migrate";
import type { PluginRegistry } from "../../plugin-host/registry";
import { tenantContext } from "../../plugin-host/request-context.server";
import { CORE_ROLES, type BusinessRole } from "../../core/permissions/roles";
import { requireStaff, withTenant, type StaffContext } from "../../core/tenancy/staff.server";
import type { PluginTenantContext } from "../context";
import { createUser, signedInRequest, testContext } from "./accounts";
import { createTenantTree, enablePlugin, openTestDatabase, type TenantTree } from "./database";
import { loadPlugins } from "./plugins";

export interface TestbedOptions<R extends BusinessRole> {
  /** The plugins to run, dependencies first and the plugin under test last (`["disclosure", "requests"]`). */
  plugins: readonly string[];
  /** Offices under the city (default 2); the first is `env.office`. */
  offices?: number;
  /**
   * One member per role (default every business role: core's and those the plugins declare), in
   * the first office; the supervisor in the city above it.
   */
  roles?: readonly R[];
  /** Demo offices (`demo-…` codes), for which plugins' seeds also write their demo data. */
  demo?: boolean;
}

export interface Member {
  id: string;
  username: string;
}

export interface Testbed<R extends BusinessRole = BusinessRole> {
  handle: DatabaseHandle;
  registry: PluginRegistry;
  tree: TenantTree;
  context: AppLoadContext;
  /** The first office: where the members work and routes are called. */
  office: TenantTree["offices"][number];
  members: Record<R, Member>;
  /** The member of a role (a plugin's own, `requests_officer`, included); throws when the testbed made none. */
  member(role: string): Member;
  /** A system (seed) context of a plugin in a tenant, acting as "test": the plugin under test unless named. */
  systemContext(tenantId: string, pluginId?: string): PluginTenantContext;
  /** Runs `fn` in the office's transaction as the signed-in staff member, as a page's loader would. */
  asStaff<T>(userId: string, fn: (trx: Transaction<CoreDatabase>, ctx: StaffContext) => Promise<T>): Promise<T>;
  /** Runs the plugin's `seed` in a tenant, as a demo start does. */
  seed(pluginId: string, tenantId: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A migrated test database (PGlite, or PostgreSQL when the run has TEST_DATABASE_URL) with these
 * plugins enabled for a city and its offices, and a member of each role.
 */
export async function openTestbed<R extends BusinessRole = BusinessRole>(options: TestbedOptions<R>): Promise<Testbed<R>> {
  const handle = await openTestDatabase();
  const registry = await loadPlugins(options.plugins);
  await migratePlugins(handle.db, registry);
  const tree = await createTenantTree(handle, options.offices ?? 2, options.demo ? "demo-" : "");
  for (const t of [tree.city, ...tree.offices]) for (const id of options.plugins) await enablePlugin(handle, t.id, id);
  const context = await testContext(handle, {}, registry);
  const office = tree.offices[0]!;
  const roles = options.roles ?? ([...CORE_ROLES, ...registry.roles().map((r) => r.key)] as readonly BusinessRole[] as readonly R[]);
  const members = {} as Record<R, Member>;
  for (const role of roles) members[role] = await createUser(handle, { [role === "supervisor" ? tree.city.id : office.id]: [role] });
  const underTest = options.plugins.at(-1)!;

  const systemContext = (tenantId: string, pluginId = underTest) => {
    const plugin = registry.get(pluginId);
    if (!plugin) throw new Error(`systemContext: "${pluginId}" is not among the testbed's plugins`);
    return tenantContext(context, plugin, context.services.tenants.byId(tenantId)!, { id: null, name: "test" });
  };

  async function asStaff<T>(userId: string, fn: (trx: Transaction<CoreDatabase>, ctx: StaffContext) => Promise<T>): Promise<T> {
    const ctx = await requireStaff(await signedInRequest(context, userId, `/t/${office.code}/admin`), context, office.code);
    return withTenant(ctx, (trx) => fn(trx, ctx));
  }

  async function seed(pluginId: string, tenantId: string) {
    await registry.get(pluginId)?.manifest.seed?.(systemContext(tenantId, pluginId) as never);
  }

  const member = (role: string) => {
    const found = (members as Partial<Record<string, Member>>)[role];
    if (!found) throw new Error(`the testbed has no member of role "${role}" (roles: ${roles.join(", ")})`);
    return found;
  };

  return { handle, registry, tree, context, office, members, member, systemContext, asStaff, seed, close: () => handle.close() };
}
