import { sql } from "kysely";

import type { LocalizedLabel } from "../../data/catalogue";
import { catalogueTree, type Category } from "../catalogue.server";
import type { DisclosureTransaction } from "../context";

/** A category as the portal shows it: what it is, and how many published items it and its subcategories hold. */
export interface PortalCategory {
  key: string;
  label: LocalizedLabel;
  legalSource: string | null;
  kind: string | null;
  /** Published items here and in every subcategory: what the category page lists. */
  count: number;
  children: PortalCategory[];
}

async function publishedCounts(trx: DisclosureTransaction, tenantId: string): Promise<Map<string, number>> {
  const rows = await trx
    .selectFrom("disclosure_items")
    .select(["category_key", sql<number>`count(*)`.as("n")])
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "published")
    .groupBy("category_key")
    .execute();
  return new Map(rows.map((r) => [r.category_key as string, Number(r.n)]));
}

function withCounts(tree: Category[], counts: Map<string, number>): PortalCategory[] {
  return tree.map((c) => {
    const children = withCounts(c.children, counts);
    const count = (counts.get(c.key) ?? 0) + children.reduce((sum, ch) => sum + ch.count, 0);
    return { key: c.key, label: c.label, legalSource: c.legalSource, kind: c.kind, count, children };
  });
}

/** The office's catalogue (its own categories and those inherited from above) with item counts. */
export async function portalCatalogue(trx: DisclosureTransaction, tenantId: string): Promise<PortalCategory[]> {
  const [tree, counts] = await Promise.all([catalogueTree(trx, tenantId), publishedCounts(trx, tenantId)]);
  return withCounts(tree, counts);
}

/** The category with this key and the categories above it, top first; null when there is none. */
export function categoryPath<C extends { key: string; children: C[] }>(tree: C[], key: string): C[] | null {
  for (const c of tree) {
    if (c.key === key) return [c];
    const below = categoryPath(c.children, key);
    if (below) return [c, ...below];
  }
  return null;
}

/** The keys of a category and all its subcategories. */
export function keysUnder(category: PortalCategory): string[] {
  return [category.key, ...category.children.flatMap(keysUnder)];
}

/** Years in which items of these categories were published, newest first (the year filter's choices). */
export async function yearsIn(trx: DisclosureTransaction, tenantId: string, keys: string[]): Promise<number[]> {
  if (keys.length === 0) return [];
  const rows = await trx
    .selectFrom("disclosure_items")
    .select(sql<number>`extract(year from published_on)::int`.as("y"))
    .distinct()
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "published")
    .where("category_key", "in", keys)
    .orderBy("y", "desc")
    .execute();
  return rows.map((r) => Number(r.y));
}
