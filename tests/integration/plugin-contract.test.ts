/**
 * The plugin contract (plugins/README.md), checked over every plugin in plugins/ and in the test fixtures:
 * what a plugin may import, that its routes go through the host's guard, that it speaks all three
 * languages, and that the host refuses a broken manifest with a message naming the file and field.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { auditEventLabel } from "../../app/core/audit/labels";
import { GUARDED, pluginAction, pluginLoader } from "../../app/plugin-api/loaders.server";
import { HOST_VERSION } from "../../app/plugin-api/version";
import { discoverPlugins, PLUGINS_DIR, PluginError, validateManifest } from "../../app/plugin-host/discover";
import type { Manifest } from "../../app/plugin-host/manifest-schema";
import { ScaffoldError, scaffoldPlugin } from "../../app/plugin-host/scaffold";
import { FIXTURE_PLUGINS_DIR } from "../helpers/db";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const API_DIR = join(ROOT, "app", "plugin-api");
const LOCALES = ["zh-CN", "zh-TW", "en"] as const;
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const PACKAGES = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);

// ---------------------------------------------------------------------------------------------
// The checks, as plain functions, so each can also be shown failing on a bad example.
// ---------------------------------------------------------------------------------------------

/** Every module specifier a file names: imports, re-exports, import(), require() and import types. */
function specifiersOf(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const e = node.moduleReference.expression;
      if (ts.isStringLiteral(e)) found.push(e.text);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0]!)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === "require")) {
        found.push((node.arguments[0] as ts.StringLiteralLike).text);
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const inside = (path: string, dir: string) => path === dir || path.startsWith(dir + sep);

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** Why a plugin file may not import `specifier`, or null when it may. */
function forbidden(specifier: string, file: string, pluginDir: string, apiDir: string): string | null {
  if (specifier.startsWith(".") || specifier.startsWith("/")) {
    const target = resolve(dirname(file), specifier);
    if (inside(target, pluginDir) || inside(target, apiDir)) return null;
    return `resolves to ${relative(ROOT, target) || "."}, which is neither inside the plugin nor under app/plugin-api/`;
  }
  if (specifier.startsWith("node:") || builtinModules.includes(packageName(specifier))) return null;
  if (PACKAGES.has(packageName(specifier))) return null;
  return `is not an npm package declared in package.json (host aliases such as ~/ and bare paths such as app/… reach into the host)`;
}

interface SourceFile {
  /** Absolute path. */
  path: string;
  text: string;
}

/** One line per import a plugin may not make: `<file> imports "<specifier>": <why>`. */
function boundaryViolations(pluginDir: string, files: SourceFile[], apiDir = API_DIR): string[] {
  return files.flatMap((f) =>
    specifiersOf(f.path, f.text).flatMap((s) => {
      const why = forbidden(s, f.path, pluginDir, apiDir);
      return why ? [`${relative(ROOT, f.path)} imports "${s}": ${why}`] : [];
    }),
  );
}

/** The plugin's own source files, leaving out its tests/ (which may use the test helpers). */
function pluginSources(pluginDir: string): SourceFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return path === join(pluginDir, "tests") || e.name === "node_modules" ? [] : walk(path);
      return SOURCE.test(e.name) ? [path] : [];
    });
  return walk(pluginDir)
    .sort()
    .map((path) => ({ path, text: readFileSync(path, "utf8") }));
}

const LOADERS = join(API_DIR, "loaders.server.ts");

/** The file a relative specifier names, trying the extensions TypeScript would. */
function resolveFile(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")]) if (existsSync(candidate) && SOURCE.test(candidate)) return candidate;
  return null;
}

/**
 * The chain of relative imports by which the manifest reaches `loaders.server` (and with it the
 * request machinery), or [] when it does not. The route config evaluates every manifest when the
 * app is built, so what a manifest names (hooks, seeds, describe) must stay free of it.
 */
function manifestReachesLoaders(pluginDir: string): string[] {
  const start = join(pluginDir, "manifest.ts");
  const parent = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (file === LOADERS) {
      const chain: string[] = [];
      for (let at: string | null = file; at; at = parent.get(at) ?? null) chain.unshift(relative(ROOT, at));
      return chain;
    }
    for (const s of specifiersOf(file, readFileSync(file, "utf8"))) {
      const next = s.startsWith(".") ? resolveFile(file, s) : null;
      if (next && !parent.has(next)) {
        parent.set(next, file);
        queue.push(next);
      }
    }
  }
  return [];
}

/** Names of a route module's loader/action exports that were not built with pluginLoader/pluginAction. */
function unguardedExports(mod: Record<string, unknown>): string[] {
  return (["loader", "action"] as const).filter((name) => {
    const f = mod[name];
    return f !== undefined && !(typeof f === "function" && (f as unknown as Record<symbol, unknown>)[GUARDED] === true);
  });
}

/** Leaf keys of a locale table, dotted as i18next reads them, with their values. */
function leaves(table: unknown, prefix = ""): [string, unknown][] {
  if (table && typeof table === "object" && !Array.isArray(table)) {
    return Object.entries(table).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, table]];
}

/** What is wrong with a plugin's translations: keys one locale has and another lacks, empty strings, missing labels. */
function localeProblems(
  m: Pick<Manifest, "id" | "name" | "nav" | "permissions" | "widgets" | "inbox" | "documentTypes" | "reportFigures" | "locales"> & Partial<Pick<Manifest, "roles" | "auditEvents">>,
): string[] {
  const problems: string[] = [];
  const tables = Object.fromEntries(LOCALES.map((l) => [l, new Map(leaves(m.locales[l]))]));
  const all = new Set(LOCALES.flatMap((l) => [...tables[l]!.keys()]));
  for (const l of LOCALES) {
    const missing = [...all].filter((k) => !tables[l]!.has(k)).sort();
    if (missing.length) problems.push(`${l} lacks ${missing.join(", ")}`);
    const empty = [...tables[l]!].filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => k);
    if (empty.length) problems.push(`${l} has empty or non-string values at ${empty.join(", ")}`);
  }
  const labels: [string, string][] = [
    ["name", m.name],
    ...m.nav.map((n, i): [string, string] => [`nav.${i}.label`, n.label]),
    ...m.permissions.map((p, i): [string, string] => [`permissions.${i}.label`, p.label]),
    ...(m.roles ?? []).flatMap((r, i): [string, string][] => [[`roles.${i}.label`, r.label], [`roles.${i}.description`, r.description]]),
    ...m.widgets.map((w, i): [string, string] => [`widgets.${i}.label`, w.label]),
    ...m.inbox.map((s, i): [string, string] => [`inbox.${i}.label`, s.label]),
    ...m.documentTypes.map((d, i): [string, string] => [`documentTypes.${i}.label`, d.label]),
    ...m.reportFigures.map((r, i): [string, string] => [`reportFigures.${i}.label`, r.label]),
    ...m.reportFigures.flatMap((r, i) => r.figures.map((f, j): [string, string] => [`reportFigures.${i}.figures.${j}.label`, f.label])),
    ...m.reportFigures.flatMap((r, i) => r.figures.flatMap((f, j): [string, string][] => (f.description ? [[`reportFigures.${i}.figures.${j}.description`, f.description]] : []))),
    // The audit trail names a plugin's events by the label of this convention, never by their code.
    ...(m.auditEvents ?? []).map((e, i): [string, string] => [`auditEvents.${i}`, auditEventLabel(m.id, e)]),
  ];
  for (const [field, label] of labels) {
    if (!label.startsWith(`${m.id}:`)) {
      problems.push(`${field} "${label}" is not in the plugin's namespace (write "${m.id}:<key>")`);
      continue;
    }
    const key = label.slice(m.id.length + 1);
    const lacking = LOCALES.filter((l) => typeof tables[l]!.get(key) !== "string");
    if (lacking.length) problems.push(`${field} "${label}" has no translation in ${lacking.join(", ")}`);
  }
  return problems;
}

async function loadManifest(pluginDir: string): Promise<Manifest> {
  const mod = (await import(pathToFileURL(join(pluginDir, "manifest.ts")).href)) as { default?: unknown };
  return validateManifest(pluginDir.split(sep).at(-1)!, mod.default);
}

async function unguardedRoutes(pluginDir: string, m: Manifest): Promise<string[]> {
  const files = [...new Set(m.routes.map((r) => r.file))];
  const found: string[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(pluginDir, file)).href)) as Record<string, unknown>;
    for (const name of unguardedExports(mod)) found.push(`${relative(ROOT, join(pluginDir, file))}: ${name} is not built with plugin${name === "loader" ? "Loader" : "Action"}`);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Every plugin, shipped and fixture.
// ---------------------------------------------------------------------------------------------

function pluginDirs(base: string): string[] {
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(base, d.name, "manifest.ts")))
    .map((d) => join(base, d.name))
    .sort();
}

const PLUGINS = [...pluginDirs(PLUGINS_DIR), ...pluginDirs(FIXTURE_PLUGINS_DIR)].map((dir) => ({ name: relative(ROOT, dir), dir }));

describe("plugin contract", () => {
  it("covers at least the fixture plugin, and every plugin folder is discovered without error", async () => {
    expect(PLUGINS.map((p) => p.name)).toContain("tests/fixtures/plugins/fixture-notes");
    // A broken manifest in plugins/ stops the server; say which one here too.
    await expect(discoverPlugins(PLUGINS_DIR).then((r) => r.ids().length)).resolves.toBeGreaterThanOrEqual(0);
    await expect(discoverPlugins(FIXTURE_PLUGINS_DIR).then((r) => r.ids())).resolves.toContain("fixture-notes");
  });

  describe.each(PLUGINS)("$name", ({ dir }) => {
    it("imports only npm packages, its own files and app/plugin-api/", () => {
      const files = pluginSources(dir);
      expect(files.length, "a plugin has at least its manifest").toBeGreaterThan(0);
      expect(boundaryViolations(dir, files)).toEqual([]);
    });

    it("keeps what its manifest names (hooks, seed, describe) free of the route loaders", () => {
      expect(manifestReachesLoaders(dir)).toEqual([]);
    });

    it("builds every route loader and action with pluginLoader/pluginAction", async () => {
      expect(await unguardedRoutes(dir, await loadManifest(dir))).toEqual([]);
    });

    it("ships the same keys in zh-CN, zh-TW and en, with every label its manifest uses", async () => {
      expect(localeProblems(await loadManifest(dir))).toEqual([]);
    });
  });
});

describe("the contract checks themselves", () => {
  const bad = join(PLUGINS_DIR, "bad-example");
  const file = (rel: string, lines: string[]): SourceFile => ({ path: join(bad, rel), text: lines.join("\n") });

  it("name each file and import that reaches past the plugin-api boundary", () => {
    const files = [
      file("manifest.ts", [
        `import { definePlugin } from "../../app/plugin-api";`,
        `import { z } from "zod";`,
        `import en from "./locales/en.json";`,
        `export { helper } from "./server/helper.server";`,
      ]),
      file("routes/admin.tsx", [
        `import { useLoaderData } from "@remix-run/react";`,
        `import { pluginLoader } from "../../../app/plugin-api/loaders.server";`,
        `import { randomUUID } from "node:crypto";`,
        `import { withTenant } from "~/core/tenancy/staff.server";`,
        `import type { CoreDatabase } from "../../../db/schema";`,
        `import { notes } from "../../other-plugin/server/notes";`,
        `import { sneaky } from "../../../app/plugin-api/../core/forms.server";`,
        `import "../../../app/plugin-api-extra/x";`,
        `export * from "app/core/navigation";`,
        `const lazy = () => import("../../../app/plugin-host/registry");`,
      ]),
      file("server/helper.server.ts", [`const pad = require("left-pad");`, `export type Db = typeof import("../../../db/client");`, `import x = require("../../bad-example-2/x");`]),
    ];
    expect(boundaryViolations(bad, files)).toEqual([
      expect.stringMatching(/^plugins\/bad-example\/routes\/admin\.tsx imports "~\/core\/tenancy\/staff\.server": is not an npm package/),
      `plugins/bad-example/routes/admin.tsx imports "../../../db/schema": resolves to db/schema, which is neither inside the plugin nor under app/plugin-api/`,
      `plugins/bad-example/routes/admin.tsx imports "../../other-plugin/server/notes": resolves to plugins/other-plugin/server/notes, which is neither inside the plugin nor under app/plugin-api/`,
      `plugins/bad-example/routes/admin.tsx imports "../../../app/plugin-api/../core/forms.server": resolves to app/core/forms.server, which is neither inside the plugin nor under app/plugin-api/`,
      `plugins/bad-example/routes/admin.tsx imports "../../../app/plugin-api-extra/x": resolves to app/plugin-api-extra/x, which is neither inside the plugin nor under app/plugin-api/`,
      expect.stringMatching(/^plugins\/bad-example\/routes\/admin\.tsx imports "app\/core\/navigation": is not an npm package/),
      `plugins/bad-example/routes/admin.tsx imports "../../../app/plugin-host/registry": resolves to app/plugin-host/registry, which is neither inside the plugin nor under app/plugin-api/`,
      expect.stringMatching(/^plugins\/bad-example\/server\/helper\.server\.ts imports "left-pad": is not an npm package declared in package\.json/),
      `plugins/bad-example/server/helper.server.ts imports "../../../db/client": resolves to db/client, which is neither inside the plugin nor under app/plugin-api/`,
      `plugins/bad-example/server/helper.server.ts imports "../../bad-example-2/x": resolves to plugins/bad-example-2/x, which is neither inside the plugin nor under app/plugin-api/`,
    ]);
  });

  it("refuse a loader or action not built with pluginLoader/pluginAction", () => {
    const plain = async () => null;
    expect(unguardedExports({ loader: plain, action: plain, default: plain })).toEqual(["loader", "action"]);
    expect(unguardedExports({ loader: pluginLoader(async () => null), action: pluginAction(async () => null) })).toEqual([]);
    expect(unguardedExports({ loader: pluginLoader(async () => null), action: plain })).toEqual(["action"]);
    expect(unguardedExports({ default: plain })).toEqual([]);
  });

  it("name a key one locale lacks, an empty string, and a label with no translation", () => {
    const m = {
      id: "demo",
      name: "demo:name",
      nav: [{ area: "admin" as const, label: "demo:nav", to: "", order: 1 }],
      permissions: [{ key: "demo.items.view", label: "demo:permissions.view", defaultRoles: [] }],
      widgets: [],
      inbox: [{ key: "demo.waiting", label: "demo:inbox", permission: "demo.items.view", list: async () => [] }],
      documentTypes: [],
      reportFigures: [{ key: "demo.counts", label: "demo:name", figures: [{ key: "demo.count", label: "count" }], compute: async () => new Map() }],
      auditEvents: ["demo.items.export"],
      locales: {
        "zh-CN": { name: "示例", nav: "示例", permissions: { view: "查看" } },
        "zh-TW": { name: "示例", nav: "", permissions: { view: "檢視" } },
        en: { name: "Demo", permissions: {} },
      },
    };
    expect(localeProblems(m)).toEqual([
      "zh-TW has empty or non-string values at nav",
      "en lacks nav, permissions.view",
      `nav.0.label "demo:nav" has no translation in en`,
      `permissions.0.label "demo:permissions.view" has no translation in en`,
      `inbox.0.label "demo:inbox" has no translation in zh-CN, zh-TW, en`,
      `reportFigures.0.figures.0.label "count" is not in the plugin's namespace (write "demo:<key>")`,
      `auditEvents.0 "demo:audit.items.export" has no translation in zh-CN, zh-TW, en`,
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// The host refuses broken manifests, one message naming the manifest and the field.
// ---------------------------------------------------------------------------------------------

const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `gongkai-contract-${prefix}-`));
  scratch.push(dir);
  return dir;
}

function manifest(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const table = (name: string) => ({ name, nav: name, permissions: { view: name } });
  return {
    id,
    version: "1.0.0",
    host: `^${HOST_VERSION}`,
    name: `${id}:name`,
    locales: { "zh-CN": table("示例"), "zh-TW": table("示例"), en: table("Example") },
    ...extra,
  };
}

/** Writes plugin folders holding a plain-object manifest (and any other files) under a fresh plugins dir. */
async function pluginsDir(plugins: Record<string, { manifest: Record<string, unknown>; files?: string[] }>): Promise<string> {
  const dir = await tempDir("plugins");
  for (const [folder, p] of Object.entries(plugins)) {
    await mkdir(join(dir, folder), { recursive: true });
    await writeFile(join(dir, folder, "manifest.ts"), `export default ${JSON.stringify(p.manifest, null, 2)};\n`);
    for (const f of p.files ?? []) {
      await mkdir(dirname(join(dir, folder, f)), { recursive: true });
      await writeFile(join(dir, folder, f), "export default function Page() { return null; }\n");
    }
  }
  return dir;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("manifest validation", () => {
  const good = { manifest: manifest("good-one", { routes: [{ area: "public", path: "", file: "routes/public.tsx" }] }), files: ["routes/public.tsx"] };

  it.each([
    {
      what: "a field of the wrong type",
      folder: "wrong-type",
      manifest: manifest("wrong-type", { version: 1 }),
      field: "version",
      problem: /expected string, received number/,
    },
    {
      what: "a nested field of the wrong type",
      folder: "wrong-nested",
      manifest: manifest("wrong-nested", {
        permissions: [{ key: "wrong-nested.items.view", label: "wrong-nested:permissions.view" }],
        routes: [{ area: "admin", path: "", file: "routes/admin.tsx", permission: 7 }],
      }),
      field: "routes.0.permission",
      problem: /expected string, received number/,
    },
    {
      what: "an unknown dependsOn",
      folder: "needs-ghost",
      manifest: manifest("needs-ghost", { dependsOn: ["good-one", "no-such-plugin"] }),
      field: "dependsOn.1",
      problem: /unknown plugin "no-such-plugin"/,
    },
    {
      what: "a dependency cycle",
      folder: "cycle-a",
      manifest: manifest("cycle-a", { dependsOn: ["cycle-b"] }),
      extra: { "cycle-b": { manifest: manifest("cycle-b", { dependsOn: ["cycle-a"] }) } },
      field: "dependsOn",
      problem: /dependency cycle/,
    },
    {
      what: "a host range this host's version does not satisfy",
      folder: "from-the-future",
      manifest: manifest("from-the-future", { host: `>${HOST_VERSION}` }),
      field: "host",
      problem: new RegExp(`does not accept this host's version ${escape(HOST_VERSION)}`),
    },
    {
      what: "a permission key not prefixed with the plugin id",
      folder: "borrower",
      manifest: manifest("borrower", { permissions: [{ key: "disclosure.items.manage", label: "borrower:permissions.view" }] }),
      field: "permissions.0",
      problem: /"disclosure\.items\.manage" must start with "borrower\."/,
    },
    {
      what: "a permission key that is not <id>.<entity>.<action>",
      folder: "short-key",
      manifest: manifest("short-key", { permissions: [{ key: "short-key.view", label: "short-key:permissions.view" }] }),
      field: "permissions.0.key",
      problem: /"short-key\.view" is not <id>\.<entity>\.<action>/,
    },
    {
      what: "a default role that does not exist",
      folder: "typo-role",
      manifest: manifest("typo-role", { permissions: [{ key: "typo-role.items.view", label: "typo-role:permissions.view", defaultRoles: ["drafter", "drafterr"] }] }),
      field: "permissions.0.defaultRoles.1",
      problem: /"drafterr" is not one of drafter, /,
    },
    {
      what: "a role key without the plugin's prefix",
      folder: "site-visits",
      manifest: manifest("site-visits", { roles: [{ key: "site_inspector", label: "site-visits:roles.x", description: "site-visits:roles.xHint" }] }),
      field: "roles.0.key",
      problem: /"site_inspector" must start with "site_visits_"/,
    },
    {
      what: "a role key that is a core role",
      folder: "dept",
      manifest: manifest("dept", { roles: [{ key: "dept_reviewer", label: "dept:roles.x", description: "dept:roles.xHint" }] }),
      field: "roles.0.key",
      problem: /"dept_reviewer" is a core role/,
    },
    {
      what: "a role key another plugin declares (site_ is a prefix of site_visits_)",
      folder: "site-visits",
      manifest: manifest("site-visits", { roles: [{ key: "site_visits_inspector", label: "site-visits:roles.x", description: "site-visits:roles.xHint" }] }),
      extra: { site: { manifest: manifest("site", { roles: [{ key: "site_visits_inspector", label: "site:roles.x", description: "site:roles.xHint" }] }) } } as Record<string, { manifest: Record<string, unknown> }>,
      field: "roles.0.key",
      problem: /"site_visits_inspector" is declared by plugin site too/,
    },
    {
      what: "a role holding a permission of the three platform administrators by default",
      folder: "auditing",
      manifest: manifest("auditing", { roles: [{ key: "auditing_clerk", label: "auditing:roles.x", description: "auditing:roles.xHint", defaultPermissions: ["core.audit.read"] }] }),
      field: "roles.0.defaultPermissions.0",
      problem: /"core.audit.read" is not a core permission a business role may hold/,
    },
    {
      what: "a default role the plugin its prefix names does not declare",
      folder: "borrows-role",
      manifest: manifest("borrows-role", { permissions: [{ key: "borrows-role.items.view", label: "borrows-role:permissions.view", defaultRoles: ["good_one_ghost"] }] }),
      field: "permissions.0.defaultRoles.0",
      problem: /"good_one_ghost" is not one of drafter, .*viewer/,
    },
    {
      what: "an id that is not its folder's name (two plugins can never share an id)",
      folder: "folder-name",
      manifest: manifest("good-one"),
      field: "id",
      problem: /"good-one" must equal the folder name "folder-name"/,
    },
    {
      what: "a route file that does not exist",
      folder: "lost-route",
      manifest: manifest("lost-route", { routes: [{ area: "public", path: "", file: "routes/missing.tsx" }] }),
      field: "routes.0.file",
      problem: /routes\/missing\.tsx does not exist/,
    },
  ])("refuses $what, naming plugins/<folder>/manifest.ts and the field", async ({ folder, manifest: m, extra, field, problem }) => {
    const dir = await pluginsDir({ "good-one": good, [folder]: { manifest: m }, ...extra });
    const error = await discoverPlugins(dir).then(
      (r) => new Error(`discoverPlugins accepted ${r.ids().join(", ")}`),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PluginError);
    const message = (error as Error).message;
    expect(message.split("\n"), "one line").toHaveLength(1);
    expect(message).toMatch(new RegExp(`^plugins/${escape(folder)}/manifest\\.ts: ${escape(field)}: `));
    expect(message).toMatch(problem);
  });

  it("loads a plugin naming a role of a plugin that is not installed, the role holding nothing", async () => {
    const dir = await pluginsDir({
      "good-one": good,
      lender: { manifest: manifest("lender", { permissions: [{ key: "lender.items.view", label: "lender:permissions.view", defaultRoles: ["drafter", "absent_officer"] }] }) },
    });
    const registry = await discoverPlugins(dir);
    expect(registry.ids()).toEqual(["good-one", "lender"]);
    expect(registry.roles()).toEqual([]);
  });

  it("loads good plugins, dependencies first", async () => {
    const dir = await pluginsDir({
      "a-reports": { manifest: manifest("a-reports", { dependsOn: ["good-one"] }) },
      "good-one": good,
    });
    const registry = await discoverPlugins(dir);
    expect(registry.ids()).toEqual(["good-one", "a-reports"]);
    expect(registry.routes()).toEqual([expect.objectContaining({ pluginId: "good-one", area: "public", pattern: "/t/:tenant/good-one" })]);
  });
});

// ---------------------------------------------------------------------------------------------
// npm run plugin:new
// ---------------------------------------------------------------------------------------------

describe("scaffoldPlugin", () => {
  /** A stand-in repository: plugins/ of its own, the real app/, db/ and node_modules/ linked in. */
  async function fakeRepo() {
    const repo = await tempDir("repo");
    for (const link of ["app", "db", "node_modules"]) await symlink(join(ROOT, link), join(repo, link), "dir");
    await mkdir(join(repo, "plugins"));
    return { repo, plugins: join(repo, "plugins") };
  }

  const TEMPLATE = join(ROOT, "app", "plugin-host", "template");
  const templateFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? templateFiles(join(dir, e.name)) : [join(dir, e.name)]));

  it("writes the template into plugins/<id>/ with the id, table prefix and title filled in, and the result honours the contract", async () => {
    const { repo, plugins } = await fakeRepo();
    const written = await scaffoldPlugin("site-visits", plugins);

    const expected = templateFiles(TEMPLATE)
      .map((f) => `plugins/site-visits/${relative(TEMPLATE, f).replace(/\.tpl$/, "").replaceAll("__ID__", "site-visits")}`)
      .sort();
    expect(written).toEqual(expected);
    // What the author's guide promises every new plugin has.
    expect(written).toEqual(
      expect.arrayContaining([
        "plugins/site-visits/manifest.ts",
        "plugins/site-visits/README.md",
        "plugins/site-visits/locales/zh-CN.json",
        "plugins/site-visits/locales/zh-TW.json",
        "plugins/site-visits/locales/en.json",
        "plugins/site-visits/routes/admin.tsx",
        "plugins/site-visits/routes/public.tsx",
        "plugins/site-visits/db/0001_create_notes.ts",
        "plugins/site-visits/tests/site-visits.test.ts",
      ]),
    );
    for (const f of written) {
      const text = await readFile(join(repo, f), "utf8");
      expect(text, `${f} still holds a template placeholder`).not.toMatch(/__(ID|TABLE|TITLE)__/);
    }
    const dir = join(plugins, "site-visits");
    expect(await readFile(join(dir, "manifest.ts"), "utf8")).toContain(`id: "site-visits"`);
    expect(await readFile(join(dir, "db/0001_create_notes.ts"), "utf8")).toContain("CREATE TABLE site_visits_notes");
    expect(JSON.parse(await readFile(join(dir, "locales/en.json"), "utf8"))).toMatchObject({ name: "Site Visits" });

    // The new plugin is discovered and passes every contract check (its imports resolve through the links).
    const registry = await discoverPlugins(plugins);
    expect(registry.ids()).toEqual(["site-visits"]);
    const m = registry.get("site-visits")!.manifest;
    expect(m.permissions.map((p) => p.key)).toEqual(["site-visits.notes.view", "site-visits.notes.manage"]);
    expect(m.reportFigures.map((r) => [r.key, r.figures.map((f) => f.key)])).toEqual([["site-visits.notes", ["site-visits.notes.written"]]]);
    expect(boundaryViolations(dir, pluginSources(dir), join(repo, "app", "plugin-api"))).toEqual([]);
    expect(localeProblems(m)).toEqual([]);
    expect(await unguardedRoutes(dir, m)).toEqual([]);
  });

  it("refuses an id that already exists, leaving that plugin untouched", async () => {
    const { plugins } = await fakeRepo();
    await scaffoldPlugin("site-visits", plugins);
    const readme = join(plugins, "site-visits", "README.md");
    await writeFile(readme, "my own words\n");
    await expect(scaffoldPlugin("site-visits", plugins)).rejects.toThrow(new ScaffoldError("plugins/site-visits already exists"));
    expect(await readFile(readme, "utf8")).toBe("my own words\n");
  });

  it.each(["Site-Visits", "site_visits", "site--visits", "1st-visits", "-visits", "visits-", "site visits", ""])(
    "refuses the id %j, which is not kebab-case, and writes nothing",
    async (id) => {
      const { plugins } = await fakeRepo();
      await expect(scaffoldPlugin(id, plugins)).rejects.toThrow(ScaffoldError);
      await expect(scaffoldPlugin(id, plugins)).rejects.toThrow(/is not a kebab-case plugin id/);
      expect(readdirSync(plugins)).toEqual([]);
    },
  );
});

describe("host version", () => {
  it("HOST_VERSION, which manifests' host ranges are matched against, equals package.json's version", () => {
    expect(HOST_VERSION).toBe(pkg.version);
  });
});
