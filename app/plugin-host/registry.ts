import { clockKindLookup, type ClockKinds } from "../core/calendar/clock-kind";
import type { PermissionDef } from "../core/permissions/catalog";
import type { PluginRoleDef } from "../core/permissions/role-catalogue";
import type { Manifest, PluginExtensionPoint, PluginInboxSource, PluginNav, PluginRoute, PluginWidget } from "./manifest-schema";

export interface LoadedPlugin {
  manifest: Manifest;
  /** Absolute path of `plugins/<id>/`. */
  dir: string;
}

/** Where each area of a plugin is mounted, relative to the site root. */
export function mountPoint(area: PluginRoute["area"], pluginId: string): string {
  switch (area) {
    case "admin":
      return `t/:tenant/admin/${pluginId}`;
    case "public":
      return `t/:tenant/${pluginId}`;
    case "api":
      return `api/v1/t/:tenant/${pluginId}`;
  }
}

export function routePattern(pluginId: string, route: PluginRoute): string {
  return `/${mountPoint(route.area, pluginId)}${route.path ? `/${route.path}` : ""}`;
}

export function routeId(pluginId: string, route: PluginRoute): string {
  return `plugins/${pluginId}/${route.area}/${route.path || "index"}`;
}

const clockKindsByPlugin = new WeakMap<LoadedPlugin, ClockKinds>();

/** The clock kinds a plugin declares, by a clock id's prefix: another plugin's kind is as unknown to it as an undeclared one. */
export function pluginClockKinds(plugin: LoadedPlugin): ClockKinds {
  let kinds = clockKindsByPlugin.get(plugin);
  if (!kinds) clockKindsByPlugin.set(plugin, (kinds = clockKindLookup(plugin.manifest.clockKinds)));
  return kinds;
}

/** The validated plugins, in dependency order, and what they add to the host. */
export class PluginRegistry {
  readonly #byId: Map<string, LoadedPlugin>;

  constructor(readonly plugins: readonly LoadedPlugin[]) {
    this.#byId = new Map(plugins.map((p) => [p.manifest.id, p]));
  }

  get(id: string): LoadedPlugin | undefined {
    return this.#byId.get(id);
  }

  ids(): string[] {
    return this.plugins.map((p) => p.manifest.id);
  }

  permissions(): PermissionDef[] {
    return this.plugins.flatMap((p) => p.manifest.permissions.map((d) => ({ key: d.key, label: d.label, defaultRoles: d.defaultRoles as PermissionDef["defaultRoles"] })));
  }

  /** The clock kinds of one plugin (none for an unknown id). */
  clockKinds(pluginId: string): ClockKinds {
    const plugin = this.#byId.get(pluginId);
    return plugin ? pluginClockKinds(plugin) : clockKindLookup([]);
  }

  /** The business roles the plugins declare, for the role catalogue. */
  roles(): PluginRoleDef[] {
    return this.plugins.flatMap((p) => p.manifest.roles.map((r) => ({ ...r, pluginId: p.manifest.id })));
  }

  nav(area: PluginNav["area"]): (PluginNav & { pluginId: string })[] {
    return this.plugins.flatMap((p) => p.manifest.nav.filter((n) => n.area === area).map((n) => ({ ...n, pluginId: p.manifest.id })));
  }

  widgets(): (PluginWidget & { pluginId: string })[] {
    return this.plugins.flatMap((p) => p.manifest.widgets.map((w) => ({ ...w, pluginId: p.manifest.id })));
  }

  /** The plugin offering an extension point, and its offer; undefined when no installed plugin offers it. */
  extensionPoint(key: string): { plugin: LoadedPlugin; point: PluginExtensionPoint } | undefined {
    for (const plugin of this.plugins) {
      const point = plugin.manifest.extensionPoints.find((p) => p.key === key);
      if (point) return { plugin, point };
    }
    return undefined;
  }

  inboxSources(): (PluginInboxSource & { plugin: LoadedPlugin })[] {
    return this.plugins.flatMap((p) => p.manifest.inbox.map((source) => ({ ...source, plugin: p })));
  }

  routes(): (PluginRoute & { pluginId: string; id: string; pattern: string })[] {
    return this.plugins.flatMap((p) =>
      p.manifest.routes.map((r) => ({ ...r, pluginId: p.manifest.id, id: routeId(p.manifest.id, r), pattern: routePattern(p.manifest.id, r) })),
    );
  }

  /** i18n resources: one namespace per plugin, named by its id. */
  locales(): { ns: string; byLocale: Manifest["locales"] }[] {
    return this.plugins.map((p) => ({ ns: p.manifest.id, byLocale: p.manifest.locales }));
  }
}
