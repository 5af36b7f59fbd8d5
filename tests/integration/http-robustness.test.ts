import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import type { Services } from "../../app/server/services.server";
import { createHttpServer } from "../../app/server/http";
import { openTestDatabase } from "../helpers/db";
import { testContext } from "../helpers/context";

/**
 * The real HTTP stack (app/server/http.ts) in this process, in front of a two-route stand-in for
 * the Remix build: issue 13 (1), one request must not take the server down, and bad requests get a
 * small localised page instead of a 500.
 */
const MB = 1024 * 1024;
const TOKEN = "t".repeat(43);

/** Resource routes only: /healthz, and a catch-all that echoes what it got. */
function standInBuild(dir: string): ServerBuild {
  return {
    mode: "production",
    entry: { module: { default: () => new Response("document") } },
    routes: {
      root: { id: "root", path: "", module: {} },
      "routes/healthz": { id: "routes/healthz", parentId: "root", path: "healthz", module: { loader: () => Response.json({ status: "ok" }) } },
      "routes/$": {
        id: "routes/$",
        parentId: "root",
        path: "*",
        module: {
          loader: ({ request }: { request: Request }) => Response.json({ url: request.url }),
          action: async ({ request }: { request: Request }) => Response.json({ fields: Object.fromEntries(await request.formData()) }),
        },
      },
    },
    assets: { entry: { imports: [], module: "" }, routes: {}, url: "", version: "test" },
    publicPath: "/",
    assetsBuildDirectory: dir,
    future: {},
    isSpaMode: false,
  } as unknown as ServerBuild;
}

let handle: DatabaseHandle;
let services: Services;
let server: Server;
let port: number;
let dir: string;
const logged: Record<string, unknown>[] = [];
/** Everything that escaped request handling: each one would have ended the real server. */
const escaped: unknown[] = [];
const record = (e: unknown) => escaped.push(e);

beforeAll(async () => {
  handle = await openTestDatabase();
  const context = await testContext(handle);
  const logger = pino({ level: "info" }, { write: (line: string) => void logged.push(JSON.parse(line)) });
  services = { ...context.services, logger };
  dir = mkdtempSync(join(tmpdir(), "gongkai-http-"));
  server = createHttpServer(services, { build: standInBuild(dir), clientDir: dir });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
  process.on("uncaughtException", record);
  process.on("unhandledRejection", record);
});
afterAll(async () => {
  process.off("uncaughtException", record);
  process.off("unhandledRejection", record);
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
  await handle.close();
});
afterEach(() => {
  expect(escaped.splice(0)).toEqual([]);
});

interface Answer {
  status: number | null;
  headers: IncomingHttpHeaders;
  body: string;
  /** Whether the server invited the body with 100 Continue. */
  continued: boolean;
  error: string | null;
}

type Body = Buffer | { chunked: true; size: number } | { declared: number; send: number };

/**
 * One request on its own connection. The body is sent in 1 MB pieces while the answer may already
 * have come (the server answers early and closes); `declared` announces a length and sends less.
 */
function send(method: string, path: string, opts: { headers?: Record<string, string>; body?: Body; abortAfter?: number } = {}): Promise<Answer> {
  return new Promise((resolve) => {
    const answer: Answer = { status: null, headers: {}, body: "", continued: false, error: null };
    let settled = false;
    const done = (error: string | null = null) => {
      if (settled) return;
      settled = true;
      resolve({ ...answer, error: answer.status === null ? error : null });
    };
    const body = opts.body;
    const headers: Record<string, string> = { origin: `http://127.0.0.1:${port}`, ...opts.headers };
    if (body && !Buffer.isBuffer(body)) {
      if ("chunked" in body) headers["transfer-encoding"] = "chunked";
      else headers["content-length"] = String(body.declared);
    }
    const req = httpRequest({ host: "127.0.0.1", port, method, path, headers, agent: false, setHost: !("host" in headers) }, (res) => {
      answer.status = res.statusCode ?? null;
      answer.headers = res.headers;
      res.setEncoding("utf8");
      res.on("data", (c: string) => (answer.body += c));
      res.on("end", () => done());
      res.on("error", () => done());
    });
    req.on("continue", () => (answer.continued = true));
    req.on("error", (e) => done(e.message));
    req.setTimeout(20_000, () => req.destroy(new Error("timed out")));
    if (body === undefined) return void req.end();
    if (Buffer.isBuffer(body)) return void req.end(body);
    const total = "chunked" in body ? body.size : body.send;
    const piece = Buffer.alloc(MB, "a");
    let sent = 0;
    const pump = () => {
      while (sent < total && !req.destroyed && answer.status === null) {
        if (opts.abortAfter !== undefined && sent >= opts.abortAfter) return void req.destroy();
        const n = Math.min(MB, total - sent);
        sent += n;
        if (!req.write(piece.subarray(0, n))) return void req.once("drain", pump);
      }
      // A declared body sent only in part stays open: only an answer that did not wait for it ends the test.
      if (!req.destroyed && "chunked" in body && answer.status === null) req.end();
    };
    const start = () => pump();
    if (headers.expect) req.once("continue", start);
    else start();
    if (headers.expect) req.flushHeaders();
  });
}

async function healthy() {
  const r = await send("GET", "/healthz");
  expect(r.status).toBe(200);
  expect(JSON.parse(r.body)).toEqual({ status: "ok" });
}

const form = { "content-type": "application/x-www-form-urlencoded", cookie: `gk_csrf=${TOKEN}` };
const lastLog = (path: string) => logged.filter((l) => l.msg === "request" && l.path === path).at(-1);

describe("a body over the limit (25 MB by default)", () => {
  it("announced with Content-Length: 413 at once without reading it, the connection closes, the server lives on", async () => {
    // 30 MB announced, 1 MB sent: an answer can only come if the server did not wait for the rest.
    const r = await send("POST", "/login", { headers: form, body: { declared: 30 * MB, send: MB } });
    expect(r.status).toBe(413);
    expect(r.headers.connection).toBe("close");
    expect(r.headers["content-type"]).toMatch(/^text\/html/);
    expect(r.body).toContain('<html lang="zh-CN">');
    expect(r.body).toContain("提交内容过大");
    expect(r.body).toContain("25 MB");
    await new Promise((res) => setTimeout(res, 100));
    expect(lastLog("/login")).toMatchObject({ status: 413, ip: "127.0.0.1" });
    await healthy();
  });

  it("sent chunked: reading stops where it goes over, 413, and the server lives on", async () => {
    const r = await send("POST", "/login?lng=en", { headers: form, body: { chunked: true, size: 30 * MB } });
    expect(r.status).toBe(413);
    expect(r.headers.connection).toBe("close");
    expect(r.body).toContain('<html lang="en">');
    expect(r.body).toContain("Submission too large");
    await healthy();
  });

  it("a client that asks first (Expect: 100-continue) is refused without being invited to send it", async () => {
    const r = await send("POST", "/login", { headers: { ...form, expect: "100-continue", "accept-language": "zh-TW,zh;q=0.9" }, body: { declared: 30 * MB, send: 30 * MB } });
    expect(r.status).toBe(413);
    expect(r.continued).toBe(false);
    expect(r.body).toContain("提交內容過大");
    await healthy();
  });

  it("a body within the limit still reaches the route whole", async () => {
    const value = "水".repeat(100_000);
    const r = await send("POST", "/anything", { headers: form, body: Buffer.from(new URLSearchParams({ _csrf: TOKEN, value }).toString()) });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).fields.value).toBe(value);
  });

  it("a client that leaves half-way through its body is logged as aborted, and nothing breaks", async () => {
    await send("POST", "/left", { headers: form, body: { chunked: true, size: 10 * MB }, abortAfter: 2 * MB });
    await new Promise((res) => setTimeout(res, 200));
    expect(lastLog("/left")).toMatchObject({ aborted: true });
    await healthy();
  });
});

describe("the URL backstop: 400 with a localised page before any route reads the URL", () => {
  it.each([
    ["malformed percent-encoding in the path", "/%E0%A4%A"],
    ["a lone percent sign", "/t/demo/disclosure/search%"],
    ["NUL in the query", "/t/demo/disclosure/search?q=%00"],
    ["another C0 control in the path", "/t/demo/%01disclosure"],
    ["malformed percent-encoding in the query", "/t/demo/disclosure/search?q=%E0%A4%A"],
    ["a bidi override in the query", "/t/demo/disclosure/search?q=a%E2%80%AEb"],
  ])("%s", async (_, path) => {
    const r = await send("GET", path);
    expect(r.status).toBe(400);
    expect(r.headers["content-type"]).toMatch(/^text\/html/);
    expect(r.body).toContain("网址无效");
    expect(r.body).toMatch(/role="alert"/);
  });

  it("answers in the reader's language, and in JSON under /api/", async () => {
    const en = await send("GET", "/t/demo/disclosure/search?q=%00&lng=en");
    expect(en.body).toContain("Address not valid");
    const tw = await send("GET", "/t/demo/disclosure/search?q=%00", { headers: { cookie: "lng=zh-TW" } });
    expect(tw.body).toContain("網址無效");
    const api = await send("GET", "/api/v1/t/demo/disclosure/items?issuer=%00");
    expect(api.status).toBe(400);
    expect(api.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(api.body).error).toMatchObject({ code: "bad_url", message: expect.stringContaining("网址") });
  });

  it("lets ordinary addresses through: Chinese words, tabs and newlines in a search, a plus for a space", async () => {
    const r = await send("GET", `/t/demo/disclosure/search?q=${encodeURIComponent("水质\t监测\n")}&issuer=a+b`);
    expect(r.status).toBe(200);
    expect(new URL(JSON.parse(r.body).url).searchParams.get("q")).toBe("水质\t监测\n");
  });

  it("refuses a Host header no URL can be built on", async () => {
    const r = await send("GET", "/", { headers: { host: "exa[mple" } });
    expect(r.status).toBe(400);
    await healthy();
  });
});

describe("other malformed requests: a 4xx, never a 500, never a crash", () => {
  it("a header too large for the server gets 431", async () => {
    const r = await send("GET", "/healthz", { headers: { "x-padding": "a".repeat(64 * 1024) } });
    expect(r.status).toBe(431);
    await healthy();
  });

  it("a multipart body with a broken boundary is refused as a CSRF failure (the token cannot be read)", async () => {
    const body = Buffer.from(`--wrong\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${TOKEN}\r\n--wrong--\r\n`);
    const r = await send("POST", "/login", { headers: { ...form, "content-type": "multipart/form-data; boundary=right" }, body });
    expect(r.status).toBe(403);
    expect(r.body).toContain("请求已失效");
    await healthy();
  });

  it("a JSON body to a form route is refused as a CSRF failure", async () => {
    const r = await send("POST", "/login", { headers: { ...form, "content-type": "application/json" }, body: Buffer.from(JSON.stringify({ _csrf: TOKEN })) });
    expect(r.status).toBe(403);
    expect(r.body).toMatch(/role="alert"/);
  });

  it("a form body with malformed percent-encoding reaches the route decoded as browsers decode it (U+FFFD for bad bytes)", async () => {
    const r = await send("POST", "/anything", { headers: form, body: Buffer.from(`_csrf=${TOKEN}&q=%E0%A4%A&r=%`) });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).fields).toMatchObject({ q: "\uFFFD%A", r: "%" });
  });

  it("a failing async middleware reaches the error handler: a localised 500 page with the request number, no unhandled rejection", async () => {
    const fresh = services.tenants.fresh;
    services.tenants.fresh = () => Promise.reject(new Error("database gone"));
    try {
      const r = await send("GET", "/some/page", { headers: { "accept-language": "en" } });
      expect(r.status).toBe(500);
      expect(r.body).toContain("Something went wrong");
      expect(r.body).toContain(String(r.headers["x-request-id"]));
    } finally {
      services.tenants.fresh = fresh;
    }
    expect(logged.some((l) => l.msg === "request failed" && (l.err as { message?: string })?.message === "database gone")).toBe(true);
    await healthy();
  });
});
