import type { PluginRequestContext } from "../../../../app/plugin-api";
import type { Item } from "../items.server";

/** What every portal page needs to draw its frame: the office's code and names. */
export function portalOf(ctx: PluginRequestContext) {
  return { code: ctx.tenant.code, name: ctx.tenant.name };
}
export type Portal = ReturnType<typeof portalOf>;

/** An item as a list row shows it; lists never carry the body to the page. */
export function listed(item: Item) {
  return {
    id: item.id,
    title: item.title,
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

/** The page number asked for; anything that is not a positive integer is the first page. */
export function pageOf(url: URL): number {
  const n = Number(url.searchParams.get("page"));
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

export const PAGE_SIZE = 20;
