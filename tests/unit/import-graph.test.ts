/**
 * No import circles in app/ and plugins/ (issue 15). A circle makes the order in which modules
 * initialise depend on which one is loaded first, so a module can read another half-built.
 *
 * Only value imports count: `import type`, `import { type X }` and names that are types only are
 * erased when TypeScript is compiled, so a circle made of them does not exist at run time and is
 * harmless. Dynamic `import()` does not count either: it runs after both modules have finished
 * initialising, which is the usual way to break a circle on purpose.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SOURCE = /\.(ts|tsx)$/;

/** Every .ts/.tsx file under `dir`, leaving out node_modules, tests/ folders and test files. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name === "tests" ? [] : sourcesUnder(path);
    return SOURCE.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [path] : [];
  });
}

function compilerOptions(root: string): ts.CompilerOptions {
  const configPath = join(root, "tsconfig.json");
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  return ts.parseJsonConfigFileContent(config.config ?? {}, ts.sys, root).options;
}

/** Whether a named binding brings in something that exists at run time (not only a type). */
function isValueName(checker: ts.TypeChecker, name: ts.Identifier | ts.ModuleExportName): boolean {
  const symbol = checker.getSymbolAtLocation(name);
  if (!symbol) return true;
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  // An unresolved name is treated as a value: better a false circle than a missed one.
  return target.flags === ts.SymbolFlags.None || (target.flags & ts.SymbolFlags.Value) !== 0;
}

/** The specifiers of a file's imports and re-exports that survive compilation. */
function valueSpecifiers(source: ts.SourceFile, checker: ts.TypeChecker): string[] {
  const found: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const value =
        !clause || // import "x" runs x
        (!clause.isTypeOnly &&
          ((clause.name !== undefined && isValueName(checker, clause.name)) ||
            (clause.namedBindings !== undefined &&
              (ts.isNamespaceImport(clause.namedBindings) ||
                clause.namedBindings.elements.some((e) => !e.isTypeOnly && isValueName(checker, e.name))))));
      if (value) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause;
      const value =
        !node.isTypeOnly &&
        (!clause || ts.isNamespaceExport(clause) || clause.elements.some((e) => !e.isTypeOnly && isValueName(checker, e.name)));
      if (value) found.push(node.moduleSpecifier.text);
    }
  }
  return found;
}

type Graph = Map<string, string[]>;

/** Value-import edges between the given files (imports leaving the set are dropped). */
export function importGraph(files: string[], options: ts.CompilerOptions): Graph {
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const inSet = new Set(files);
  const graph: Graph = new Map();
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`TypeScript did not load ${file}`);
    const targets = valueSpecifiers(source, checker).flatMap((specifier) => {
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule?.resolvedFileName;
      return resolved && inSet.has(resolved) ? [resolved] : [];
    });
    graph.set(file, [...new Set(targets)].sort());
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function components(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

/** One circle through a component, as a chain of files that starts and ends on the same one. */
function chainThrough(graph: Graph, component: string[]): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let at = v; at !== start; at = cameFrom.get(at)!) path.unshift(at);
        return [start, ...path];
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/** Each circle as "a → b → a", the files relative to `root`; the component's other files after it. */
export function circles(graph: Graph, root: string): string[] {
  const name = (f: string) => relative(root, f).split(sep).join("/");
  return components(graph).map((component) => {
    const chain = chainThrough(graph, component);
    const rest = component.filter((f) => !chain.includes(f));
    return chain.map(name).join(" → ") + (rest.length > 0 ? ` (and in the same knot: ${rest.map(name).join(", ")})` : "");
  });
}

describe("import graph", () => {
  it("finds value circles (named imports, re-exports, bare imports) and ignores ones made of types only", () => {
    const dir = mkdtempSync(join(tmpdir(), "import-graph-"));
    try {
      const file = (name: string, text: string) => {
        writeFileSync(join(dir, name), text);
        return join(dir, name);
      };
      const files = [
        file("a.ts", `import { b } from "./b";\nexport const a = () => b();\n`),
        file("b.ts", `import { c } from "./c";\nexport const b = () => c();\n`),
        file("c.ts", `import { a } from "./a";\nexport const c = () => a();\n`),
        file("shape.ts", `import type { Other } from "./other";\nexport interface Shape { other: Other }\n`),
        file("other.ts", `import { Shape } from "./shape";\nexport interface Other { shape: Shape }\n`),
        file("kinds.ts", `import { type Label } from "./labels";\nexport type Kind = string;\nexport const KINDS: Label[] = [];\n`),
        file("labels.ts", `export type { Kind } from "./kinds";\nimport { KINDS } from "./kinds";\nexport type Label = string;\nexport const first = () => KINDS[0];\n`),
        file("d.ts", `export * from "./e";\n`),
        file("e.ts", `import "./d";\nexport const e = 1;\n`),
      ];
      const options: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true };
      expect(circles(importGraph(files, options), dir)).toEqual(["a.ts → b.ts → c.ts → a.ts", "d.ts → e.ts → d.ts"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("has no circles of value imports in app/ and plugins/", () => {
    const files = [...sourcesUnder(join(ROOT, "app")), ...sourcesUnder(join(ROOT, "plugins"))].sort();
    expect(files.length).toBeGreaterThan(100);
    expect(circles(importGraph(files, compilerOptions(ROOT)), ROOT)).toEqual([]);
  }, 120_000);
});
