import { chinaDate } from "../../../../app/plugin-api";
import { catalogueTree, flatten } from "../catalogue.server";
import { ITEM_TYPE } from "../item-schema";
import { itemById, relatedItems } from "../items.server";
import { itemUrl } from "../publish.server";
import { DEFAULT_LIMIT_WORKDAYS, timeliness } from "../timeliness";
import { labelOf } from "./editor.server";
import { sourceLabel, UNPUBLISHED } from "./items-list.server";
import type { DisclosureContext, DisclosureTransaction } from "../context";

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : String(d));

/** A published or withdrawn item as staff see it: metadata, history, timeliness, corrections in progress. */
export async function staffItemView(ctx: DisclosureContext, trx: DisclosureTransaction, id: string | undefined) {
  const item = id ? await itemById(trx, ctx.tenant.id, id) : null;
  if (!item) throw new Response("Not Found", { status: 404 });
  const base = `/t/${ctx.tenant.code}/admin/disclosure`;
  const tree = flatten(await catalogueTree(trx, ctx.tenant.id));
  const category = tree.find((e) => e.category.key === item.categoryKey)?.category;
  const row = item.listRowKey
    ? await trx
        .selectFrom("disclosure_list_rows")
        .select(["first_level", "second_level", "time_limit_workdays"])
        .where("tenant_id", "=", ctx.tenant.id)
        .where("key", "=", item.listRowKey)
        .executeTakeFirst()
    : undefined;
  const versions = await trx
    .selectFrom("disclosure_item_versions")
    .select(["version", "reason", "changed_at", "snapshot"])
    .where("tenant_id", "=", ctx.tenant.id)
    .where("item_id", "=", item.id)
    .orderBy("version", "desc")
    .execute();
  const { interpretations, policy } = await relatedItems(trx, ctx.tenant.id, item);
  const corrections = (await ctx.workflow.list(trx, { type: ITEM_TYPE, statuses: [...UNPUBLISHED] }))
    .filter((d) => (d.payload as { correctsId?: string } | null)?.correctsId === item.id)
    .map((d) => ({ id: d.id, title: d.title, status: d.status, url: d.url }));
  const limit = row?.time_limit_workdays ?? DEFAULT_LIMIT_WORKDAYS;
  return {
    item,
    category: category ? labelOf(category, ctx.locale) : item.categoryKey,
    listRow: row ? `${row.first_level} / ${row.second_level}` : null,
    versions: versions.map((v) => ({ version: v.version, reason: v.reason, changedAt: iso(v.changed_at), title: (v.snapshot as { title?: string }).title ?? "" })),
    interpretations: interpretations.map((i) => ({ id: i.id, title: i.title, href: `${base}/items/${i.id}` })),
    policy: policy ? { id: policy.id, title: policy.title, href: `${base}/items/${policy.id}` } : null,
    corrections,
    timeliness: { ...timeliness(ctx.calendar, item.formedOn, item.publishedOn, chinaDate(), limit), limit },
    publicUrl: item.attribute === "proactive" ? itemUrl(ctx.tenant.code, item.id) : null,
    documentUrl: item.documentId ? `/t/${ctx.tenant.code}/admin/documents/${item.documentId}` : null,
    // Fed by another plugin: read-only here (no correction or withdrawal), changed through that plugin.
    source: item.source
      ? { label: sourceLabel(ctx, item.source.pluginId), readOnly: ctx.t("feed.readOnly", { source: ctx.t(`${item.source.pluginId}:name`, { defaultValue: item.source.pluginId }) }), url: item.source.url, version: item.source.version }
      : null,
    base,
  };
}
