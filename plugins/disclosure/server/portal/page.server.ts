import { z } from "zod";

import { requireQuery } from "../../../../app/plugin-api/loaders.server";
import type { Item } from "../items.server";
import type { DisclosureContext } from "../context";

/** What every portal page needs to draw its frame: the office's code and names. */
export function portalOf(ctx: DisclosureContext) {
  return { code: ctx.tenant.code, name: ctx.tenant.name };
}
export type Portal = ReturnType<typeof portalOf>;

/** A list shows the start of a 内容概述 under the title, as Chinese portals do; the item page shows it whole. */
const LISTED_SUMMARY = 60;

/** An item as a list row shows it; lists never carry the body to the page. */
export function listed(item: Item) {
  const summary = item.summary && item.summary.length > LISTED_SUMMARY ? `${item.summary.slice(0, LISTED_SUMMARY)}…` : item.summary;
  return {
    id: item.id,
    title: item.title,
    summary,
    indexNumber: item.indexNumber,
    docNumber: item.docNumber,
    issuer: item.issuer,
    publishedOn: item.publishedOn,
    validity: item.validity,
  };
}
export type ListedItem = ReturnType<typeof listed>;

export function notFound(): Response {
  return new Response("Not Found", { status: 404 });
}

const PageQuery = z.object({ page: z.union([z.literal(""), z.coerce.number().int().min(1).max(100_000)]).optional() });

/** The page number asked for (none or empty: the first); anything else, a control character included, is a 400. */
export function pageOf(url: URL): number {
  return requireQuery(PageQuery, url.searchParams).page || 1;
}

export const PAGE_SIZE = 20;
