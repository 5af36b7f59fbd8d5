import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../app/core/config.server";
import { safeRedirect } from "../../app/core/auth/guards.server";

describe("configuration", () => {
  it("has working defaults: PGlite in ./data, port 3000, 30-minute idle sessions", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, GONGKAI_DATA_DIR: "./data", SESSION_IDLE_MINUTES: 30, SESSION_ABSOLUTE_HOURS: 12 });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it("fails fast naming every bad variable", () => {
    const err = (() => {
      try {
        loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x" });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/PORT/);
    expect((err as Error).message).toMatch(/DATABASE_URL/);
  });
});

describe("redirect after login", () => {
  it("follows only same-site paths", () => {
    expect(safeRedirect("/t/demo-donghu/admin")).toBe("/t/demo-donghu/admin");
    expect(safeRedirect("//evil.example/")).toBe("/");
    expect(safeRedirect("https://evil.example/")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
  });
});
