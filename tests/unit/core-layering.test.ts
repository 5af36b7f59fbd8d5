/**
 * Core is the bottom layer: it knows no plugin, no plugin host, no page and no server. The
 * composition root (app/server/services.server.ts) hands it what it needs of the plugins (their
 * document types and hooks) through interfaces core declares. Type imports count here too: a core
 * type that names a host type still ties core to the host. Pages reach the database through core.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ABOVE_CORE = ["app/plugin-host/", "app/plugin-api/", "app/server/", "app/routes/", "app/ui/", "plugins/"];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

function options(): ts.CompilerOptions {
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), (p) => ts.sys.readFile(p));
  return ts.parseJsonConfigFileContent(config.config ?? {}, ts.sys, ROOT).options;
}

/** Each import of a file under `dir` that resolves into one of `layers`, as "file → target". */
function importsInto(dir: string, layers: readonly string[]): string[] {
  const compiler = options();
  const name = (f: string) => relative(ROOT, f).split(sep).join("/");
  return sources(join(ROOT, dir)).flatMap((file) =>
    ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles.flatMap(({ fileName }) => {
      const resolved = ts.resolveModuleName(fileName, file, compiler, ts.sys).resolvedModule?.resolvedFileName;
      const target = resolved && !resolved.includes("node_modules") ? name(resolved) : null;
      return target && layers.some((layer) => target.startsWith(layer)) ? [`${name(file)} → ${target}`] : [];
    }),
  );
}

describe("layering", () => {
  it("app/core imports nothing from the plugin host, the plugin API, the server, pages, UI or plugins", () => {
    expect(sources(join(ROOT, "app/core")).length).toBeGreaterThan(50);
    expect(importsInto("app/core", ABOVE_CORE)).toEqual([]);
  });

  it("pages and UI reach the database only through core (no db/ import; the health probe reads migrations itself)", () => {
    expect(importsInto("app/routes", ["db/"]).filter((i) => !i.startsWith("app/routes/healthz.ts"))).toEqual([]);
    expect(importsInto("app/ui", ["db/"])).toEqual([]);
  });

  it("finds an import that crosses a layer", () => {
    expect(importsInto("app/core", ["db/"]).length).toBeGreaterThan(10);
  });
});
