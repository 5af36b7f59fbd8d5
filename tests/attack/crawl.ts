import type { Locale } from "../../app/core/i18n/config";
import type { Checker } from "./checks";
import { get, type Visitor } from "./client";
import type { AttackServer } from "./harness";
import { readPage, type Field, type Form } from "./html";
import { fillPath, matchPath, type Endpoint } from "./route-table";

export interface SeenValue {
  value: string;
  /** The office in the same URL (its :tenant), if it has one. */
  tenant: string | null;
}

/** A form found on a page, with who saw it and where it is sent. */
export interface FoundForm {
  form: Form;
  role: string;
  username: string | null;
  /** Path and query the form is sent to, and the endpoint serving it. */
  action: string;
  endpoint: Endpoint;
  tenant: string | null;
}

/** Query parameters an endpoint was seen with (links and GET forms), for the bad-input corpus. */
export interface QueryTarget {
  endpoint: Endpoint;
  /** One URL the role reached it by: the other parameters keep these values. */
  example: string;
  role: string;
  username: string | null;
  params: Map<string, { values: Set<string>; field: Field | null }>;
}

/** Everything the crawl learnt: values of every route parameter per office, forms, query parameters. */
export class Harvest {
  readonly params = new Map<string, Map<string, SeenValue[]>>();
  readonly forms: FoundForm[] = [];
  readonly queries = new Map<string, QueryTarget>();
  pages = 0;

  addValues(endpoint: Endpoint, values: Record<string, string>) {
    let byParam = this.params.get(endpoint.pattern);
    if (!byParam) this.params.set(endpoint.pattern, (byParam = new Map()));
    for (const [param, value] of Object.entries(values)) {
      const list = byParam.get(param) ?? [];
      const tenant = values.tenant ?? null;
      if (!list.some((v) => v.value === value && v.tenant === tenant)) list.push({ value, tenant });
      byParam.set(param, list);
    }
  }

  /** Values seen for a parameter of an endpoint in URLs of one office (or in URLs without an office). */
  valuesOf(endpoint: Endpoint, param: string, tenant: string | null): string[] {
    const list = this.params.get(endpoint.pattern)?.get(param) ?? [];
    return list.filter((v) => v.tenant === tenant || tenant === null || v.tenant === null).map((v) => v.value);
  }

  addQuery(endpoint: Endpoint, path: string, search: URLSearchParams, who: { role: string; username: string | null }, fields: Field[] = []) {
    const key = `${endpoint.pattern} ${who.role}`;
    let target = this.queries.get(key);
    if (!target) this.queries.set(key, (target = { endpoint, example: path, ...who, params: new Map() }));
    for (const [name, value] of search) {
      const p = target.params.get(name) ?? { values: new Set<string>(), field: null };
      p.values.add(value);
      target.params.set(name, p);
    }
    for (const f of fields) {
      const p = target.params.get(f.name) ?? { values: new Set<string>(), field: null };
      p.field ??= f;
      if (f.value) p.values.add(f.value);
      target.params.set(f.name, p);
    }
  }
}

/** Pages that must not be fetched by a crawler or are not pages. */
const NOT_CRAWLED = /^\/(logout|healthz)(\/|$)|^\/(assets|i18n)\//;

export interface CrawlOptions {
  role: string;
  username: string | null;
  tenant: string;
  locale: Locale;
  /** Distinct URLs visited per endpoint with parameters other than :tenant. */
  perEndpoint: number;
  maxPages: number;
  /** Offices whose canaries it may see. */
  reads: readonly string[];
}

/**
 * Reads the site as one role would, from every page whose only parameter is the office, following
 * links to pages of the route table. Every reply is checked like an attack case (5xx, leaks).
 */
export async function crawl(server: AttackServer, checker: Checker, endpoints: Endpoint[], harvest: Harvest, o: CrawlOptions) {
  const visitor: Visitor = { session: o.username ? await server.sessionOf(o.username) : null, locale: o.locale };
  const who = { role: o.role, username: o.username };
  const queue: string[] = ["/"];
  for (const e of endpoints) {
    if (e.params.some((p) => p !== "tenant") || NOT_CRAWLED.test(e.pattern)) continue;
    queue.push(fillPath(e, { tenant: o.tenant }));
  }
  const seen = new Set(queue);
  const perEndpoint = new Map<string, number>();
  let pages = 0;
  while (queue.length && pages < o.maxPages) {
    const url = queue.shift()!;
    const { pathname } = new URL(url, server.baseUrl);
    const match = matchPath(endpoints, pathname);
    if (!match) continue;
    pages += 1;
    const reply = await get(server.baseUrl, url, visitor).catch((e: Error) => e);
    checker.check({ phase: "crawl", endpoint: match.endpoint, role: o.role, method: "GET", url, input: "crawl" }, reply, o.reads);
    if (reply instanceof Error || reply.status !== 200 || !String(reply.headers["content-type"]).includes("text/html")) continue;
    const page = readPage(reply.body);
    for (const href of page.links) {
      const target = new URL(href, new URL(url, server.baseUrl));
      if (target.origin !== new URL(server.baseUrl).origin || NOT_CRAWLED.test(target.pathname)) continue;
      const m = matchPath(endpoints, target.pathname);
      if (!m || m.endpoint.pattern === "/*") continue;
      harvest.addValues(m.endpoint, m.values);
      if ([...target.searchParams.keys()].length) harvest.addQuery(m.endpoint, target.pathname + target.search, target.searchParams, who);
      const next = target.pathname + target.search;
      const n = perEndpoint.get(m.endpoint.pattern) ?? 0;
      const limited = m.endpoint.params.some((p) => p !== "tenant");
      if (seen.has(next) || target.search || (limited && n >= o.perEndpoint)) continue;
      seen.add(next);
      perEndpoint.set(m.endpoint.pattern, n + 1);
      queue.push(next);
    }
    for (const form of page.forms) {
      const action = new URL(form.action || url, new URL(url, server.baseUrl));
      const m = matchPath(endpoints, action.pathname);
      if (!m) continue;
      if (form.method === "GET") harvest.addQuery(m.endpoint, action.pathname, new URLSearchParams(), who, form.fields);
      else harvest.forms.push({ form, ...who, action: action.pathname + action.search, endpoint: m.endpoint, tenant: m.values.tenant ?? null });
    }
  }
  harvest.pages += pages;
}
