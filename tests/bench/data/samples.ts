import { sql, type Kysely } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { withScope } from "../../../db/scope";
import { parseQuery, phrasesToTsquery } from "../../../app/core/search/tokenize";
import { itemUrl } from "../../../plugins/disclosure/server/publish.server";

/**
 * Public URLs that exist and search terms that find something, for the load runner: item pages
 * spread over the largest offices, their fullest categories, and 2- and 4-character terms checked
 * against the search index as the public portal queries it.
 */

export interface BenchSamples {
  itemPaths: string[];
  categoryPaths: string[];
  searchTwo: string[];
  searchFour: string[];
  /** The public tracking page with a tracking number and its query code. */
  tracking: { path: string; trackingNo: string; queryCode: string }[];
}

export interface TenantHarvest {
  id: string;
  code: string;
  /** Published proactive items, in publication order. */
  published: { id: string; categoryKey: string }[];
  tracking: { trackingNo: string; queryCode: string }[];
}

const TWO = ["排污", "环评", "处罚", "监测", "水质", "噪声", "扬尘", "废水", "许可", "整改"];
const FOUR = ["排污许可", "行政处罚", "环境质量", "危险废物", "环境影响", "大气污染", "监测数据", "环境空气"];
const PARENTS = ["permits", "enforcement", "supervision"];
const SAMPLE_TENANTS = 20;

/** What to keep of a tenant once it is loaded: a few item ids and its category counts, not every row. */
export function harvest(h: TenantHarvest) {
  const step = Math.max(1, Math.floor(h.published.length / 10));
  const counts = new Map<string, number>();
  for (const p of h.published) counts.set(p.categoryKey, (counts.get(p.categoryKey) ?? 0) + 1);
  return {
    id: h.id,
    code: h.code,
    total: h.published.length,
    items: h.published.filter((_, i) => i % step === 0).slice(0, 10).map((p) => p.id),
    categories: [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    tracking: h.tracking,
  };
}
export type Harvest = ReturnType<typeof harvest>;

async function termsThatHit(db: Kysely<CoreDatabase>, tenantIds: string[], terms: string[]): Promise<string[]> {
  if (tenantIds.length === 0) return [];
  const hits = await withScope(db, { tenantId: null, readTenantIds: tenantIds, userId: null }, async (trx) => {
    const out: [string, number][] = [];
    for (const term of terms) {
      const q = phrasesToTsquery(parseQuery(term));
      let n = 0;
      // One match per office is enough: counting every match of a frequent term takes a minute on PGlite.
      for (const id of tenantIds) {
        const { rows } = await sql<{ hit: boolean }>`SELECT EXISTS (SELECT 1 FROM search_documents WHERE tenant_id = ${id} AND tsv @@ to_tsquery('simple', ${q})) AS hit`.execute(trx);
        if (rows[0]!.hit) n += 1;
      }
      out.push([term, n]);
    }
    return out;
  });
  // Terms found in every sampled office first; a term found nowhere is no sample.
  return hits.filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).map(([t]) => t);
}

export async function pickSamples(db: Kysely<CoreDatabase>, harvests: Harvest[]): Promise<BenchSamples> {
  const largest = [...harvests].sort((a, b) => b.total - a.total || a.code.localeCompare(b.code)).slice(0, SAMPLE_TENANTS).filter((h) => h.total > 0);
  const itemPaths: string[] = [];
  for (let round = 0; round < 10 && itemPaths.length < 100; round++) {
    for (const h of largest) if (h.items[round] && itemPaths.length < 100) itemPaths.push(itemUrl(h.code, h.items[round]!));
  }
  const categoryPaths = largest.flatMap((h) => {
    const keys = [...h.categories.slice(0, 3).map(([k]) => k), ...PARENTS.filter((p) => h.categories.some(([k]) => k.startsWith(`${p}.`)))];
    return keys.map((k) => `/t/${h.code}/disclosure/categories/${k}`);
  });
  const ids = largest.map((h) => h.id);
  return {
    itemPaths,
    categoryPaths: categoryPaths.slice(0, 60),
    searchTwo: (await termsThatHit(db, ids, TWO)).slice(0, 6),
    searchFour: (await termsThatHit(db, ids, FOUR)).slice(0, 6),
    tracking: largest.slice(0, 5).flatMap((h) => h.tracking.slice(0, 2).map((t) => ({ path: `/t/${h.code}/requests/track`, ...t }))),
  };
}
