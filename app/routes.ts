import { flatRoutes } from "@remix-run/fs-routes";
import { index, route, type RouteConfig, type RouteConfigEntry } from "@remix-run/route-config";
import { discoverPlugins } from "./plugin-host/discover";
import { mountPoint, routeId } from "./plugin-host/registry";

/** The staff shell route: plugin admin pages render inside it. */
const STAFF_SHELL = "routes/t.$tenant.admin";
/** An office's public home: with every plugin page of area `public`, inside the public site layout. */
const OFFICE_HOME = "routes/t.$tenant._index";
/** Must equal `PUBLIC_SITE_ROUTE_ID` in app/ui/public-site/layout.tsx (this file cannot import a route module). */
const PUBLIC_SITE = "public-site";

function findRoute(entries: RouteConfigEntry[], id: string): RouteConfigEntry | undefined {
  for (const e of entries) {
    if (e.id === id) return e;
    const found = e.children && findRoute(e.children, id);
    if (found) return found;
  }
  return undefined;
}

/**
 * Core routes from app/routes/, then each plugin's routes from its manifest (files stay in plugins/<id>/): admin
 * pages inside the staff shell, public pages with the office home inside one layout at `/t/:tenant` (one navigation,
 * breadcrumbs, the office's footer; a splat answers an unknown path there with a 404 in that frame), API routes alone.
 */
async function routes(): Promise<RouteConfig> {
  const all = await flatRoutes();
  const shell = findRoute(all, STAFF_SHELL);
  if (!shell) throw new Error(`${STAFF_SHELL} is missing`);
  const home = all.find((e) => e.id === OFFICE_HOME);
  if (!home) throw new Error(`${OFFICE_HOME} is missing`);
  const core = all.filter((e) => e !== home);
  const site: RouteConfigEntry[] = [index(home.file, { id: OFFICE_HOME }), route("*", "ui/public-site/not-found.tsx", { id: `${PUBLIC_SITE}/not-found` })];
  core.push(route("t/:tenant", "ui/public-site/layout.tsx", { id: PUBLIC_SITE }, site));
  const registry = await discoverPlugins();
  for (const { manifest } of registry.plugins) {
    for (const r of manifest.routes) {
      const file = `../plugins/${manifest.id}/${r.file}`;
      const id = routeId(manifest.id, r);
      if (r.area === "admin") {
        (shell.children ??= []).push(route(`${manifest.id}${r.path ? `/${r.path}` : ""}`, file, { id }));
      } else if (r.area === "public") {
        site.push(route(`${manifest.id}${r.path ? `/${r.path}` : ""}`, file, { id }));
      } else {
        core.push(route(`${mountPoint(r.area, manifest.id)}${r.path ? `/${r.path}` : ""}`, file, { id }));
      }
    }
  }
  return core;
}

export default routes();
