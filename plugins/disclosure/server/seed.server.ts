import { createHash, randomUUID } from "node:crypto";

import { demoItems, type DemoItem } from "../data/demo-items";
import { sanitizeBody } from "./html";
import { toItem } from "./items.server";
import { syncSearch } from "./publish.server";
import { seedCatalogue, seedList } from "./catalogue.server";
import type { DisclosureTenantContext, DisclosureTransaction } from "./context";

const VALIDITY: Record<string, "valid" | "expired" | "repealed"> = { 有效: "valid", 失效: "expired", 废止: "repealed" };

/** "示范市生态环境局东湖分局" → "东湖"; a city bureau → its city name without 市. */
function shortName(nameZh: string): string {
  return /局(.+?)分局$/.exec(nameZh)?.[1] ?? /^(.+?)市/.exec(nameZh)?.[1] ?? nameZh.slice(0, 2);
}

function seedOf(code: string): number {
  let h = 2166136261;
  for (const c of code) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

/**
 * Every office gets the statutory catalogue and the standard list. Demo offices also get a few
 * years of believable published items written for the demo, numbered in publication order as if
 * they had been published through the system. The one demo item carrying personal data is left
 * out: that is what a drafter demonstrates with the scan.
 */
export async function seedDisclosure(ctx: DisclosureTenantContext): Promise<void> {
  await ctx.withTenant(async (trx) => {
    await seedCatalogue(trx, ctx.tenant.id);
    await seedList(trx, ctx.tenant.id);
  });
  if (ctx.tenant.code.startsWith("demo-")) await seedDemoItems(ctx);
}

/** A few years of published items written for the demo, once per office (idempotent). */
export async function seedDemoItems(ctx: DisclosureTenantContext): Promise<void> {
  const nameZh = ctx.tenant.name["zh-CN"];
  const items = demoItems({ code: ctx.tenant.code, nameZh, shortName: shortName(nameZh), seed: seedOf(ctx.tenant.code) })
    .filter((i) => !i.containsPersonalData)
    .sort((a, b) => a.publishedOn.localeCompare(b.publishedOn) || a.key.localeCompare(b.key));
  await ctx.withTenant(async (trx) => {
    const existing = await trx.selectFrom("disclosure_items").select("id").where("tenant_id", "=", ctx.tenant.id).limit(1).execute();
    if (existing.length) return;
    const ids = new Map<string, string>();
    for (const d of items) {
      const { number } = await ctx.numbering.next(trx, "core.index", { year: Number(d.publishedOn.slice(0, 4)) });
      const attachments = [];
      for (const a of d.attachments ?? []) attachments.push(await storeDemoAttachment(trx, ctx.tenant.id, a));
      const row = await trx
        .insertInto("disclosure_items")
        .values({ ...rowOf(ctx.tenant.id, d, number, ids), attachments: JSON.stringify(attachments) })
        .returningAll()
        .executeTakeFirstOrThrow();
      ids.set(d.key, row.id as string);
      await syncSearch(ctx, trx, ctx.tenant.code, toItem(row));
    }
  });
}

function rowOf(tenantId: string, d: DemoItem, indexNumber: string, ids: Map<string, string>) {
  return {
    tenant_id: tenantId,
    index_number: indexNumber,
    category_key: d.catalogueKey,
    list_row_key: d.listRowKey ?? null,
    title: d.title,
    summary: d.summary ?? null,
    issuer: d.issuer,
    doc_number: d.docNumber ?? null,
    written_on: d.writtenOn,
    formed_on: d.formedOn,
    published_on: d.publishedOn,
    topic: d.topic,
    attribute: "proactive",
    validity: d.validity ? VALIDITY[d.validity.status] : null,
    valid_from: d.validity?.effectiveFrom ?? null,
    ended_on: d.validity?.status === "有效" ? null : (d.validity?.endedOn ?? null),
    body_html: sanitizeBody(d.bodyHtml),
    interprets_id: d.interpretationOf ? (ids.get(d.interpretationOf) ?? null) : null,
  };
}

/** Demo attachments are stored as their text: the demo has no real PDFs to offer. */
async function storeDemoAttachment(trx: DisclosureTransaction, tenantId: string, a: { name: string; text: string }) {
  const bytes = Buffer.from(a.text, "utf8");
  const name = a.name.replace(/\.[A-Za-z0-9]+$/, "") + ".txt";
  const mime = "text/plain; charset=utf-8";
  // No RETURNING: the system may not read an attachment back until an item refers to it.
  const id = randomUUID();
  await trx
    .insertInto("disclosure_attachments")
    .values({ tenant_id: tenantId, id, name, mime, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), bytes, text: a.text })
    .execute();
  return { id, name, mime, size: bytes.length, text: a.text };
}
