import type { ServerBuild } from "@remix-run/node";

export type Area = "staff" | "platform" | "api" | "public" | "other";

/** One URL shape the server answers: the routes rendering it, and the actions a POST to it reaches. */
export interface Endpoint {
  /** "/t/:tenant/admin/documents/:id" */
  pattern: string;
  /** Every route whose page this URL is (a layout and its index route share one). */
  routeIds: string[];
  params: string[];
  loader: boolean;
  /** Where POSTs go: the route with the action, and the suffix Remix needs to reach an index route. */
  posts: { routeId: string; suffix: string }[];
  area: Area;
  matcher: RegExp;
  /** Higher wins when several patterns match one URL (static before dynamic before splat, as Remix ranks). */
  rank: number;
}

type RouteEntry = ServerBuild["routes"][string];

function fullPath(routes: ServerBuild["routes"], route: RouteEntry): string {
  const parts: string[] = [];
  for (let r: RouteEntry | undefined = route; r; r = r.parentId ? routes[r.parentId] : undefined) if (r.path) parts.unshift(r.path);
  return `/${parts.join("/")}`.replace(/\/+/g, "/");
}

function areaOf(pattern: string): Area {
  if (pattern.startsWith("/t/:tenant/admin")) return "staff";
  if (pattern === "/admin" || pattern.startsWith("/admin/")) return "platform";
  if (pattern.startsWith("/api/")) return "api";
  if (pattern.startsWith("/t/:tenant")) return "public";
  return "other";
}

function matcherOf(pattern: string): { matcher: RegExp; rank: number; params: string[] } {
  const params: string[] = [];
  let rank = 0;
  const source = pattern
    .split("/")
    .map((seg) => {
      if (seg === "*") {
        params.push("*");
        rank -= 1;
        return "(.*)";
      }
      if (seg.startsWith(":")) {
        params.push(seg.slice(1));
        rank += 3;
        return "([^/]+)";
      }
      rank += 10;
      return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return { matcher: new RegExp(`^${source}/?$`), rank, params };
}

/** The server's own route table (core routes and every plugin manifest's), one entry per URL shape. */
export function endpointsOf(build: ServerBuild): Endpoint[] {
  const byPattern = new Map<string, Endpoint>();
  for (const [id, route] of Object.entries(build.routes)) {
    if (id === "root") continue;
    const pattern = fullPath(build.routes, route);
    let e = byPattern.get(pattern);
    if (!e) {
      e = { pattern, routeIds: [], loader: false, posts: [], area: areaOf(pattern), ...matcherOf(pattern) };
      byPattern.set(pattern, e);
    }
    e.routeIds.push(id);
    const mod = route.module as { loader?: unknown; action?: unknown };
    if (mod.loader) e.loader = true;
    if (mod.action) e.posts.push({ routeId: id, suffix: route.index ? "?index" : "" });
  }
  return [...byPattern.values()].sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** Which endpoint serves a path, and the values of its parameters (decoded). */
export function matchPath(endpoints: Endpoint[], path: string): { endpoint: Endpoint; values: Record<string, string> } | null {
  let best: { endpoint: Endpoint; values: Record<string, string> } | null = null;
  for (const endpoint of endpoints) {
    const m = endpoint.matcher.exec(path);
    if (!m || (best && best.endpoint.rank >= endpoint.rank)) continue;
    const values: Record<string, string> = {};
    endpoint.params.forEach((p, i) => {
      try {
        values[p] = decodeURIComponent(m[i + 1]!);
      } catch {
        values[p] = m[i + 1]!;
      }
    });
    best = { endpoint, values };
  }
  return best;
}

/** The path of an endpoint with its parameters filled (values are encoded unless marked raw). */
export function fillPath(endpoint: Endpoint, values: Record<string, { raw: string } | string>): string {
  return endpoint.pattern
    .split("/")
    .map((seg) => {
      const name = seg === "*" ? "*" : seg.startsWith(":") ? seg.slice(1) : null;
      if (name === null) return seg;
      const v = values[name];
      if (v === undefined) throw new Error(`attack: no value for :${name} of ${endpoint.pattern}`);
      return typeof v === "string" ? encodeURIComponent(v) : v.raw;
    })
    .join("/");
}
