import { sql } from "kysely";

import { isUuid } from "../../../app/plugin-api";
import type { AttachmentRef, Validity } from "./item-schema";
import type { DisclosureTransaction } from "./context";

/** A published (or withdrawn) disclosure record, as the portal and the staff lists show it. */
export interface Item {
  id: string;
  documentId: string | null;
  indexNumber: string;
  categoryKey: string;
  listRowKey: string | null;
  title: string;
  /** 内容概述; null for items published without one. */
  summary: string | null;
  issuer: string;
  docNumber: string | null;
  writtenOn: string;
  formedOn: string;
  publishedOn: string;
  topic: string;
  attribute: "proactive" | "on_request";
  validity: Validity | null;
  validFrom: string | null;
  endedOn: string | null;
  bodyHtml: string;
  attachments: (AttachmentRef & { redacted?: boolean })[];
  interpretsId: string | null;
  status: "published" | "withdrawn";
  withdrawnOn: string | null;
  withdrawalReason: string | null;
  version: number;
  updatedAt: Date;
  /** Where an item another plugin fed through the catalogue extension point came from; null for the catalogue's own. */
  source: ItemSource | null;
}

/** The plugin and record a fed item came from, its own public page and the files it serves. */
export interface ItemSource {
  pluginId: string;
  recordId: string;
  version: number;
  url: string;
  attachments: { name: string; url: string; mime?: string; size?: number }[];
}

const iso = (d: unknown): string | null => (d === null || d === undefined ? null : d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row of disclosure_items
export function toItem(r: any): Item {
  return {
    id: r.id,
    documentId: r.document_id,
    indexNumber: r.index_number,
    categoryKey: r.category_key,
    listRowKey: r.list_row_key,
    title: r.title,
    summary: r.summary ?? null,
    issuer: r.issuer,
    docNumber: r.doc_number,
    writtenOn: iso(r.written_on)!,
    formedOn: iso(r.formed_on)!,
    publishedOn: iso(r.published_on)!,
    topic: r.topic,
    attribute: r.attribute,
    validity: r.validity,
    validFrom: iso(r.valid_from),
    endedOn: iso(r.ended_on),
    bodyHtml: r.body_html,
    attachments: r.attachments,
    interpretsId: r.interprets_id,
    status: r.status,
    withdrawnOn: iso(r.withdrawn_on),
    withdrawalReason: r.withdrawal_reason,
    version: r.version,
    updatedAt: r.updated_at,
    source: r.source_plugin
      ? { pluginId: r.source_plugin, recordId: r.source_id, version: r.source_version, url: r.source_url, attachments: r.source_attachments ?? [] }
      : null,
  };
}

export interface ItemFilters {
  categoryKeys?: string[];
  year?: number;
  issuer?: string;
  docNumber?: string;
  validity?: Validity;
  status?: "published" | "withdrawn";
  /** Only these ids (e.g. search hits), in any order. */
  ids?: string[];
}

/** Items matching the filters, newest first, one page of them, and how many match in all. */
export async function listItems(
  trx: DisclosureTransaction,
  tenantId: string,
  filters: ItemFilters,
  page: { limit: number; offset: number },
): Promise<{ items: Item[]; total: number }> {
  let q = trx.selectFrom("disclosure_items").where("tenant_id", "=", tenantId);
  if (filters.categoryKeys) q = q.where("category_key", "in", filters.categoryKeys.length ? filters.categoryKeys : ["-"]);
  if (filters.year) q = q.where("published_on", ">=", `${filters.year}-01-01`).where("published_on", "<=", `${filters.year}-12-31`);
  if (filters.issuer) q = q.where("issuer", "=", filters.issuer);
  if (filters.docNumber) q = q.where("doc_number", "ilike", `%${filters.docNumber.replace(/[\\%_]/g, "\\$&")}%`);
  if (filters.validity) q = q.where("validity", "=", filters.validity);
  if (filters.status) q = q.where("status", "=", filters.status);
  if (filters.ids) q = q.where("id", "in", filters.ids.filter(isUuid).length ? filters.ids.filter(isUuid) : ["00000000-0000-0000-0000-000000000000"]);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy("published_on", "desc").orderBy("index_number", "desc").limit(page.limit).offset(page.offset).execute(),
    q.select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toItem), total: Number(count.n) };
}

export async function itemById(trx: DisclosureTransaction, tenantId: string, id: string): Promise<Item | null> {
  if (!isUuid(id)) return null;
  const row = await trx.selectFrom("disclosure_items").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row ? toItem(row) : null;
}

/** The interpretations of a policy, and the policy an interpretation explains: the link both ways. */
export async function relatedItems(trx: DisclosureTransaction, tenantId: string, item: Item): Promise<{ interpretations: Item[]; policy: Item | null }> {
  const interpretations = await trx
    .selectFrom("disclosure_items")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("interprets_id", "=", item.id)
    .where("status", "=", "published")
    .orderBy("published_on", "desc")
    .execute();
  const policy = item.interpretsId ? await itemById(trx, tenantId, item.interpretsId) : null;
  return { interpretations: interpretations.map(toItem), policy };
}

/*
 * The search filter's choices are few (a handful of issuers, a few years) among tens of thousands
 * of items: both are read by skipping through an index from one value to the next, a few probes
 * each, instead of reading every item of the office (~40 ms at 17,000 items on every search page).
 */

/** The issuers an office has published under, for the search filter. */
export async function issuersOf(trx: DisclosureTransaction, tenantId: string): Promise<string[]> {
  const { rows } = await sql<{ issuer: string }>`
    WITH RECURSIVE issuers(issuer) AS (
      (SELECT issuer FROM disclosure_items WHERE tenant_id = ${tenantId} ORDER BY issuer LIMIT 1)
      UNION ALL
      SELECT (SELECT d.issuer FROM disclosure_items d WHERE d.tenant_id = ${tenantId} AND d.issuer > issuers.issuer ORDER BY d.issuer LIMIT 1)
      FROM issuers WHERE issuers.issuer IS NOT NULL
    )
    SELECT issuer FROM issuers WHERE issuer IS NOT NULL`.execute(trx);
  return rows.map((r) => r.issuer);
}

/**
 * Years with publications, newest first. Each step compares dates only: a function in the
 * condition (make_date) is not LEAKPROOF, so under row-level security it could not be an index
 * condition and every step read the office's items again.
 */
export async function yearsOf(trx: DisclosureTransaction, tenantId: string): Promise<number[]> {
  const { rows } = await sql<{ y: number }>`
    WITH RECURSIVE years(starts) AS (
      (SELECT date_trunc('year', published_on)::date FROM disclosure_items WHERE tenant_id = ${tenantId} ORDER BY published_on DESC LIMIT 1)
      UNION ALL
      SELECT (
        SELECT date_trunc('year', d.published_on)::date FROM disclosure_items d
        WHERE d.tenant_id = ${tenantId} AND d.published_on < years.starts
        ORDER BY d.published_on DESC LIMIT 1
      )
      FROM years WHERE years.starts IS NOT NULL
    )
    SELECT extract(year FROM starts)::int AS y FROM years WHERE starts IS NOT NULL`.execute(trx);
  return rows.map((r) => Number(r.y));
}
