
import { chinaDate } from "../../../../app/plugin-api";
import { catalogueTree, type Category } from "../catalogue.server";
import { itemById, relatedItems, type Item } from "../items.server";
import { categoryPath } from "./catalogue.server";
import type { DisclosureTransaction } from "../context";

export interface PublicItem {
  item: Item;
  /** The item's category and those above it, top first; empty if the catalogue no longer has it. */
  path: Category[];
  related: { interpretations: Item[]; policy: Item | null };
  /** The latest correction of an item at version 2 or later. */
  correction: { on: string; reason: string } | null;
}

/** A published or withdrawn proactive item with what its page shows around it; null for anything the public may not see. */
export async function publicItem(trx: DisclosureTransaction, tenantId: string, id: string): Promise<PublicItem | null> {
  const item = await itemById(trx, tenantId, id);
  // Row-level security hides 依申请公开 records from the public already; the portal never shows one, whoever asks.
  if (!item || item.attribute !== "proactive") return null;
  const [tree, related, correction] = await Promise.all([
    catalogueTree(trx, tenantId),
    item.status === "published" ? relatedItems(trx, tenantId, item) : Promise.resolve({ interpretations: [], policy: null }),
    item.version > 1 ? latestCorrection(trx, tenantId, item.id) : Promise.resolve(null),
  ]);
  const policy = related.policy?.attribute === "proactive" ? related.policy : null;
  return {
    item,
    path: categoryPath(tree, item.categoryKey) ?? [],
    related: { interpretations: related.interpretations.filter((i) => i.attribute === "proactive"), policy },
    correction,
  };
}

async function latestCorrection(trx: DisclosureTransaction, tenantId: string, itemId: string) {
  const row = await trx
    .selectFrom("disclosure_item_versions")
    .select(["reason", "changed_at"])
    .where("tenant_id", "=", tenantId)
    .where("item_id", "=", itemId)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? { on: chinaDate(new Date(row.changed_at as string | Date)), reason: row.reason as string } : null;
}
