import { sql, type Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { highlight, snippet, type Segment } from "./snippet";
import { parseQuery, phrasesToTsquery, toDocumentText } from "./tokenize";

/**
 * The search index: one row per indexed thing, owned by a `source`. Owners index only what the
 * readers of the index may see (the public portal searches it), and remove a row when that stops
 * being true; row-level security keeps each tenant's rows to the tenants that may read them.
 */

/** What a plugin declares it indexes: `key` is the `source` of its rows, e.g. "disclosure.item". */
export interface SearchSource {
  key: string;
  /** i18n key of the name shown beside results and in the source filter. */
  label: string;
}

export interface SearchDocument {
  tenantId: string;
  source: string;
  sourceId: string;
  title: string;
  body: string;
  url: string;
  publishedAt: Date | null;
  /** The thing's own reference (a disclosure item's 索引号), shown beside it; not searched. */
  reference?: string | null;
}

export interface SearchHit {
  tenantId: string;
  source: string;
  sourceId: string;
  url: string;
  publishedAt: Date | null;
  reference: string | null;
  title: string;
  /** The whole title with matches marked. */
  titleSegments: Segment[];
  /** An excerpt of the body around the matches; see `snippet`. */
  snippet: Segment[];
  rank: number;
}

export interface SearchResults {
  total: number;
  hits: SearchHit[];
}

export interface SearchQuery {
  q: string;
  /** Only rows of these sources; all sources when absent. */
  sources?: readonly string[];
  limit: number;
  offset: number;
}

const MAX_LIMIT = 100;

type Trx = Transaction<CoreDatabase>;

/** Adds or replaces a row; call it in the transaction that publishes or changes the thing. */
export function indexDocument(trx: Trx, doc: SearchDocument): Promise<void> {
  return indexDocuments(trx, [doc]);
}

/** Adds or replaces many rows, a few hundred per statement (an import indexes thousands at once). */
export async function indexDocuments(trx: Trx, docs: readonly SearchDocument[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 500) {
    const rows = docs.slice(i, i + 500).map((doc) => ({
      tenant_id: doc.tenantId,
      source: doc.source,
      source_id: doc.sourceId,
      title: doc.title,
      body: doc.body,
      url: doc.url,
      published_at: doc.publishedAt,
      reference: doc.reference ?? null,
      tokens: toDocumentText(doc.title, doc.body),
    }));
    await trx
      .insertInto("search_documents")
      .values(rows)
      .onConflict((oc) =>
        oc.columns(["tenant_id", "source", "source_id"]).doUpdateSet((eb) => ({
          title: eb.ref("excluded.title"),
          body: eb.ref("excluded.body"),
          url: eb.ref("excluded.url"),
          published_at: eb.ref("excluded.published_at"),
          reference: eb.ref("excluded.reference"),
          tokens: eb.ref("excluded.tokens"),
        })),
      )
      .execute();
  }
}

/** Removes a row (unpublished, withdrawn, deleted); removing an absent row is not an error. */
export async function removeDocument(trx: Trx, key: { tenantId: string; source: string; sourceId: string }): Promise<void> {
  await trx
    .deleteFrom("search_documents")
    .where("tenant_id", "=", key.tenantId)
    .where("source", "=", key.source)
    .where("source_id", "=", key.sourceId)
    .execute();
}

/**
 * Rows of the readable tenants matching every term of `q`, most relevant first (cover density,
 * so adjacent and repeated matches count), then newest. Input that holds nothing searchable
 * yields no results, never an error.
 */
export async function search(trx: Trx, query: SearchQuery): Promise<SearchResults> {
  const phrases = parseQuery(query.q);
  const tsquery = phrasesToTsquery(phrases);
  if (!tsquery || query.sources?.length === 0) return { total: 0, hits: [] };
  const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(query.limit) || 1));
  const offset = Math.max(0, Math.floor(query.offset) || 0);

  const q = sql`to_tsquery('simple', ${tsquery})`;
  let matches = trx.selectFrom("search_documents").where(sql<boolean>`tsv @@ ${q}`);
  if (query.sources) matches = matches.where("source", "in", query.sources);

  // Rank and count narrow rows, then read the wide columns (title, body) of one page only: carrying
  // every match's body through the count and the sort spilled to disk for a common 2-character term.
  const ranked = matches
    .select([
      "tenant_id",
      "source",
      "source_id",
      "published_at",
      sql<number>`ts_rank_cd(tsv, ${q})`.as("rank"),
      sql<number>`count(*) OVER ()`.as("total"),
    ])
    .orderBy("rank", "desc")
    .orderBy("published_at", (ob) => ob.desc().nullsLast())
    .orderBy("source")
    .orderBy("source_id")
    .limit(limit)
    .offset(offset);
  const rows = await trx
    .with("ranked", () => ranked)
    .selectFrom("ranked")
    .innerJoin("search_documents as d", (join) =>
      join.onRef("d.tenant_id", "=", "ranked.tenant_id").onRef("d.source", "=", "ranked.source").onRef("d.source_id", "=", "ranked.source_id"),
    )
    .select(["d.tenant_id", "d.source", "d.source_id", "d.title", "d.body", "d.url", "d.published_at", "d.reference", "ranked.rank", "ranked.total"])
    .orderBy("ranked.rank", "desc")
    .orderBy("ranked.published_at", (ob) => ob.desc().nullsLast())
    .orderBy("ranked.source")
    .orderBy("ranked.source_id")
    .execute();

  // Past the last page the window count is absent; count separately only then.
  const total =
    rows.length > 0
      ? Number(rows[0]!.total)
      : offset > 0
        ? Number((await matches.select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()).n)
        : 0;

  return {
    total,
    hits: rows.map((r) => ({
      tenantId: r.tenant_id,
      source: r.source,
      sourceId: r.source_id,
      url: r.url,
      publishedAt: r.published_at,
      reference: r.reference,
      title: r.title,
      titleSegments: highlight(r.title, phrases),
      snippet: snippet(r.body, phrases),
      rank: Number(r.rank),
    })),
  };
}
