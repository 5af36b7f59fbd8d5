import { request as httpRequest } from "node:http";
import { describe, expect, test } from "vitest";
import { baseUrl } from "./browser";
import { DEMO_PASSWORD } from "./env";

const MB = 1024 * 1024;

/**
 * A raw request (fetch cannot set Host, nor keep sending after an early answer): the status and
 * body of the answer, or null when none came. A 30 MB body goes in 1 MB pieces until answered.
 */
function raw(method: string, path: string, opts: { headers?: Record<string, string>; bodyMb?: number; chunked?: boolean } = {}) {
  return new Promise<{ status: number | null; body: string; headers: Record<string, unknown> }>((resolve) => {
    let status: number | null = null;
    let body = "";
    let headers = {};
    const headersOut: Record<string, string> = { ...opts.headers };
    if (opts.bodyMb && !opts.chunked) headersOut["content-length"] = String(opts.bodyMb * MB);
    if (opts.chunked) headersOut["transfer-encoding"] = "chunked";
    const req = httpRequest(new URL(path, baseUrl), { method, headers: headersOut, agent: false }, (res) => {
      status = res.statusCode ?? null;
      headers = res.headers;
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status, body, headers }));
      res.on("error", () => resolve({ status, body, headers }));
    });
    req.on("error", () => resolve({ status, body, headers }));
    const piece = Buffer.alloc(MB, "a");
    let sent = 0;
    const pump = () => {
      while (sent < (opts.bodyMb ?? 0) && status === null && !req.destroyed) {
        sent++;
        if (!req.write(piece)) return void req.once("drain", pump);
      }
      if (!req.destroyed && status === null) req.end();
    };
    pump();
  });
}

async function healthy() {
  const res = await fetch(`${baseUrl}/healthz`);
  expect(res.status).toBe(200);
}

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

/** Issue 13 (1 and 7): one request must not take the server down, nor put another host into what is cached. */
describe("HTTP robustness", () => {
  const form = () => ({ "content-type": "application/x-www-form-urlencoded", origin: baseUrl, cookie: `gk_csrf=${"t".repeat(43)}` });

  test("a 30 MB POST with Content-Length gets 413 and /healthz still answers", async () => {
    const r = await raw("POST", "/login", { headers: form(), bodyMb: 30 });
    expect(r.status).toBe(413);
    expect(r.body).toContain("提交内容过大");
    await new Promise((res) => setTimeout(res, 300));
    await healthy();
  });

  test("a 30 MB chunked POST gets 413 and /healthz still answers", async () => {
    const r = await raw("POST", "/t/demo-donghu/requests/new?lng=en", { headers: form(), bodyMb: 30, chunked: true });
    expect(r.status).toBe(413);
    expect(r.body).toContain("Submission too large");
    await new Promise((res) => setTimeout(res, 300));
    await healthy();
  });

  test("a URL with NUL or broken percent-encoding gets a localised 400, not a 500", async () => {
    const page = await raw("GET", "/%E0%A4%A");
    expect(page.status).toBe(400);
    expect(page.body).toContain("网址无效");
    const api = await raw("GET", "/api/v1/t/demo-donghu/disclosure/items?issuer=%00&lng=en");
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body).error.code).toBe("bad_url");
    const search = await raw("GET", "/t/demo-donghu/disclosure/search?q=%00");
    expect(search.status).toBe(400);
    await healthy();
  });

  test("Host: evil.example appears in no link of the cacheable API or feed", async () => {
    const host = { host: "evil.example" };
    const api = await raw("GET", "/api/v1/t/demo-donghu/disclosure/items?pageSize=5", { headers: host });
    expect(api.status).toBe(200);
    expect(api.body).toContain("/t/demo-donghu/disclosure/items/");
    expect(api.body).not.toContain("evil.example");
    const feed = await raw("GET", "/t/demo-donghu/disclosure/feeds/all", { headers: host });
    expect(feed.status).toBe(200);
    expect(feed.body).not.toContain("evil.example");
  });
});
