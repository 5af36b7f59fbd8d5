import { z } from "zod";
import { isCalendarDate } from "../../core/calendar/dates";
import { extensionPoint } from "./point";

/*
 * The catalogue (政府信息公开目录) as an extension point: the disclosure plugin offers it, and any
 * plugin whose documents are published (an annual report, a 名录, a 督察 ledger, a draw's results)
 * puts them in the office's catalogue under a category, with a 索引号 from the office's one
 * gapless sequence — without importing the disclosure plugin. What is fed has passed the feeder's
 * own approval chain and 保密审查: send the published rendition (redactions applied), never the
 * original; the catalogue publishes it at once.
 */

const E = "core:extensions.catalogue.errors";
const date = z.string().refine(isCalendarDate, `${E}.date`);
const optionalText = (max: number) => z.string().trim().max(max, `${E}.tooLong`).optional().transform((v) => v || undefined);
/** A page of the portal (`/t/<office>/…`) or an absolute http(s) address; nothing a browser would run. */
const link = z
  .string()
  .trim()
  .max(2000, `${E}.tooLong`)
  .refine((v) => /^\/(?!\/)[^\s]*$/.test(v) || /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(v), `${E}.url`);

/** The categories of the statutory catalogue feeders use (an office may add its own below them). */
export const CATALOGUE_CATEGORIES = {
  /** 年度报告 (条例第四十九条、第五十条). */
  annualReport: "annual-report",
  /** 环境监管重点单位名录. */
  keyUnits: "supervision.key-units",
  /** 双随机抽查结果. */
  randomInspection: "supervision.random-inspection",
  /** 中央生态环境保护督察整改. */
  inspectionRectification: "supervision.inspection-rectification",
} as const;

/** A file the feeder serves itself, linked from the item page. */
export const CatalogueAttachment = z.object({
  name: z.string().trim().min(1, `${E}.attachmentName`).max(200, `${E}.tooLong`),
  url: link,
  mime: z.string().max(200).optional(),
  size: z.number().int().nonnegative().optional(),
});

/**
 * Publish a document in the catalogue, or — sent again for the same `source.recordId` — replace
 * the published item as a correction (same 索引号, version + 1, the earlier version kept and the
 * `correctionReason` shown on the item page, as for the catalogue's own corrections).
 */
export const CataloguePublication = z.object({
  action: z.literal("publish"),
  /** A category key of the office's catalogue, e.g. `CATALOGUE_CATEGORIES.annualReport`. */
  categoryKey: z.string().trim().min(1, `${E}.category`),
  title: z.string().trim().min(1, `${E}.title`).max(300, `${E}.tooLong`),
  /** 内容概述 (条例第十二条): a few sentences under the title. */
  summary: optionalText(500),
  /** 发布机构. */
  issuer: z.string().trim().min(1, `${E}.issuer`).max(100, `${E}.tooLong`),
  /** 文号, when the document has one. */
  docNumber: optionalText(100),
  /** 成文日期. */
  writtenOn: date,
  /** 发布日期; today in China when absent. */
  publishedOn: date.optional(),
  /** 主题分类 heading (zh-CN); 综合政务 when absent. */
  topic: optionalText(50),
  /** The body as HTML (sanitised by the catalogue); the item page shows it. Absent: the page links to `url`. */
  bodyHtml: z.string().max(500_000, `${E}.tooLong`).optional(),
  /** The feeder's own public page of the document: the item page links to it. */
  url: link,
  attachments: z.array(CatalogueAttachment).max(20, `${E}.tooMany`).default([]),
  /** The feeder's record (the item remembers it, with the caller's plugin id, as where it came from). */
  source: z.object({
    recordId: z.string().trim().min(1).max(200),
    /** The record's version (a corrected report is version 2). */
    version: z.number().int().positive(),
  }),
  /**
   * Required when the record is already in the catalogue: what changed (shown on the item page). A
   * correction keeps the item's 发布日期 (and its 成文日期 when `writtenOn` is later than that).
   */
  correctionReason: optionalText(500),
});

/** Withdraw (撤回) the item fed for this record: it leaves the lists and the search; its page says why. */
export const CatalogueWithdrawal = z.object({
  action: z.literal("withdraw"),
  source: z.object({ recordId: z.string().trim().min(1).max(200) }),
  reason: z.string().trim().min(1, `${E}.reason`).max(500, `${E}.tooLong`),
});

export const CatalogueInput = z.discriminatedUnion("action", [CataloguePublication, CatalogueWithdrawal]);
export type CatalogueInput = z.input<typeof CatalogueInput>;
export type CataloguePublication = z.output<typeof CataloguePublication>;
export type CatalogueWithdrawal = z.output<typeof CatalogueWithdrawal>;

/** The catalogue item, as the feeder keeps it beside its record. */
export interface CatalogueItemRef {
  itemId: string;
  /** 索引号, the same for every version of the item. */
  indexNumber: string;
  /** The item's public page, `/t/<office>/disclosure/items/<id>`. */
  url: string;
  version: number;
  status: "published" | "withdrawn";
}

/** `ctx.extensions.call(CATALOGUE, { action: "publish", … }, trx)` → the item with its 索引号. */
export const CATALOGUE = extensionPoint<typeof CatalogueInput, CatalogueItemRef>("disclosure.catalogue", CatalogueInput, {
  unavailable: "core:extensions.catalogue.unavailable",
});
