import { flatRoutes } from "@remix-run/fs-routes";
import { route, type RouteConfig, type RouteConfigEntry } from "@remix-run/route-config";
import { discoverPlugins } from "./plugin-host/discover";
import { mountPoint, routeId } from "./plugin-host/registry";

/** The staff shell route: plugin admin pages render inside it. */
const STAFF_SHELL = "routes/t.$tenant.admin";

function findRoute(entries: RouteConfigEntry[], id: string): RouteConfigEntry | undefined {
  for (const e of entries) {
    if (e.id === id) return e;
    const found = e.children && findRoute(e.children, id);
    if (found) return found;
  }
  return undefined;
}

/** Core routes from app/routes/, then each plugin's routes from its manifest (files stay in plugins/<id>/). */
async function routes(): Promise<RouteConfig> {
  const core = await flatRoutes();
  const shell = findRoute(core, STAFF_SHELL);
  if (!shell) throw new Error(`${STAFF_SHELL} is missing`);
  const registry = await discoverPlugins();
  for (const { manifest } of registry.plugins) {
    for (const r of manifest.routes) {
      const file = `../plugins/${manifest.id}/${r.file}`;
      const id = routeId(manifest.id, r);
      if (r.area === "admin") {
        (shell.children ??= []).push(route(`${manifest.id}${r.path ? `/${r.path}` : ""}`, file, { id }));
      } else {
        core.push(route(`${mountPoint(r.area, manifest.id)}${r.path ? `/${r.path}` : ""}`, file, { id }));
      }
    }
  }
  return core;
}

export default routes();
