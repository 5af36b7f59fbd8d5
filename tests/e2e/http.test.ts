import { describe, expect, test } from "vitest";
import { baseUrl } from "./browser";
import { DEMO_PASSWORD } from "./env";

/** Plain HTTP, no browser: what any client (or an attacker's page) gets. */
describe("HTTP defences", () => {
  test("a POST to /login without the CSRF token is refused with 403 and signs nobody in", async () => {
    const res = await fetch(`${baseUrl}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
      body: new URLSearchParams({ username: "donghu.viewer", password: DEMO_PASSWORD }),
      redirect: "manual",
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const cookies = res.headers.getSetCookie().map((c) => c.split("=")[0]);
    expect(cookies).not.toContain("gk_session");
    expect(res.headers.get("location")).toBeNull();
  });

  test("a POST with a token that does not match the visitor's cookie is refused too", async () => {
    const page = await fetch(`${baseUrl}/login`);
    const cookie = page.headers.getSetCookie().find((c) => c.startsWith("gk_csrf="))!.split(";")[0]!;
    const res = await fetch(`${baseUrl}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl, Cookie: cookie },
      body: new URLSearchParams({ _csrf: "x".repeat(43), username: "donghu.viewer", password: DEMO_PASSWORD }),
      redirect: "manual",
    });
    expect(res.status).toBe(403);
  });

  test("the same POST with the visitor's token gets through (the 403 above is the token's doing)", async () => {
    const page = await fetch(`${baseUrl}/login`);
    const cookie = page.headers.getSetCookie().find((c) => c.startsWith("gk_csrf="))!.split(";")[0]!;
    const token = cookie.slice("gk_csrf=".length);
    const res = await fetch(`${baseUrl}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl, Cookie: cookie },
      body: new URLSearchParams({ _csrf: token, username: "donghu.viewer", password: DEMO_PASSWORD }),
      redirect: "manual",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/t/demo-donghu/admin");
  });

  test("the home page carries the security headers", async () => {
    const res = await fetch(`${baseUrl}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    // Scripts only with this response's nonce: no 'unsafe-inline' in production.
    expect(directives.get("script-src")).not.toContain("'unsafe-inline'");
    expect(directives.get("script-src")?.some((s) => s.startsWith("'nonce-"))).toBe(true);
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  test("the favicon is served from the client build, with a cache lifetime", async () => {
    const res = await fetch(`${baseUrl}/favicon.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=3600");
  });

  test("/healthz answers JSON", async () => {
    const res = await fetch(`${baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  test("a page names its locale's translations instead of carrying them, and the file is cached for good", async () => {
    const page = await (await fetch(`${baseUrl}/t/demo-donghu/disclosure?lng=zh-TW`)).text();
    const script = /<script id="i18n-resources"[^>]*>([^<]*)<\/script>/.exec(page);
    const src = /data-src="([^"]+)"/.exec(script?.[0] ?? "")?.[1];
    expect(src).toMatch(/^\/i18n\/zh-TW\.[0-9a-f]{12}\.json$/);
    expect(script?.[1]).toBe("");
    expect(page).toContain(`<link rel="preload" href="${src}" as="fetch" crossorigin="anonymous"/>`);
    const res = await fetch(`${baseUrl}${src}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const words = await res.json();
    expect(words.core.app.name).toMatch(/公開/);
    expect(Object.keys(words)).toEqual(expect.arrayContaining(["core", "disclosure", "requests"]));
    const stale = await fetch(`${baseUrl}/i18n/zh-TW.000000000000.json`);
    expect(stale.headers.get("cache-control")).toBe("no-cache");
  });
});
