
import { flattenCatalogue, type LocalizedLabel } from "../data/catalogue";
import { STANDARD_LIST } from "../data/standard-list";
import type { DisclosureTransaction } from "./context";

export interface Category {
  key: string;
  parentKey: string | null;
  label: LocalizedLabel;
  legalSource: string | null;
  kind: string | null;
  position: number;
  /** Set by an office above this one: shown here, edited there. */
  inherited: boolean;
  children: Category[];
}

/** Gives an office the statutory catalogue; categories it already has are left as they are. */
export async function seedCatalogue(trx: DisclosureTransaction, tenantId: string): Promise<void> {
  const rows = flattenCatalogue().map((e, position) => ({
    tenant_id: tenantId,
    key: e.node.key,
    parent_key: e.parentKey ?? null,
    label: JSON.stringify(e.node.label),
    legal_source: e.node.legalSource ?? null,
    kind: e.node.kind ?? null,
    position: position * 10,
  }));
  await trx.insertInto("disclosure_categories").values(rows).onConflict((oc) => oc.columns(["tenant_id", "key"]).doNothing()).execute();
}

/** Gives an office the MEE standard list (清单); rows it already has are left as they are. */
export async function seedList(trx: DisclosureTransaction, tenantId: string): Promise<void> {
  const rows = STANDARD_LIST.map((r, position) => ({
    tenant_id: tenantId,
    key: r.key,
    category_key: r.catalogueKey,
    first_level: r.firstLevel,
    second_level: r.secondLevel,
    content: r.content,
    basis: r.basis,
    time_limit: r.timeLimit,
    time_limit_workdays: r.timeLimitWorkdays,
    responsible: r.responsible,
    channels: r.channels,
    audience: r.audience,
    mode: r.mode,
    position: position * 10,
  }));
  await trx.insertInto("disclosure_list_rows").values(rows).onConflict((oc) => oc.columns(["tenant_id", "key"]).doNothing()).execute();
}

/**
 * The office's catalogue as a tree: its own categories and those of the offices above it (a
 * city's additions reach its branch offices); where both have a key, the office's own wins.
 */
export async function catalogueTree(trx: DisclosureTransaction, tenantId: string): Promise<Category[]> {
  const rows = await trx.selectFrom("disclosure_categories").selectAll().orderBy("position").orderBy("key").execute();
  const byKey = new Map<string, Category>();
  for (const r of rows.sort((a, b) => Number(b.tenant_id === tenantId) - Number(a.tenant_id === tenantId))) {
    if (byKey.has(r.key)) continue;
    byKey.set(r.key, {
      key: r.key,
      parentKey: r.parent_key,
      label: r.label as LocalizedLabel,
      legalSource: r.legal_source,
      kind: r.kind,
      position: r.position,
      inherited: r.tenant_id !== tenantId,
      children: [],
    });
  }
  const roots: Category[] = [];
  for (const c of [...byKey.values()].sort((a, b) => a.position - b.position || a.key.localeCompare(b.key))) {
    const parent = c.parentKey ? byKey.get(c.parentKey) : undefined;
    (parent ? parent.children : roots).push(c);
  }
  return roots;
}

/** Every category of the tree, depth first, with its depth. */
export function flatten(tree: Category[], depth = 0): { category: Category; depth: number }[] {
  return tree.flatMap((c) => [{ category: c, depth }, ...flatten(c.children, depth + 1)]);
}

/** The category and every category under it (a category page lists its subcategories' items too). */
export function subtreeKeys(tree: Category[], key: string): string[] {
  const found = flatten(tree).find((e) => e.category.key === key)?.category;
  return found ? flatten([found]).map((e) => e.category.key) : [];
}
