import type { PluginCoreServices } from "../../../../app/plugin-api";
import { listItems, type Item, type ItemFilters } from "../items.server";
import { SEARCH_SOURCE } from "../publish.server";
import type { DisclosureTransaction } from "../context";

type Hit = Awaited<ReturnType<PluginCoreServices["search"]["query"]>>["hits"][number];
/** A piece of highlighted text: `hit` pieces matched the query. */
export type Segment = Hit["snippet"][number];

export interface Found {
  item: Item;
  /** With a query: the title and an excerpt of the text with the matches marked. */
  titleSegments?: Segment[];
  snippet?: Segment[];
}

/** With a query and filters (or a page larger than the index answers at once), at most this many of the most relevant hits are read. */
export const HIT_CAP = 1000;
const BATCH = 100;

export interface FindResult {
  found: Found[];
  total: number;
  /** More hits matched the query than HIT_CAP: the filtered results come from the most relevant ones. */
  capped: boolean;
}

/**
 * Published items for the public: without a query, newest first through the filters; with one,
 * most relevant first through the search index, then narrowed by the filters.
 */
export async function findItems(
  search: PluginCoreServices["search"],
  trx: DisclosureTransaction,
  tenantId: string,
  q: string | undefined,
  filters: Omit<ItemFilters, "status" | "ids">,
  page: { limit: number; offset: number },
): Promise<FindResult> {
  const published = { ...filters, status: "published" as const };
  if (!q) {
    const { items, total } = await listItems(trx, tenantId, published, page);
    return { found: items.map((item) => ({ item })), total, capped: false };
  }
  const filtered = Object.values(filters).some((v) => v !== undefined);
  if (!filtered && page.limit <= BATCH) {
    const result = await search.query(trx, { q, sources: [SEARCH_SOURCE], limit: page.limit, offset: page.offset });
    const found = await inHitOrder(trx, tenantId, result.hits, published);
    return { found, total: result.total, capped: false };
  }
  const hits: Hit[] = [];
  let total = 0;
  do {
    const result = await search.query(trx, { q, sources: [SEARCH_SOURCE], limit: BATCH, offset: hits.length });
    total = result.total;
    hits.push(...result.hits);
    if (result.hits.length < BATCH) break;
  } while (hits.length < Math.min(total, HIT_CAP));
  const found = await inHitOrder(trx, tenantId, hits, published);
  return { found: found.slice(page.offset, page.offset + page.limit), total: found.length, capped: total > HIT_CAP };
}

/** Loads the items of these hits that pass the filters, keeping the hits' order. */
async function inHitOrder(trx: DisclosureTransaction, tenantId: string, hits: Hit[], filters: ItemFilters): Promise<Found[]> {
  if (hits.length === 0) return [];
  const { items } = await listItems(trx, tenantId, { ...filters, ids: hits.map((h) => h.sourceId) }, { limit: hits.length, offset: 0 });
  const byId = new Map(items.map((i) => [i.id, i]));
  return hits.flatMap((h) => {
    const item = byId.get(h.sourceId);
    return item ? [{ item, titleSegments: h.titleSegments, snippet: h.snippet }] : [];
  });
}
