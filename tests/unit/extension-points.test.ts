import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CATALOGUE, CatalogueInput, extensionPoint, offerExtension } from "../../app/plugin-api";
import { validateManifest } from "../../app/plugin-host/discover";
import { PluginRegistry } from "../../app/plugin-host/registry";

const manifest = (id: string, extensionPoints: unknown[]) => ({
  id,
  version: "1.0.0",
  host: "^0.1.0",
  name: `${id}:name`,
  locales: { "zh-CN": {}, "zh-TW": {}, en: {} },
  extensionPoints,
});
const POINT = extensionPoint<z.ZodObject<{ n: z.ZodNumber }>, number>("visits.count", z.object({ n: z.number() }));
const answer = offerExtension(POINT, async (_ctx, input) => input.n + 1);

describe("extension points in the manifest", () => {
  it("accepts an offer built from a point's contract, and the registry finds its plugin", () => {
    const m = validateManifest("visits", manifest("visits", [answer]));
    expect(m.extensionPoints.map((p) => p.key)).toEqual(["visits.count"]);
    const registry = new PluginRegistry([{ manifest: m, dir: "/nowhere" }]);
    expect(registry.extensionPoint("visits.count")?.plugin.manifest.id).toBe("visits");
    expect(registry.extensionPoint("disclosure.catalogue")).toBeUndefined();
  });

  it("refuses a point not named after the plugin, one offered twice, and one without a schema or handler", () => {
    expect(() => validateManifest("notes", manifest("notes", [answer]))).toThrow('plugins/notes/manifest.ts: extensionPoints.0: "visits.count" must start with "notes."');
    expect(() => validateManifest("visits", manifest("visits", [answer, answer]))).toThrow('plugins/visits/manifest.ts: extensionPoints.1.key: "visits.count" is offered twice');
    expect(() => validateManifest("visits", manifest("visits", [{ ...answer, input: {} }]))).toThrow("extensionPoints.0.input: input must be a zod schema");
    expect(() => validateManifest("visits", manifest("visits", [{ key: "visits.count", input: z.object({}) }]))).toThrow("extensionPoints.0.handler");
  });
});

describe("the catalogue's contract", () => {
  const entry = {
    action: "publish",
    categoryKey: "annual-report",
    title: "2025年政府信息公开工作年度报告",
    issuer: "测试分局",
    writtenOn: "2026-01-15",
    url: "/t/demo-donghu/annual-report/2025",
    source: { recordId: "r1", version: 1 },
  };

  it("is offered under the disclosure plugin's id and takes a publication or a withdrawal", () => {
    expect(CATALOGUE.key).toBe("disclosure.catalogue");
    expect(CatalogueInput.parse(entry)).toMatchObject({ attachments: [], title: entry.title });
    expect(CatalogueInput.safeParse({ action: "withdraw", source: { recordId: "r1" }, reason: "已被取代" }).success).toBe(true);
  });

  it("refuses links a browser would run and a withdrawal without a reason", () => {
    for (const url of ["javascript:alert(1)", "//evil.example/x", "data:text/html,x", "/t/x y"]) {
      expect(CatalogueInput.safeParse({ ...entry, url }).success, url).toBe(false);
    }
    expect(CatalogueInput.safeParse({ ...entry, url: "https://gk.example.gov.cn/report.pdf" }).success).toBe(true);
    expect(CatalogueInput.safeParse({ action: "withdraw", source: { recordId: "r1" }, reason: " " }).success).toBe(false);
  });
});
