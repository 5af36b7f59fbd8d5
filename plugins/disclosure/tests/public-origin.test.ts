import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../app/plugin-api/testing";
import { listItems } from "../server/items.server";
import { loader as itemLoader } from "../routes/public/item";
import { loader as feedLoader } from "../routes/public/feed";
import { loader as openDataLoader } from "../routes/public/open-data";
import { loader as apiItemsLoader } from "../routes/api/items";
import { loader as apiItemLoader } from "../routes/api/item";
import { loader as csvLoader } from "../routes/api/items-csv";
import { openDisclosure } from "./setup";

/**
 * Issue 13 (7): the cacheable API and feeds built absolute URLs from the Host header, so one
 * request with `Host: evil.example` handed links to evil.example to every reader for a minute.
 */
type Env = Awaited<ReturnType<typeof openDisclosure>>;
let env: Env;
let code: string;
let itemId: string;

beforeAll(async () => {
  env = await openDisclosure();
  code = env.office.code;
  const doc = await env.publishThrough("关于湿地水质监测结果的公告", {
    categoryKey: "quality",
    issuer: "测试分局",
    writtenOn: "2026-11-02",
    formedOn: "2026-11-02",
    topic: "环境监测、保护与治理",
    attribute: "proactive",
    bodyHtml: "<p>监测结果见附件。</p>",
  });
  const { items } = await env.asStaff(env.users.viewer.id, (trx) => listItems(trx, env.office.id, {}, { limit: 1000, offset: 0 }));
  itemId = items.find((i) => i.documentId === doc.id)!.id;
});
afterAll(() => env.handle.close());

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

/** Every public answer that carries links, as one text: the API (JSON, CSV), the feed, the open-data and item pages' heads. */
async function everything(origin: string, context: AppLoadContext): Promise<string> {
  const call = async (loader: Loader, path: string, params: Record<string, string> = {}) => {
    const r = await loader({ request: new Request(`${origin}${path}`), params: { tenant: code, ...params }, context });
    return r instanceof Response ? r.text() : JSON.stringify(r);
  };
  const portal = `/t/${code}/disclosure`;
  const api = `/api/v1/t/${code}/disclosure`;
  return [
    await call(apiItemsLoader, `${api}/items?page=1&pageSize=5`),
    await call(apiItemLoader, `${api}/items/${itemId}`, { id: itemId }),
    await call(csvLoader, `${api}/items.csv`),
    await call(feedLoader, `${portal}/feeds/all`, { key: "all" }),
    await call(openDataLoader, `${portal}/open-data`),
    await call(itemLoader, `${portal}/items/${itemId}`, { id: itemId }),
  ].join("\n");
}

/** A production context (the services refuse to start as production without a data key, so the mode is set after). */
async function production(vars: Record<string, string> = {}): Promise<AppLoadContext> {
  const context = await testContext(env.handle, vars, env.registry);
  context.services.config.NODE_ENV = "production";
  return context;
}

describe("absolute URLs come from the host's word, never from the Host header", () => {
  it("a request with Host: evil.example gets relative links, not links to evil.example", async () => {
    const text = await everything("http://evil.example", env.context);
    expect(text).toContain(`/t/${code}/disclosure/items/${itemId}`);
    expect(text).not.toContain("evil.example");
    expect(text).not.toMatch(/"https?:\/\/[^"]*\/t\//);
  });

  it("with PUBLIC_ORIGIN every link is on it, whatever the Host header says", async () => {
    const context = await production({ PUBLIC_ORIGIN: "https://gongkai.example.gov.cn" });
    const text = await everything("http://evil.example", context);
    expect(text).not.toContain("evil.example");
    expect(text).toContain(`https://gongkai.example.gov.cn/t/${code}/disclosure/items/${itemId}`);
    expect(text).toContain(`https://gongkai.example.gov.cn/api/v1/t/${code}/disclosure/items/${itemId}`);
  });

  it("in production a loopback Host is not trusted either (relative links without PUBLIC_ORIGIN)", async () => {
    const context = await production();
    const text = await everything("http://localhost", context);
    expect(text).not.toContain("http://localhost");
    expect(text).toContain(`/t/${code}/disclosure/items/${itemId}`);
  });

  it("outside production a loopback request keeps its own origin, so development shows real links", async () => {
    const text = await everything("http://127.0.0.1:3000", env.context);
    expect(text).toContain(`http://127.0.0.1:3000/t/${code}/disclosure/items/${itemId}`);
  });

  it("a request on a host the tenant declares links to that host, also in production and before PUBLIC_ORIGIN", async () => {
    const host = `${code}.gongkai.example.gov.cn`;
    await env.handle.db.updateTable("tenants").set({ hosts: [host] }).where("code", "=", code).execute();
    const context = await production({ PUBLIC_ORIGIN: "https://gongkai.example.gov.cn" });
    try {
      const text = await everything(`https://${host}`, context);
      expect(text).toContain(`https://${host}/t/${code}/disclosure/items/${itemId}`);
      expect(text).not.toContain("https://gongkai.example.gov.cn/");
      // Another office's declared host is no word for this one.
      const other = await everything(`https://${host}.evil.example`, context);
      expect(other).not.toContain("evil.example");
    } finally {
      await env.handle.db.updateTable("tenants").set({ hosts: [] }).where("code", "=", code).execute();
    }
  });

  it("a feed without an origin still has an absolute, stable <id> (a name-based UUID)", async () => {
    const feed = async () => {
      const res = (await feedLoader({ request: new Request(`http://evil.example/t/${code}/disclosure/feeds/all`), params: { tenant: code, key: "all" }, context: env.context })) as Response;
      return /<feed[^>]*>\s*<id>([^<]+)<\/id>/.exec(await res.text())?.[1];
    };
    const id = await feed();
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await feed()).toBe(id);
  });
});
