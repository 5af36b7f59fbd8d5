import type { PluginPublishedDocument } from "../../../../app/plugin-api";
import { sanitizeBody } from "../html";
import { toItem } from "../items.server";
import { searchDocumentOf } from "../publish.server";
import { ImportPayload, type BatchRow } from "./batch-schema";
import type { DisclosureHookContext } from "../context";

const INSERT_CHUNK = 500;
/** A plain-text cell as the check renders it: escaped paragraphs, nothing for the sanitiser to do (most rows; it costs a second per 10,000). */
const PLAIN_PARAGRAPHS = /^(?:<p>[^<>]*<\/p>)*$/;
const INDEX = "core.index";

/**
 * An approved batch is published at once (`publishOnApproval`), unless 保密审查 decided 不予公开 for
 * it. The batch itself takes no 索引号; its rows do. Writes every row of the batch as a published item, from the redacted rendition, in the publishing
 * transaction: the original 索引号 where the file gave one (the office's counter moves past it),
 * else the office's next numbers, consecutive through each year in order of the file's dates
 * published. The 公开属性 is the one 保密审查 recorded for the batch. Indexed for search, audited once.
 */
export async function onBatchPublished(ctx: DisclosureHookContext, doc: PluginPublishedDocument): Promise<void> {
  const payload = ImportPayload.parse(doc.rendition.payload);
  const attribute = doc.review?.attribute ?? "proactive";
  if (attribute === "withheld") throw new Error(`import batch ${doc.id} was decided not to be disclosed`);
  const trx = ctx.trx;
  const tenantId = ctx.tenant.id;

  const kept = payload.rows.flatMap((r) => (r.indexNumber ? [r.indexNumber] : []));
  await ctx.numbering.claim(trx, INDEX, kept);
  for (let i = 0; i < kept.length; i += INSERT_CHUNK) {
    const taken = await trx.selectFrom("disclosure_items").select("index_number").where("tenant_id", "=", tenantId).where("index_number", "in", kept.slice(i, i + INSERT_CHUNK)).execute();
    if (taken.length) throw new Error(`import batch ${doc.id}: 索引号 already in use: ${taken.map((t) => t.index_number).join(", ")}`);
  }

  const ordered = [...payload.rows].sort((a, b) => a.publishedOn.localeCompare(b.publishedOn) || a.row - b.row);
  const numbers = await assignNumbers(ctx, ordered);
  for (let start = 0; start < ordered.length; start += INSERT_CHUNK) {
    const chunk = ordered.slice(start, start + INSERT_CHUNK).map((r) => ({
      tenant_id: tenantId,
      index_number: numbers.get(r)!,
      category_key: r.categoryKey,
      title: r.title,
      summary: r.summary ?? null,
      issuer: r.issuer,
      doc_number: r.docNumber ?? null,
      written_on: r.writtenOn,
      formed_on: r.formedOn,
      published_on: r.publishedOn,
      topic: r.topic,
      attribute,
      validity: r.validity ?? null,
      ended_on: r.endedOn ?? null,
      body_html: PLAIN_PARAGRAPHS.test(r.body) ? r.body : sanitizeBody(r.body),
      attachments: "[]",
    }));
    const inserted = await trx.insertInto("disclosure_items").values(chunk).returningAll().execute();
    await ctx.search.indexMany(
      trx,
      inserted.flatMap((row) => searchDocumentOf(ctx.tenant.code, toItem(row)) ?? []),
    );
  }

  const years: Record<string, number> = {};
  for (const r of ordered) years[r.publishedOn.slice(0, 4)] = (years[r.publishedOn.slice(0, 4)] ?? 0) + 1;
  const given = ordered.filter((r) => !r.indexNumber).map((r) => numbers.get(r)!);
  await ctx.audit(trx, {
    action: "disclosure.import.run",
    target: { type: "workflow_document", id: doc.id },
    data: { file: payload.fileName, count: ordered.length, attribute, years, kept: kept.length, first: given[0] ?? null, last: given.at(-1) ?? null },
  });
}

/** Each row's 索引号: its own, or one of a block of consecutive numbers per publication year, taken in order. */
async function assignNumbers(ctx: DisclosureHookContext, ordered: BatchRow[]): Promise<Map<BatchRow, string>> {
  const out = new Map<BatchRow, string>();
  const byYear = new Map<number, BatchRow[]>();
  for (const r of ordered) {
    if (r.indexNumber) out.set(r, r.indexNumber);
    else {
      const year = Number(r.publishedOn.slice(0, 4));
      const rows = byYear.get(year);
      if (rows) rows.push(r);
      else byYear.set(year, [r]);
    }
  }
  for (const [year, rows] of byYear) {
    const block = await ctx.numbering.nextMany(ctx.trx, INDEX, rows.length, { year });
    rows.forEach((r, i) => out.set(r, block[i]!.number));
  }
  return out;
}
