import type { AppLoadContext } from "@remix-run/node";
import { validateManifest } from "../../../app/plugin-host/discover";
import { migratePlugins } from "../../../app/plugin-host/migrate";
import { PluginRegistry } from "../../../app/plugin-host/registry";
import { tenantContext } from "../../../app/plugin-host/request-context.server";
import type { BusinessRole } from "../../../app/core/permissions/roles";
import { createTenantTree, openTestDatabase, switchPlugin } from "../../../tests/helpers/db";
import { createUser, testContext } from "../../../tests/helpers/context";
import manifest from "../manifest";

/** A test database with the disclosure plugin migrated and enabled for a city and two offices, and staff in the first office. */
export async function openDisclosure() {
  const handle = await openTestDatabase();
  const dir = new URL("..", import.meta.url).pathname;
  const registry = new PluginRegistry([{ manifest: validateManifest("disclosure", manifest), dir }]);
  await migratePlugins(handle.db, registry);
  const tree = await createTenantTree(handle, 2);
  for (const t of [tree.city, ...tree.offices]) await switchPlugin(handle, t.id, true, {}, "disclosure");
  const context: AppLoadContext = await testContext(handle, {}, registry);
  const office = tree.offices[0]!;
  const roles = { drafter: ["drafter"], dept: ["dept_reviewer"], classifier: ["classifier"], leader: ["leader"], viewer: ["viewer"] } satisfies Record<string, BusinessRole[]>;
  const users = {} as Record<keyof typeof roles, { id: string; username: string }>;
  for (const [name, r] of Object.entries(roles)) users[name as keyof typeof roles] = await createUser(handle, { [office.id]: r });
  const systemContext = (tenantId: string) =>
    tenantContext(context, registry.get("disclosure")!, context.services.tenants.byId(tenantId)!, { id: null, name: "test" });
  return { handle, registry, tree, context, office, users, systemContext };
}
