import {
  CATALOGUE,
  chinaDate,
  DecisionRefused,
  offerExtension,
  type CatalogueItemRef,
  type CataloguePublication,
  type CatalogueWithdrawal,
} from "../../../app/plugin-api";
import { TOPICS } from "../data/topics";
import { catalogueTree, flatten } from "./catalogue.server";
import type { DisclosureExtensionContext, DisclosureTransaction } from "./context";
import { renderBody, sanitizeBody } from "./html";
import { toItem, type Item } from "./items.server";
import { itemUrl, syncSearch, withdrawItem } from "./publish.server";

/*
 * The catalogue as an extension point (app/plugin-api/extensions/catalogue.ts): another plugin's
 * published document becomes a published item at once — its own chain and 保密审查 approved it —
 * numbered from the office's one 索引号 sequence, listed in its category, found by the search.
 */

const E = "disclosure:feed.errors";

function refOf(ctx: DisclosureExtensionContext, item: Item): CatalogueItemRef {
  return { itemId: item.id, indexNumber: item.indexNumber, url: itemUrl(ctx.tenant.code, item.id), version: item.version, status: item.status };
}

async function fedItem(ctx: DisclosureExtensionContext, trx: DisclosureTransaction, recordId: string): Promise<Item | null> {
  const row = await trx
    .selectFrom("disclosure_items")
    .selectAll()
    .where("tenant_id", "=", ctx.tenant.id)
    .where("source_plugin", "=", ctx.caller.pluginId)
    .where("source_id", "=", recordId)
    .executeTakeFirst();
  return row ? toItem(row) : null;
}

async function publishFed(ctx: DisclosureExtensionContext, trx: DisclosureTransaction, input: CataloguePublication): Promise<CatalogueItemRef> {
  const tenantId = ctx.tenant.id;
  if (!flatten(await catalogueTree(trx, tenantId)).some((e) => e.category.key === input.categoryKey)) throw new DecisionRefused(`${E}.category`);
  const before = await fedItem(ctx, trx, input.source.recordId);
  if (before && !input.correctionReason) throw new DecisionRefused(`${E}.correctionReason`);
  // A correction keeps the item's 发布日期, and its 成文日期 when the corrected version was written
  // after that (a report corrected a year on): the correction's own date is kept with its reason.
  const publishedOn = before?.publishedOn ?? input.publishedOn ?? chinaDate();
  const writtenOn = before && input.writtenOn > publishedOn ? before.writtenOn : input.writtenOn;
  if (writtenOn > publishedOn) throw new DecisionRefused(`${E}.writtenAfterPublished`);

  const values = {
    category_key: input.categoryKey,
    title: input.title,
    summary: input.summary ?? null,
    issuer: input.issuer,
    doc_number: input.docNumber ?? null,
    written_on: writtenOn,
    formed_on: writtenOn,
    topic: input.topic ?? TOPICS.general,
    attribute: "proactive",
    body_html: input.bodyHtml ? renderBody(sanitizeBody(input.bodyHtml)) : "",
    // The catalogue's own stored files; a feeder's files are its links below.
    attachments: "[]",
    source_plugin: ctx.caller.pluginId,
    source_id: input.source.recordId,
    source_version: input.source.version,
    source_url: input.url,
    source_attachments: JSON.stringify(input.attachments),
    updated_at: new Date(),
  };
  let item: Item;
  if (before) {
    await trx
      .insertInto("disclosure_item_versions")
      .values({ tenant_id: tenantId, item_id: before.id, version: before.version, snapshot: JSON.stringify(before), reason: input.correctionReason!, changed_by: ctx.caller.userId })
      .execute();
    // A record withdrawn and then published again is back in the lists: its notice is in the snapshot.
    const row = await trx
      .updateTable("disclosure_items")
      .set({ ...values, version: before.version + 1, status: "published", withdrawn_on: null, withdrawal_reason: null })
      .where("tenant_id", "=", tenantId)
      .where("id", "=", before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    item = toItem(row);
    await ctx.audit(trx, { action: "disclosure.item.correct", target: { type: "disclosure_item", id: item.id }, data: { version: item.version, reason: input.correctionReason, source: ctx.caller.pluginId } });
  } else {
    // The same gapless sequence as the catalogue's own items, in the year of publication (a past
    // year's report put online now is numbered in that year), taken last: everyone numbering waits for this commit.
    const { number } = await ctx.numbering.next(trx, "core.index", { year: Number(publishedOn.slice(0, 4)) });
    const row = await trx
      .insertInto("disclosure_items")
      .values({ ...values, tenant_id: tenantId, index_number: number, published_on: publishedOn })
      .returningAll()
      .executeTakeFirstOrThrow();
    item = toItem(row);
    await ctx.audit(trx, { action: "disclosure.item.publish", target: { type: "disclosure_item", id: item.id }, data: { indexNumber: item.indexNumber, source: ctx.caller.pluginId } });
  }
  await syncSearch(ctx, trx, ctx.tenant.code, item);
  return refOf(ctx, item);
}

async function withdrawFed(ctx: DisclosureExtensionContext, trx: DisclosureTransaction, input: CatalogueWithdrawal): Promise<CatalogueItemRef> {
  const before = await fedItem(ctx, trx, input.source.recordId);
  if (!before) throw new DecisionRefused(`${E}.notInCatalogue`);
  const item = await withdrawItem(ctx, trx, before.id, input.reason);
  if (!item) throw new DecisionRefused(`${E}.notPublished`);
  await ctx.audit(trx, { action: "disclosure.item.withdraw", target: { type: "disclosure_item", id: item.id }, data: { indexNumber: item.indexNumber, reason: input.reason, source: ctx.caller.pluginId } });
  return refOf(ctx, item);
}

/** The manifest's offer of the catalogue. */
export const catalogueOffer = offerExtension(CATALOGUE, (ctx: DisclosureExtensionContext, input, trx: DisclosureTransaction) =>
  input.action === "publish" ? publishFed(ctx, trx, input) : withdrawFed(ctx, trx, input),
);
