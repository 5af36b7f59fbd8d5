import { describe, expect, it } from "vitest";
import { safeRedirect } from "../../app/core/auth/guards.server";

describe("safeRedirect: only a path of this site is followed after sign-in", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeRedirect("/t/demo-donghu/admin")).toBe("/t/demo-donghu/admin");
    expect(safeRedirect("/t/demo-donghu/admin/inbox?page=2#top")).toBe("/t/demo-donghu/admin/inbox?page=2#top");
    expect(safeRedirect("/account?lng=en")).toBe("/account?lng=en");
  });

  it.each([
    ["a tab after the first slash (browsers drop it: //evil.example)", "/\t/evil.example"],
    ["a newline after the first slash", "/\n/evil.example"],
    ["CR/LF (a header injection, and a 500 after the session existed)", "/x\r\nSet-Cookie: a=b"],
    ["a NUL", "/\u0000/evil.example"],
    ["a C1 control", "/\u0085/evil.example"],
    ["a protocol-relative URL", "//evil.example/"],
    ["an absolute URL", "https://evil.example/"],
    ["a backslash (read as a slash)", "/\\evil.example"],
    ["a backslash later on", "/a\\..\\\\evil.example"],
    ["a dot segment that collapses to //", "/.//evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["an empty value", ""],
  ])("refuses %s", (_what, to) => {
    expect(safeRedirect(to, "/fallback")).toBe("/fallback");
  });

  it("normalises what it keeps, so the Location header carries no raw control or non-ASCII byte", () => {
    expect(safeRedirect("/t/示范/admin")).toBe("/t/%E7%A4%BA%E8%8C%83/admin");
    expect(safeRedirect("/a/../b")).toBe("/b");
  });

  it("refuses non-strings (a file in the form)", () => {
    expect(safeRedirect(new File(["x"], "x"), "/f")).toBe("/f");
    expect(safeRedirect(null, "/f")).toBe("/f");
  });
});
