import { chinaDate, type PluginCoreServices } from "../../../../app/plugin-api";
import type { RequestsTransaction } from "../context";

export interface Suggestion {
  title: string;
  url: string;
  /** 'YYYY-MM-DD' in China, when the item says when it was published. */
  publishedOn: string | null;
}

export const SUGGESTION_LIMIT = 5;
const SOURCES = ["disclosure.item"];

// Words that join a title's parts (关于…的通知, A和B); a title split there gives shorter terms to try.
const JOINERS = /[\s\p{P}\p{S}]+|\d+[年月日号]?|关于|有关|的|和|与|及|或/u;

/**
 * The search terms tried in turn: the 文号 as one phrase, the subject as typed, then the subject's
 * parts. The search needs every term of a query, so a long subject alone often finds nothing.
 */
export function suggestionQueries(subject: string, docNumber: string): string[] {
  const queries = [docNumber.trim() ? `"${docNumber.trim().replace(/"/g, "")}"` : "", subject.trim()];
  const parts = subject.split(new RegExp(JOINERS, "gu")).filter((p) => [...p].length >= 2);
  if (parts.length > 1) queries.push(...parts);
  return [...new Set(queries.filter(Boolean))].slice(0, 6);
}

/** Published disclosure items that may already answer the application, best first, at most five. */
export async function suggestPublished(search: PluginCoreServices["search"], trx: RequestsTransaction, subject: string, docNumber: string): Promise<Suggestion[]> {
  const found = new Map<string, Suggestion>();
  for (const q of suggestionQueries(subject, docNumber)) {
    const { hits } = await search.query(trx, { q, sources: SOURCES, limit: SUGGESTION_LIMIT });
    for (const h of hits) {
      if (!found.has(h.url)) found.set(h.url, { title: h.title, url: h.url, publishedOn: h.publishedAt ? chinaDate(new Date(h.publishedAt)) : null });
    }
    if (found.size >= SUGGESTION_LIMIT) break;
  }
  return [...found.values()].slice(0, SUGGESTION_LIMIT);
}

