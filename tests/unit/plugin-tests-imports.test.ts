/**
 * A plugin's tests see the host only through the plugin API and its test kit (issue 15), so the
 * host can change its internals without rewriting every plugin's tests, and a plugin's tests never
 * lean on another plugin's code. Every import of every file under `plugins/<id>/tests/` (static,
 * re-export or dynamic) must be an npm package or `node:` module, a file of the same plugin, or one
 * of the modules below.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** What a plugin's tests may import from the host (paths from the repository root, without extension). */
const PLUGIN_TEST_API = [
  "app/plugin-api",
  "app/plugin-api/index",
  "app/plugin-api/loaders.server",
  "app/plugin-api/files.server",
  "app/plugin-api/rich-text.server",
  "app/plugin-api/ui",
  "app/plugin-api/testing",
  "app/plugin-api/testing/index",
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : filesUnder(path);
    return /\.(ts|tsx)$/.test(e.name) ? [path] : [];
  });
}

/** Every relative import of the file, resolved to a path without extension. */
function relativeImports(file: string): { specifier: string; target: string }[] {
  return ts
    .preProcessFile(readFileSync(file, "utf8"), true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((s) => s.startsWith("."))
    .map((specifier) => ({ specifier, target: resolve(dirname(file), specifier).replace(/\.(ts|tsx|js)$/, "") }));
}

/** Plugin files outside `tests/` that import the test kit, which would bring vitest and the test database into the app. */
function kitImportsOutsideTests(root: string): string[] {
  const kit = join(root, "app", "plugin-api", "testing");
  const pluginsDir = join(root, "plugins");
  return filesUnder(pluginsDir)
    .filter((file) => !relative(pluginsDir, file).split(sep).includes("tests"))
    .flatMap((file) =>
      relativeImports(file)
        .filter(({ target }) => target === kit || target.startsWith(kit + sep))
        .map(({ specifier }) => `${relative(root, file).split(sep).join("/")} imports "${specifier}": the test kit is for tests/ only`),
    );
}

/** `file imports "specifier": why` for every import of a plugin's test files that leaves the plugin other than through the plugin API. */
function forbiddenTestImports(root: string): string[] {
  const pluginsDir = join(root, "plugins");
  const allowed = new Set(PLUGIN_TEST_API.map((p) => join(root, p)));
  const problems: string[] = [];
  for (const plugin of readdirSync(pluginsDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const pluginDir = join(pluginsDir, plugin.name);
    const testsDir = join(pluginDir, "tests");
    let files: string[];
    try {
      files = filesUnder(testsDir);
    } catch {
      continue;
    }
    for (const file of files) {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
      for (const { fileName: specifier } of importedFiles) {
        const at = `${relative(root, file).split(sep).join("/")} imports "${specifier}"`;
        if (specifier.startsWith("~/")) {
          problems.push(`${at}: a host internal (through the ~/ alias)`);
          continue;
        }
        if (!specifier.startsWith(".") && !specifier.startsWith("/")) continue; // an npm package or node: module
        const target = resolve(dirname(file), specifier).replace(/\.(ts|tsx|js)$/, "");
        if (target === pluginDir || target.startsWith(pluginDir + sep)) continue;
        if (allowed.has(target)) continue;
        problems.push(target.startsWith(pluginsDir + sep) ? `${at}: another plugin` : `${at}: not the plugin API or its test kit`);
      }
    }
  }
  return problems;
}

describe("plugin tests' imports", () => {
  it("are refused when they reach a host internal, the ~/ alias or another plugin, and allowed through the plugin API", () => {
    const root = mkdtempSync(join(tmpdir(), "plugin-tests-imports-"));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      };
      write("plugins/other/manifest.ts", "export default {};\n");
      write(
        "plugins/notes/tests/notes.test.ts",
        [
          'import { it } from "vitest";',
          'import { openTestbed } from "../../../app/plugin-api/testing";',
          'import { pluginLoader } from "../../../app/plugin-api/loaders.server";',
          'import type { PluginRequestContext } from "../../../app/plugin-api";',
          'import { loader } from "../routes/admin";',
          'import { act } from "../../../app/core/workflow/service.server";',
          'import type { StaffContext } from "~/core/tenancy/staff.server";',
          'export { withScope } from "../../../db/scope";',
          'const other = () => import("../../other/manifest");',
        ].join("\n"),
      );
      expect(forbiddenTestImports(root)).toEqual([
        'plugins/notes/tests/notes.test.ts imports "../../../app/core/workflow/service.server": not the plugin API or its test kit',
        'plugins/notes/tests/notes.test.ts imports "~/core/tenancy/staff.server": a host internal (through the ~/ alias)',
        'plugins/notes/tests/notes.test.ts imports "../../../db/scope": not the plugin API or its test kit',
        'plugins/notes/tests/notes.test.ts imports "../../other/manifest": another plugin',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("reach the host only through the plugin API and its test kit, and no other plugin", () => {
    expect(forbiddenTestImports(ROOT)).toEqual([]);
  });

  it("are the only plugin files that import the test kit", () => {
    const root = mkdtempSync(join(tmpdir(), "plugin-kit-imports-"));
    try {
      mkdirSync(join(root, "plugins/notes/server"), { recursive: true });
      mkdirSync(join(root, "plugins/notes/tests"), { recursive: true });
      writeFileSync(join(root, "plugins/notes/server/seed.server.ts"), 'import { uniq } from "../../../app/plugin-api/testing";\n');
      writeFileSync(join(root, "plugins/notes/tests/notes.test.ts"), 'import { openTestbed } from "../../../app/plugin-api/testing";\n');
      expect(kitImportsOutsideTests(root)).toEqual(['plugins/notes/server/seed.server.ts imports "../../../app/plugin-api/testing": the test kit is for tests/ only']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    expect(kitImportsOutsideTests(ROOT)).toEqual([]);
  });
});
