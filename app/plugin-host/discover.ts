import { access, readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import semver from "semver";
import { PERMISSION_KEY } from "../core/permissions/catalog";
import { RoleCatalogue } from "../core/permissions/role-catalogue";
import { CORE_ROLES, pluginRolePrefix } from "../core/permissions/roles";
import { HOST_VERSION } from "../plugin-api/version";
import { ManifestSchema, type Manifest } from "./manifest-schema";
import { reportFigureProblems } from "./manifest/report-figures";
import { roleProblems, roleReference } from "./manifest/roles";
import { PluginRegistry, type LoadedPlugin } from "./registry";

/** Ids the host uses itself: i18n namespaces (core, platform) and path segments under /t/:tenant/ and /. */
const RESERVED_IDS = ["core", "platform", "admin", "api", "account", "login", "logout", "healthz", "assets", "oversight", "t"];

export const PLUGINS_DIR = resolve(fileURLToPath(new URL("../../plugins/", import.meta.url)));

/** A broken plugin stops the host with one message naming the plugin's manifest and the field at fault. */
export class PluginError extends Error {
  constructor(pluginDir: string, field: string, problem: string) {
    super(`plugins/${pluginDir}/manifest.ts: ${field}: ${problem}`);
  }
}

/**
 * Finds `plugins/<id>/manifest.ts`, validates each manifest, and checks what a manifest alone
 * cannot: the host range, dependencies, unique ids, keys prefixed with the plugin id, and that
 * every route file exists. Returns the plugins in dependency order.
 */
export async function discoverPlugins(dir = PLUGINS_DIR, hostVersion = HOST_VERSION): Promise<PluginRegistry> {
  const folders = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const loaded: LoadedPlugin[] = [];
  for (const folder of folders) {
    const file = join(dir, folder, "manifest.ts");
    if (!(await exists(file))) continue;
    // Plugins are found at run time, so this import is dynamic on purpose.
    const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default?: unknown };
    loaded.push({ manifest: validateManifest(folder, mod.default, hostVersion), dir: join(dir, folder) });
    await checkRouteFiles(folder, loaded.at(-1)!);
  }
  const registry = new PluginRegistry(inDependencyOrder(loaded));
  checkRoleCatalogue(registry);
  return registry;
}

export function validateManifest(folder: string, raw: unknown, hostVersion = HOST_VERSION): Manifest {
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PluginError(folder, issue.path.join(".") || "(manifest)", issue.message);
  }
  const m = parsed.data;
  const fail = (field: string, problem: string) => {
    throw new PluginError(folder, field, problem);
  };
  if (m.id !== folder) fail("id", `"${m.id}" must equal the folder name "${folder}"`);
  if (RESERVED_IDS.includes(m.id)) fail("id", `"${m.id}" is reserved by the host (its namespace or URLs)`);
  if (!semver.satisfies(hostVersion, m.host)) fail("host", `"${m.host}" does not accept this host's version ${hostVersion}`);

  const prefixed = (field: string, keys: string[], sep: string) => {
    keys.forEach((k, i) => {
      if (!k.startsWith(`${m.id}${sep}`)) fail(`${field}.${i}`, `"${k}" must start with "${m.id}${sep}"`);
    });
  };
  prefixed("permissions", m.permissions.map((p) => p.key), ".");
  prefixed("widgets", m.widgets.map((w) => w.key), ".");
  prefixed("inbox", m.inbox.map((s) => s.key), ".");
  prefixed("documentTypes", m.documentTypes.map((d) => d.key), ".");
  prefixed("extensionPoints", m.extensionPoints.map((p) => p.key), ".");
  const offered = new Set<string>();
  m.extensionPoints.forEach((p, i) => {
    if (offered.has(p.key)) fail(`extensionPoints.${i}.key`, `"${p.key}" is offered twice`);
    offered.add(p.key);
  });
  reportFigureProblems(m.id, m.reportFigures).forEach(({ field, problem }) => fail(field, problem));
  prefixed("auditEvents", m.auditEvents, ".");
  prefixed("nav", m.nav.map((n) => n.label), ":");
  m.nav.forEach((n, i) => {
    // Another plugin's entry may name this one in `replaces`: the key says whose it is.
    if (n.key && !n.key.startsWith(`${m.id}.`)) fail(`nav.${i}.key`, `"${n.key}" must start with "${m.id}."`);
  });

  const declared = new Set(m.permissions.map((p) => p.key));
  const known = (key: string | undefined) => !key || declared.has(key) || key.startsWith("core.");
  m.routes.forEach((r, i) => known(r.permission) || fail(`routes.${i}.permission`, `"${r.permission}" is not declared in permissions`));
  m.nav.forEach((n, i) => known(n.permission) || fail(`nav.${i}.permission`, `"${n.permission}" is not declared in permissions`));
  m.inbox.forEach((s, i) => known(s.permission) || fail(`inbox.${i}.permission`, `"${s.permission}" is not declared in permissions`));
  const ids = new Set<string>();
  m.permissions.forEach((p, i) => {
    // The permission registry refuses other shapes at start, without naming the plugin.
    if (!PERMISSION_KEY.test(p.key)) fail(`permissions.${i}.key`, `"${p.key}" is not <id>.<entity>.<action> (lower case)`);
    if (ids.has(p.key)) fail(`permissions.${i}`, `"${p.key}" is declared twice`);
    ids.add(p.key);
  });
  roleProblems(m.id, m.roles).forEach(({ field, problem }) => fail(field, problem));
  // The role editor lists only permissions whose default roles are all business roles; another plugin's role is looked up at discovery.
  const ownRoles = [...CORE_ROLES, ...m.roles.map((r) => r.key)].join(", ");
  roleReferences(m).forEach(({ field, role }) => roleReference(m.id, m.roles, role) !== "no" || fail(field, `"${role}" is not one of ${ownRoles}`));
  const paths = new Set<string>();
  m.routes.forEach((r, i) => {
    const key = `${r.area}:${r.path}`;
    if (paths.has(key)) fail(`routes.${i}.path`, `"${r.path}" is mounted twice in ${r.area}`);
    paths.add(key);
  });
  return m;
}

/** Where a manifest names a business role: its permissions' default roles and its document types' drafter. */
function roleReferences(m: Manifest): { field: string; role: string }[] {
  return [
    ...m.permissions.flatMap((p, i) => p.defaultRoles.map((role, j) => ({ field: `permissions.${i}.defaultRoles.${j}`, role }))),
    ...m.documentTypes.map((d, i) => ({ field: `documentTypes.${i}.drafterRole`, role: d.drafterRole })),
  ];
}

/**
 * Every plugin's roles together: no key declared twice, and every role a manifest names is declared
 * by the plugin its prefix names. A role of a plugin that is not installed (disclosure names
 * `requests_officer`) holds nothing and stops nothing.
 */
function checkRoleCatalogue(registry: PluginRegistry) {
  const owner = new Map<string, string>();
  for (const p of registry.plugins) {
    p.manifest.roles.forEach((r, i) => {
      const other = owner.get(r.key);
      if (other) throw new PluginError(p.manifest.id, `roles.${i}.key`, `"${r.key}" is declared by plugin ${other} too`);
      owner.set(r.key, p.manifest.id);
    });
  }
  const catalogue = new RoleCatalogue(registry.roles());
  const owners = registry.ids().map(pluginRolePrefix);
  for (const p of registry.plugins) {
    for (const { field, role } of roleReferences(p.manifest)) {
      if (!catalogue.has(role) && owners.some((prefix) => role.startsWith(prefix))) throw new PluginError(p.manifest.id, field, `"${role}" is not one of ${catalogue.keys().join(", ")}`);
    }
  }
}

async function checkRouteFiles(folder: string, plugin: LoadedPlugin) {
  for (const [i, r] of plugin.manifest.routes.entries()) {
    if (!(await exists(join(plugin.dir, r.file)))) throw new PluginError(folder, `routes.${i}.file`, `${r.file} does not exist`);
  }
}

function inDependencyOrder(plugins: LoadedPlugin[]): LoadedPlugin[] {
  const byId = new Map<string, LoadedPlugin>();
  for (const p of plugins) {
    if (byId.has(p.manifest.id)) throw new PluginError(p.manifest.id, "id", "another plugin has the same id");
    byId.set(p.manifest.id, p);
  }
  const ordered: LoadedPlugin[] = [];
  const visiting = new Set<string>();
  const visit = (p: LoadedPlugin) => {
    if (ordered.includes(p)) return;
    if (visiting.has(p.manifest.id)) throw new PluginError(p.manifest.id, "dependsOn", "dependency cycle");
    visiting.add(p.manifest.id);
    p.manifest.dependsOn.forEach((dep, i) => {
      const found = byId.get(dep);
      if (!found) throw new PluginError(p.manifest.id, `dependsOn.${i}`, `unknown plugin "${dep}"`);
      visit(found);
    });
    ordered.push(p);
  };
  plugins.forEach(visit);
  return ordered;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
