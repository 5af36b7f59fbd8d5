import { chinaDate, type Locale } from "../../../../app/plugin-api";
import { ALREADY_PUBLISHED } from "../../law/already-published";
import { applicationById, type ApplicationRow } from "../applications.server";
import { draftNotice, type DraftResult } from "../notices.server";
import { suggestionQueries } from "../public/suggest.server";
import { compose } from "./compose.server";
import { applicationView } from "./view.server";
import type { RequestsContext, RequestsTransaction } from "../context";

/** Published items any office's disclosure plugin indexes for the public search. */
const SOURCES = ["disclosure.item"];
export const PUBLISHED_LIMIT = 20;
export const MAX_QUERY = 200;

/** A published item the officer may cite: what the search index says of it, never what a form says. */
export interface PublishedItem {
  sourceId: string;
  title: string;
  url: string;
  /** 索引号; null for an item indexed before the index kept it. */
  reference: string | null;
  publishedOn: string | null;
}

/** The searches tried: the officer's words, or else the application's 文号 and subject and their parts. */
export function publishedQueries(app: Pick<ApplicationRow, "subject" | "doc_number">, q: string): string[] {
  return q.trim() ? [q.trim()] : suggestionQueries(app.subject, app.doc_number ?? "");
}

/** Published items matching the searches, best first, at most PUBLISHED_LIMIT. */
export async function findPublished(ctx: Pick<RequestsContext, "search">, trx: RequestsTransaction, queries: readonly string[]): Promise<PublishedItem[]> {
  const found = new Map<string, PublishedItem>();
  for (const q of queries) {
    const { hits } = await ctx.search.query(trx, { q, sources: SOURCES, limit: PUBLISHED_LIMIT });
    for (const h of hits) {
      if (!found.has(h.sourceId)) found.set(h.sourceId, { sourceId: h.sourceId, title: h.title, url: h.url, reference: h.reference, publishedOn: h.publishedAt ? chinaDate(new Date(h.publishedAt)) : null });
    }
    if (found.size >= PUBLISHED_LIMIT) break;
  }
  return [...found.values()].slice(0, PUBLISHED_LIMIT);
}

/** The reply may be drafted now (the rules' `notice.reply` step), else 409 as the notice editor does. */
export async function replyableApplication(ctx: RequestsContext, trx: RequestsTransaction, id: string | undefined) {
  const view = await applicationView(ctx, trx, id);
  if (!view.steps.includes("notice.reply")) throw new Response("Conflict", { status: 409 });
  return { view, app: (await applicationById(trx, view.application.id))! };
}

const fill = (template: string, vars: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? "");

/** An item as the letter lists it: title, 索引号, and the address a reader opens (absolute when the office has a public origin). */
export function itemLine(item: PublishedItem, locale: Locale, origin: string | null): string {
  return fill(ALREADY_PUBLISHED.line[locale], { title: item.title, reference: item.reference ?? "—", url: origin ? `${origin}${item.url}` : item.url });
}

export type PublishedAnswer = DraftResult | { ok: false; error: string; field: "item" };

/**
 * 已主动公开 in one step (条例第三十六条第（一）项): the items picked among the search's results are
 * listed in a （一）予以公开 reply with their 索引号 and addresses, drafted from the office's reply
 * template in the applicant's language and submitted to the approval chain like any reply.
 */
export async function draftPublishedAnswer(ctx: RequestsContext, trx: RequestsTransaction, id: string | undefined, input: { q: string; picked: readonly string[] }): Promise<PublishedAnswer> {
  const { view, app } = await replyableApplication(ctx, trx, id);
  const wanted = new Set(input.picked);
  if (wanted.size === 0) return { ok: false, field: "item", error: "requests:publishedAnswer.errors.pickOne" };
  const items = (await findPublished(ctx, trx, publishedQueries(app, input.q))).filter((i) => wanted.has(i.sourceId));
  // Only what the search gives is cited: an id it did not give (another office's, made up) refuses the step.
  if (items.length !== wanted.size) return { ok: false, field: "item", error: "requests:publishedAnswer.errors.unknownItem" };
  const letterLocale = app.locale as Locale;
  const values = { replyType: ALREADY_PUBLISHED.replyType, obtain: ALREADY_PUBLISHED.obtain[letterLocale], note: ALREADY_PUBLISHED.note[letterLocale], title: "", body: "" };
  const documents = items.map((i) => itemLine(i, letterLocale, ctx.publicOrigin));
  const composed = await compose(ctx, trx, app, view, "reply", values, { keepBody: false, letterLocale, documents });
  if (!composed.ok) return { ok: false, field: "item", error: Object.values(composed.errors)[0]?.[0] ?? "errors.invalid" };
  const drafted = await draftNotice(ctx, trx, app, { kind: "reply", title: composed.title, payload: composed.payload });
  if (drafted.ok) {
    await ctx.audit(trx, {
      action: "requests.reply.already_published",
      target: { type: "requests_application", id: app.id },
      data: { items: items.map((i) => ({ sourceId: i.sourceId, reference: i.reference })), basis: ALREADY_PUBLISHED.source },
    });
  }
  return drafted;
}
