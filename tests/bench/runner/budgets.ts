/** The performance budgets, as numbers the report checks. */
export const BUDGETS = {
  /** Catalogue and item pages: our req/s at least this share of the baseline's. */
  pageRatio: 0.5,
  /** Catalogue and item pages: p99 under this at 50 connections, ms. */
  pageP99At50Ms: 100,
  /** Search (stated for 1,000,000 items): p95 under this, ms. */
  searchP95Ms: 50,
  /** Annual report figures of one tenant (stated for 50,000 requests), ms. */
  figuresOneMs: 500,
  /** A city consolidation of 20 subordinates, ms. */
  figuresCityMs: 1000,
  /** All tenants (stated for 3,000), ms. */
  figuresAllMs: 5000,
  /** Import of a 10,000-row register, ms. */
  importMs: 10_000,
} as const;

export const PAGE_SCENARIOS = new Set(["catalogue", "item"]);
export const SEARCH_SCENARIOS = new Set(["search-2", "search-4"]);

export const mark = (ok: boolean) => (ok ? "✓" : "✗");
