import { z } from "zod";
import { chinaDate, chinaYear } from "../../../../app/plugin-api";
import { readFilters, type Filters } from "../../../../app/plugin-api/loaders.server";
import { catalogueTree, flatten, subtreeKeys } from "../catalogue.server";
import { ITEM_TYPE } from "../item-schema";
import { listItems, yearsOf } from "../items.server";
import { labelOf } from "./editor.server";
import type { DisclosureContext, DisclosureTransaction } from "../context";

export const PAGE_SIZE = 50;
export const UNPUBLISHED = ["draft", "in_review", "returned", "approved"] as const;
export const STATUSES = [...UNPUBLISHED, "published", "withdrawn"] as const;

/** The list's GET filters; a value that cannot be used is left out, and the page says which (see `readFilters`). */
export const ItemsFilter = z.object({
  status: z.enum(STATUSES).optional(),
  category: z.string().max(100).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  q: z.string().trim().max(100).optional().transform((q) => q || undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type ItemsFilter = z.output<typeof ItemsFilter>;

export function readFilter(url: URL): Filters<ItemsFilter> {
  return readFilters(ItemsFilter, url.searchParams);
}

export interface ListRow {
  kind: "item" | "document";
  id: string;
  title: string;
  docNumber: string | null;
  category: string;
  status: (typeof STATUSES)[number];
  /** 发布日期 of an item; the day a document last changed. */
  date: string;
  indexNumber: string | null;
  href: string;
  /** A published item the reader may select for withdrawal. */
  withdrawable: boolean;
  /** "来自年度报告": the plugin an item fed through the catalogue extension point came from, edited only there. */
  source: string | null;
}

/** "来自年度报告": the source plugin's name in the reader's language (its id if it is no longer installed). */
export function sourceLabel(ctx: Pick<DisclosureContext, "t">, pluginId: string): string {
  return ctx.t("feed.from", { source: ctx.t(`${pluginId}:name`, { defaultValue: pluginId }) });
}

const escapeLike = (s: string) => `%${s.replace(/[\\%_]/g, "\\$&")}%`;

/** Published and withdrawn items matching title or 文号, as ids for `listItems`. */
async function idsMatching(trx: DisclosureTransaction, tenantId: string, q: string): Promise<string[]> {
  const rows = await trx
    .selectFrom("disclosure_items")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where((eb) => eb.or([eb("title", "ilike", escapeLike(q)), eb("doc_number", "ilike", escapeLike(q))]))
    .limit(5000)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * One list of what the office discloses: documents still in the workflow (on the first page) and
 * published or withdrawn items (a page of them), with the filters applied to both.
 */
export async function staffItemList(ctx: DisclosureContext, trx: DisclosureTransaction, filter: ItemsFilter, canWithdraw: boolean) {
  const base = `/t/${ctx.tenant.code}/admin/disclosure`;
  const tree = await catalogueTree(trx, ctx.tenant.id);
  const labels = new Map(flatten(tree).map(({ category }) => [category.key, labelOf(category, ctx.locale)]));
  // A category this office does not have is no filter, and said so rather than an empty list.
  const unknownCategory = Boolean(filter.category) && subtreeKeys(tree, filter.category!).length === 0;
  const keys = filter.category && !unknownCategory ? subtreeKeys(tree, filter.category) : undefined;
  const wantsItems = !filter.status || filter.status === "published" || filter.status === "withdrawn";
  const wantsDocs = !filter.status || (UNPUBLISHED as readonly string[]).includes(filter.status);

  const documents: ListRow[] = [];
  if (wantsDocs && filter.page === 1) {
    const q = filter.q?.toLowerCase();
    const docs = await ctx.workflow.list(trx, { type: ITEM_TYPE, statuses: filter.status ? [filter.status as (typeof UNPUBLISHED)[number]] : [...UNPUBLISHED] });
    for (const d of docs) {
      const p = (d.payload ?? {}) as { categoryKey?: string; docNumber?: string; formedOn?: string };
      if (keys && !keys.includes(p.categoryKey ?? "")) continue;
      if (filter.year && !p.formedOn?.startsWith(String(filter.year))) continue;
      if (q && !d.title.toLowerCase().includes(q) && !(p.docNumber ?? "").toLowerCase().includes(q)) continue;
      const editable = d.createdBy === ctx.user?.id && (d.status === "draft" || d.status === "returned") && ctx.can("disclosure.items.edit");
      documents.push({
        kind: "document",
        id: d.id,
        title: d.title,
        docNumber: p.docNumber ?? null,
        category: labels.get(p.categoryKey ?? "") ?? p.categoryKey ?? "",
        status: d.status as ListRow["status"],
        date: chinaDate(new Date(d.updatedAt)),
        indexNumber: null,
        href: editable ? `${base}/drafts/${d.id}` : d.url,
        withdrawable: false,
        source: null,
      });
    }
  }

  let total = 0;
  const items: ListRow[] = [];
  if (wantsItems) {
    const ids = filter.q ? await idsMatching(trx, ctx.tenant.id, filter.q) : undefined;
    const status = filter.status === "published" || filter.status === "withdrawn" ? filter.status : undefined;
    const page = await listItems(trx, ctx.tenant.id, { categoryKeys: keys, year: filter.year, status, ids }, { limit: PAGE_SIZE, offset: (filter.page - 1) * PAGE_SIZE });
    total = page.total;
    for (const i of page.items) {
      items.push({
        kind: "item",
        id: i.id,
        title: i.title,
        docNumber: i.docNumber,
        category: labels.get(i.categoryKey) ?? i.categoryKey,
        status: i.status,
        date: i.publishedOn,
        indexNumber: i.indexNumber,
        href: `${base}/items/${i.id}`,
        withdrawable: canWithdraw && i.status === "published" && !i.source,
        source: i.source ? sourceLabel(ctx, i.source.pluginId) : null,
      });
    }
  }

  const yearList = [...new Set([chinaYear(), ...(await yearsOf(trx, ctx.tenant.id))])].sort((a, b) => b - a);

  return {
    unknownCategory,
    rows: [...documents, ...items],
    documents: documents.length,
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    categories: flatten(tree).map(({ category, depth }) => ({ key: category.key, label: labelOf(category, ctx.locale), depth })),
    years: yearList,
  };
}
