import type { BenchManifest } from "../data/index";

export interface Scenario {
  name: string;
  /** Public scenarios are also measured on the baseline; staff ones carry the session cookie. */
  public: boolean;
  /** Request paths, each connection going through them in turn. */
  paths: string[];
}

/** Enough different pages to defeat any accidental single-row caching, few enough to record each once. */
const ROTATION = 20;

const take = (xs: string[]) => xs.slice(0, ROTATION);

function biggest(manifest: BenchManifest) {
  const t = [...manifest.tenants].sort((a, b) => b.items - a.items || a.code.localeCompare(b.code))[0];
  if (!t) throw new Error("the bench manifest lists no tenants");
  return t;
}

/**
 * The scenarios of issue 7: the public catalogue (category pages), item pages, a 2- and a
 * 4-character search and the open-data list, over the tenant with the most items where a tenant
 * must be chosen; and, signed in, the staff request list and inbox of `staffTenant`.
 */
export function scenariosFor(manifest: BenchManifest, staffTenant: string): Scenario[] {
  const code = biggest(manifest).code;
  const search = (terms: string[]) => take(terms).map((q) => `/t/${code}/disclosure/search?q=${encodeURIComponent(q)}`);
  const scenarios: Scenario[] = [
    { name: "catalogue", public: true, paths: take(manifest.samples.categoryPaths) },
    { name: "item", public: true, paths: take(manifest.samples.itemPaths) },
    { name: "search-2", public: true, paths: search(manifest.samples.searchTwo) },
    { name: "search-4", public: true, paths: search(manifest.samples.searchFour) },
    { name: "open-data", public: true, paths: [`/api/v1/t/${code}/disclosure/items`] },
    { name: "staff-requests", public: false, paths: [`/t/${staffTenant}/admin/requests`] },
    { name: "staff-inbox", public: false, paths: [`/t/${staffTenant}/admin/inbox`] },
  ];
  for (const s of scenarios) {
    if (s.paths.length === 0) throw new Error(`scenario ${s.name}: the bench manifest gives no sample paths`);
    const bad = s.paths.find((p) => !p.startsWith("/"));
    if (bad) throw new Error(`scenario ${s.name}: "${bad}" is not a path`);
  }
  return scenarios;
}

export const SCENARIO_NAMES = ["catalogue", "item", "search-2", "search-4", "open-data", "staff-requests", "staff-inbox"];

export function selected(scenarios: Scenario[], only: string[]): Scenario[] {
  const unknown = only.filter((n) => !SCENARIO_NAMES.includes(n));
  if (unknown.length) throw new Error(`--only: unknown scenario ${unknown.join(", ")} (known: ${SCENARIO_NAMES.join(", ")})`);
  return only.length ? scenarios.filter((s) => only.includes(s.name)) : scenarios;
}
