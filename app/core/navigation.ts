/** A menu entry; shown only to users who hold its permission. */
export interface NavEntry {
  /** i18n key of the label. */
  label: string;
  /** Relative to the tenant's admin root (`/t/:tenant/admin/`) for staff entries, absolute for platform ones. */
  to: string;
  permission: string;
  order: number;
}

export const STAFF_NAV: readonly NavEntry[] = [
  { label: "nav.workspace", to: "", permission: "core.workspace.view", order: 0 },
  { label: "nav.inbox", to: "inbox", permission: "core.workspace.view", order: 10 },
  { label: "nav.sensitiveWords", to: "sensitive-words", permission: "core.sensitive-words.manage", order: 800 },
  { label: "nav.chains", to: "chains", permission: "core.chains.manage", order: 820 },
  { label: "nav.oversight", to: "oversight", permission: "core.oversight.view", order: 900 },
];

export const PLATFORM_NAV: readonly NavEntry[] = [
  { label: "nav.accounts", to: "/admin/accounts", permission: "core.accounts.manage", order: 10 },
  { label: "nav.roles", to: "/admin/roles", permission: "core.roles.manage", order: 20 },
  { label: "nav.audit", to: "/admin/audit", permission: "core.audit.read", order: 30 },
  { label: "nav.tenants", to: "/admin/tenants", permission: "core.tenants.manage", order: 40 },
  { label: "nav.plugins", to: "/admin/plugins", permission: "core.tenants.manage", order: 45 },
  { label: "nav.calendar", to: "/admin/calendar", permission: "core.tenants.manage", order: 50 },
];

export function visibleNav(entries: readonly NavEntry[], permissions: ReadonlySet<string>): NavEntry[] {
  return entries.filter((e) => permissions.has(e.permission)).sort((a, b) => a.order - b.order);
}

/** A tenant's menu: core entries plus those of the plugins enabled there, each behind its permission. */
export function tenantNav(
  core: readonly NavEntry[],
  plugins: readonly PluginNavEntry[],
  enabled: readonly string[],
  permissions: ReadonlySet<string> | "public",
): NavEntry[] {
  const on = plugins.filter((n) => enabled.includes(n.pluginId));
  const replaced = new Set(on.flatMap((n) => (n.replaces ? [n.replaces] : [])));
  const fromPlugins = on
    .filter((n) => !n.key || !replaced.has(n.key))
    .map((n) => ({ label: n.label, to: n.to ? `${n.pluginId}/${n.to}` : n.pluginId, permission: n.permission ?? "", order: n.order }));
  return [...core, ...fromPlugins]
    .filter((e) => permissions === "public" || !e.permission || permissions.has(e.permission))
    .sort((a, b) => a.order - b.order);
}

export interface PluginNavEntry {
  pluginId: string;
  label: string;
  to: string;
  permission?: string;
  order: number;
  /** Names the entry so that another plugin's entry can replace it. */
  key?: string;
  /** The key of an entry this one stands in for: where both plugins are enabled, only this one shows. */
  replaces?: string;
}
