import { createHash } from "node:crypto";
import type { Transaction } from "kysely";
import type { CoreDatabase } from "../../../../db/schema";
import type { PluginTenantContext, PluginTransaction } from "../../../../app/plugin-api";
import { DEFAULT_CHAIN } from "../../../../app/core/workflow/chain";
import type { DisclosureDatabase } from "../../../../plugins/disclosure/db/schema";
import { ITEM_TYPE } from "../../../../plugins/disclosure/server/item-schema";
import { toItem, type Item } from "../../../../plugins/disclosure/server/items.server";
import { searchDocumentOf } from "../../../../plugins/disclosure/server/publish.server";
import { benchCalendar } from "../calendar";
import type { PlannedDraft, PlannedItem } from "./plan";

/**
 * Writes an office's planned items inside its transaction the way publication leaves them: 索引号
 * from the tenant's own counter (core.index, per year, in publication order, so the next item
 * published gets the next number), attachment files, the published rows, and the search index
 * rows built from the stored rows by the plugin's own `searchDocumentOf` and the core indexer, as
 * the spreadsheet import does. Drafts go into the core workflow.
 */

const CHUNK = 500;
const at = (date: string, time = "10:00") => new Date(`${date}T${time}:00+08:00`);

export interface LoadedItems {
  rows: number;
  indexed: number;
  /** Published proactive items (what the public sees), for sample URLs. */
  published: Pick<Item, "id" | "categoryKey">[];
}

async function numbered(ctx: PluginTenantContext, trx: PluginTransaction, items: PlannedItem[]): Promise<string[]> {
  const numbers: string[] = [];
  let i = 0;
  while (i < items.length) {
    const year = Number(items[i]!.publishedOn.slice(0, 4));
    let j = i;
    while (j < items.length && items[j]!.publishedOn.startsWith(String(year))) j++;
    numbers.push(...(await ctx.numbering.nextMany(trx, "core.index", j - i, { year })).map((n) => n.number));
    i = j;
  }
  return numbers;
}

async function storeAttachments(trx: PluginTransaction<DisclosureDatabase>, tenantId: string, items: PlannedItem[]): Promise<void> {
  const files = items.flatMap((item) =>
    item.attachments.map((a) => {
      const bytes = Buffer.from(a.text, "utf8");
      return { tenant_id: tenantId, id: a.id, name: a.name, mime: a.mime, size: a.size, sha256: createHash("sha256").update(bytes).digest("hex"), bytes, text: a.text, uploaded_at: at(item.formedOn) };
    }),
  );
  // No RETURNING: like the demo seed, the system reads a file back only through an item that offers it.
  for (let i = 0; i < files.length; i += CHUNK) await trx.insertInto("disclosure_attachments").values(files.slice(i, i + CHUNK)).execute();
}

export async function loadItems(ctx: PluginTenantContext, trx: PluginTransaction<DisclosureDatabase>, items: PlannedItem[]): Promise<LoadedItems> {
  const tenantId = ctx.tenant.id;
  const numbers = await numbered(ctx, trx, items);
  await storeAttachments(trx, tenantId, items);
  const published: LoadedItems["published"] = [];
  let indexed = 0;
  for (let i = 0; i < items.length; i += CHUNK) {
    const chunk = items.slice(i, i + CHUNK).map((item, k) => ({
      tenant_id: tenantId,
      id: item.id,
      document_id: null,
      index_number: numbers[i + k]!,
      category_key: item.categoryKey,
      list_row_key: item.listRowKey,
      title: item.title,
      issuer: item.issuer,
      doc_number: item.docNumber,
      written_on: item.writtenOn,
      formed_on: item.formedOn,
      published_on: item.publishedOn,
      topic: item.topic,
      attribute: item.attribute,
      validity: item.validity,
      valid_from: item.validFrom,
      ended_on: item.endedOn,
      body_html: item.bodyHtml,
      attachments: JSON.stringify(item.attachments),
      interprets_id: item.interpretsId,
      status: item.status,
      withdrawn_on: item.withdrawnOn,
      withdrawal_reason: item.withdrawalReason,
      updated_at: at(item.withdrawnOn ?? item.publishedOn, "16:00"),
    }));
    const rows = (await trx.insertInto("disclosure_items").values(chunk).returningAll().execute()).map(toItem);
    const docs = rows.flatMap((row) => searchDocumentOf(ctx.tenant.code, row) ?? []);
    await ctx.search.indexMany(trx, docs);
    indexed += docs.length;
    for (const row of rows) if (row.status === "published" && row.attribute === "proactive") published.push({ id: row.id, categoryKey: row.categoryKey });
  }
  return { rows: items.length, indexed, published };
}

/** Drafts as the workflow leaves them: created by the office's 经办人, half of them submitted to the 科室负责人. */
export async function loadDrafts(trx: PluginTransaction, tenantId: string, drafts: PlannedDraft[], drafterId: string): Promise<void> {
  if (drafts.length === 0) return;
  const core = trx as Transaction<CoreDatabase>;
  const submitted = (d: PlannedDraft) => at(d.createdOn, "15:00");
  await core
    .insertInto("workflow_documents")
    .values(
      drafts.map((d) => {
        const inReview = d.status === "in_review";
        return {
          tenant_id: tenantId,
          id: d.id,
          document_type: ITEM_TYPE,
          title: d.title,
          payload: JSON.stringify(d.payload),
          important: false,
          requires_classification: true,
          status: d.status,
          steps: JSON.stringify(inReview ? DEFAULT_CHAIN : []),
          current_step: inReview ? 0 : null,
          waiting_role: inReview ? DEFAULT_CHAIN[0]!.role : null,
          assignee_id: null,
          version: inReview ? 2 : 1,
          round: inReview ? 1 : 0,
          created_by: drafterId,
          created_at: at(d.createdOn, "09:00"),
          updated_at: inReview ? submitted(d) : at(d.createdOn, "09:00"),
          due_date: inReview ? benchCalendar.addWorkdays(d.createdOn, DEFAULT_CHAIN[0]!.dueWorkdays).value : null,
        };
      }),
    )
    .execute();
  const decisions = drafts
    .filter((d) => d.status === "in_review")
    .map((d) => ({ tenant_id: tenantId, document_id: d.id, seq: 1, step_key: null, action: "submit" as const, actor_id: drafterId, assignee_id: null, from_status: "draft" as const, to_status: "in_review" as const, comment: null, at: submitted(d) }));
  if (decisions.length) await core.insertInto("workflow_decisions").values(decisions).execute();
}
