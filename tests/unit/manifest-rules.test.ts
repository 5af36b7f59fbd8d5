import { describe, expect, it } from "vitest";
import { PluginError, validateManifest } from "../../app/plugin-host/discover";

const base = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  version: "1.0.0",
  host: "^0.1.0",
  name: `${id}:name`,
  locales: { "zh-CN": {}, "zh-TW": {}, en: {} },
  ...extra,
});

describe("manifest rules beyond the schema", () => {
  it("refuses ids the host uses itself", () => {
    for (const id of ["core", "platform", "admin", "oversight"]) {
      expect(() => validateManifest(id, base(id))).toThrow(new PluginError(id, "id", `"${id}" is reserved by the host (its namespace or URLs)`).message);
    }
  });

  it("refuses a permission on a public route, which would never be checked", () => {
    const m = base("visits", { routes: [{ area: "public", path: "", file: "routes/public.tsx", permission: "visits.notes.view" }] });
    expect(() => validateManifest("visits", m)).toThrow(/plugins\/visits\/manifest.ts: routes.0.permission: public and api routes are open to everyone/);
  });

  it("accepts a minimal manifest", () => {
    expect(validateManifest("visits", base("visits")).id).toBe("visits");
  });
});
