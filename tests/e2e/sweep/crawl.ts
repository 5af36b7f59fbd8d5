import type { APIRequestContext } from "playwright-core";
import { readPage } from "../../attack/html";
import { fillPath, matchPath, type Endpoint } from "../../attack/route-table";
import { NOT_SWEPT } from "./routes";

/** One page to sweep: the first URL of its shape a role reached. */
export interface Found {
  pattern: string;
  url: string;
  /** The answer's status: 200, or 404 for the not-found page. */
  status: number;
}

export interface DiscoverOptions {
  /** The areas of the route table this role's sweep covers (a visitor: public and other). */
  areas: readonly Endpoint["area"][];
  /** The office whose pages fill :tenant in the starting URLs. */
  tenant: string;
  /** Extra starting URLs, with the status they are expected to answer (the not-found page). */
  extra?: { url: string; status: number }[];
  /** Links followed from a starting page, at most this many steps deep. */
  depth: number;
}

/** URLs of one route shape whose links are followed. */
const EXPLORE = 4;

/**
 * The pages a role can open: every page route of its areas whose only parameter is the office,
 * then the links of those pages (same origin, GET, within its areas), breadth first and
 * depth-bounded, one URL per route pattern swept (a few read for their links). Requests go through the browser context, with its
 * session; a redirect or a refusal means the page is not this role's.
 */
export async function discover(request: APIRequestContext, endpoints: Endpoint[], pages: Endpoint[], o: DiscoverOptions): Promise<Found[]> {
  const isPage = new Set(pages.map((p) => p.pattern));
  const wanted = (e: Endpoint) => isPage.has(e.pattern) && o.areas.includes(e.area) && !(e.pattern in NOT_SWEPT) && e.pattern !== "/*";
  const found = new Map<string, Found>();
  const explored = new Map<string, number>();
  const queue: { url: string; depth: number; status: number }[] = [];
  const queued = new Set<string>();
  const push = (url: string, depth: number, status = 200) => {
    if (queued.has(url)) return;
    queued.add(url);
    queue.push({ url, depth, status });
  };
  for (const e of pages) if (wanted(e) && e.params.every((p) => p === "tenant")) push(fillPath(e, { tenant: o.tenant }), 0);
  for (const x of o.extra ?? []) push(x.url, o.depth, x.status);

  while (queue.length) {
    const { url, depth, status } = queue.shift()!;
    const m = matchPath(endpoints, new URL(url, "http://x").pathname);
    if (!m) continue;
    const extra = status !== 200;
    // Several URLs of one shape are read for their links (the first application may have no
    // letter, the third may); the first one that answers is the one swept.
    const read = explored.get(m.endpoint.pattern) ?? 0;
    if (!extra && read >= EXPLORE) continue;
    const reply = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
    if (reply.status() !== status || !(reply.headers()["content-type"] ?? "").includes("text/html")) continue;
    explored.set(m.endpoint.pattern, read + 1);
    const key = extra ? url : m.endpoint.pattern;
    if (!found.has(key)) found.set(key, { pattern: m.endpoint.pattern, url, status });
    if (depth >= o.depth) continue;
    for (const href of readPage(await reply.text()).links) {
      const target = new URL(href, new URL(url, "http://x"));
      if (target.origin !== "http://x" || target.search) continue;
      const t = matchPath(endpoints, target.pathname);
      if (!t || !wanted(t.endpoint) || (explored.get(t.endpoint.pattern) ?? 0) >= EXPLORE) continue;
      push(target.pathname, depth + 1);
    }
  }
  return [...found.values()];
}
