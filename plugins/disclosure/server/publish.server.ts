import { chinaDate, type PluginCoreServices, type PluginSearchDocument, type PluginPublishedDocument } from "../../../app/plugin-api";
import { bodyText, renderBody } from "./html";
import { ItemPayload } from "./item-schema";
import { itemById, toItem, type Item } from "./items.server";
import type { DisclosureHookContext, DisclosureTransaction } from "./context";

export const SEARCH_SOURCE = "disclosure.item";

export function itemUrl(tenantCode: string, id: string): string {
  return `/t/${tenantCode}/disclosure/items/${id}`;
}

/** What the public search finds an item by: title, 内容概述, 文号, issuer, body and attachment text. */
export function searchBody(item: Pick<Item, "summary" | "docNumber" | "issuer" | "bodyHtml" | "attachments">): string {
  return [item.summary ?? "", item.docNumber ?? "", item.issuer, bodyText(item.bodyHtml), ...item.attachments.map((a) => `${a.name}\n${a.text}`)].join("\n");
}

/** The public search's row for an item: only proactive published items are found. */
export function searchDocumentOf(tenantCode: string, item: Item): PluginSearchDocument | null {
  if (item.status !== "published" || item.attribute !== "proactive") return null;
  return {
    source: SEARCH_SOURCE,
    sourceId: item.id,
    title: item.title,
    body: searchBody(item),
    url: itemUrl(tenantCode, item.id),
    publishedAt: new Date(`${item.publishedOn}T00:00:00+08:00`),
    // 索引号, so an officer citing the item in a reply (已主动公开) names it as the catalogue does.
    reference: item.indexNumber,
  };
}

/** Keeps the public search in step with an item: indexed while public, removed otherwise. */
export async function syncSearch(ctx: Pick<PluginCoreServices, "search">, trx: DisclosureTransaction, tenantCode: string, item: Item): Promise<void> {
  const doc = searchDocumentOf(tenantCode, item);
  if (doc) await ctx.search.index(trx, doc);
  else await ctx.search.remove(trx, SEARCH_SOURCE, item.id);
}

/** Whether an approved item takes the next 索引号: a correction keeps its item's. */
export function isNewItem(payload: ItemPayload): boolean {
  return !payload.correctsId;
}

/**
 * Writes the published record from the redacted rendition — never from the original — in the
 * publishing transaction. A correction snapshots the earlier version first.
 */
export async function onPublished(ctx: DisclosureHookContext, doc: PluginPublishedDocument): Promise<void> {
  const payload = ItemPayload.parse(doc.rendition.payload);
  const trx = ctx.trx;
  const tenantId = ctx.tenant.id;
  const redactedAttachments = new Set(
    doc.findings
      .filter((f) => f.resolution === "redact" && f.field.startsWith("payload.attachments."))
      .map((f) => Number(f.field.split(".")[2])),
  );
  const values = {
    category_key: payload.categoryKey,
    list_row_key: payload.listRowKey ?? null,
    title: doc.rendition.title,
    summary: payload.summary ?? null,
    issuer: payload.issuer,
    doc_number: payload.docNumber ?? null,
    written_on: payload.writtenOn,
    formed_on: payload.formedOn,
    topic: payload.topic,
    // 保密审查 decides the 公开属性; the drafter's choice was a proposal.
    attribute: doc.review?.attribute ?? payload.attribute,
    validity: payload.validity ?? null,
    valid_from: payload.validFrom ?? null,
    ended_on: payload.endedOn ?? null,
    // The rendition the reviewers read on the document page, from the redacted payload.
    body_html: renderBody(payload.body),
    // An attachment whose text needed redaction is offered as its redacted text, not as the file.
    attachments: JSON.stringify(payload.attachments.map((a, i) => (redactedAttachments.has(i) ? { ...a, redacted: true } : a))),
    interprets_id: payload.interpretsId ?? null,
    document_id: doc.id,
    updated_at: new Date(),
  };

  let item: Item;
  if (payload.correctsId) {
    const before = await itemById(trx, tenantId, payload.correctsId);
    if (!before) throw new Error(`correction of unknown item ${payload.correctsId}`);
    await trx
      .insertInto("disclosure_item_versions")
      .values({ tenant_id: tenantId, item_id: before.id, version: before.version, snapshot: JSON.stringify(before), reason: payload.correctionReason!, changed_by: ctx.user.id })
      .execute();
    const row = await trx
      .updateTable("disclosure_items")
      .set({ ...values, version: before.version + 1 })
      .where("tenant_id", "=", tenantId)
      .where("id", "=", before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    item = toItem(row);
    await ctx.audit(trx, { action: "disclosure.item.correct", target: { type: "disclosure_item", id: item.id }, data: { version: item.version, reason: payload.correctionReason } });
  } else {
    const row = await trx
      .insertInto("disclosure_items")
      .values({ ...values, tenant_id: tenantId, index_number: doc.indexNumber!, published_on: chinaDate(doc.publishedAt ?? new Date()) })
      .returningAll()
      .executeTakeFirstOrThrow();
    item = toItem(row);
    await ctx.audit(trx, { action: "disclosure.item.publish", target: { type: "disclosure_item", id: item.id }, data: { indexNumber: item.indexNumber } });
  }
  await syncSearch(ctx, trx, ctx.tenant.code, item);
}

/** 撤回: the item leaves the lists and the search, and its page becomes a public notice of withdrawal. */
export async function withdrawItem(
  ctx: Pick<PluginCoreServices, "search"> & { tenant: { id: string; code: string } },
  trx: DisclosureTransaction,
  id: string,
  reason: string,
  today = chinaDate(),
): Promise<Item | null> {
  const row = await trx
    .updateTable("disclosure_items")
    .set({ status: "withdrawn", withdrawn_on: today, withdrawal_reason: reason, updated_at: new Date() })
    .where("tenant_id", "=", ctx.tenant.id)
    .where("id", "=", id)
    .where("status", "=", "published")
    .returningAll()
    .executeTakeFirst();
  if (!row) return null;
  const item = toItem(row);
  await syncSearch(ctx, trx, ctx.tenant.code, item);
  return item;
}
