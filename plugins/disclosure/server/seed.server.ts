import { createHash, randomUUID } from "node:crypto";

import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import ExcelJS from "exceljs";

import { chinesePdf, extractFileText, FILE_KINDS } from "../../../app/plugin-api/files.server";
import { demoItems, type DemoAttachment, type DemoItem } from "../data/demo-items";
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

/**
 * A demo attachment is a real file, written here as an office would have saved it: a PDF, a Word
 * file or a workbook. Its text is what an upload of that file gets: the text extracted from it,
 * which search and the 保密审查 scan read.
 */
async function storeDemoAttachment(trx: DisclosureTransaction, tenantId: string, a: DemoAttachment) {
  const bytes = await demoFile(a);
  const text = await extractFileText(a.kind, bytes);
  const mime = FILE_KINDS[a.kind].mime;
  // No RETURNING: the system may not read an attachment back until an item refers to it.
  const id = randomUUID();
  const stored = Buffer.from(bytes);
  await trx
    .insertInto("disclosure_attachments")
    .values({ tenant_id: tenantId, id, name: a.name, mime, size: stored.length, sha256: createHash("sha256").update(stored).digest("hex"), bytes: stored, text })
    .execute();
  return { id, name: a.name, mime, size: stored.length, text };
}

async function demoFile(a: DemoAttachment): Promise<Uint8Array> {
  if (a.kind === "xlsx") return demoXlsx(a.sheet, a.rows);
  return a.kind === "pdf" ? chinesePdf({ title: a.title, paragraphs: a.paragraphs }) : demoDocx(a.title, a.paragraphs);
}

async function demoXlsx(name: string, rows: string[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(name);
  rows.forEach((r) => sheet.addRow(r));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c, i) => (c.width = Math.max(6, ...rows.map((r) => (r[i] ?? "").length * 2 + 2))));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A Word form: the title, then each "标签：内容" paragraph as a row of a two-column table. */
async function demoDocx(title: string, paragraphs: string[]): Promise<Uint8Array> {
  const font = { eastAsia: "仿宋_GB2312", ascii: "Times New Roman", hAnsi: "Times New Roman" };
  const cell = (text: string, width: number) =>
    new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [new TextRun({ text, font, size: 28 })] })] });
  const rows = paragraphs.map((p) => {
    const [label, ...rest] = p.split("：");
    return new TableRow({ children: [cell(label!, 35), cell(rest.join("："), 65)] });
  });
  const doc = new Document({
    creator: "Gongkai",
    title,
    sections: [
      {
        properties: { page: { margin: { top: "37mm", bottom: "35mm", left: "28mm", right: "26mm" } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: title, bold: true, size: 36, font: { ...font, eastAsia: "方正小标宋简体" } })] }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
