import type { MetaDescriptor } from "@remix-run/node";
import type { Head } from "../../../server/portal/head";

/** The <head> tags of a portal page from the loader's `head`: title, canonical link, description, feeds, JSON-LD. */
export function headTags(head: Head | undefined): MetaDescriptor[] {
  if (!head) return [];
  return [
    { title: head.title },
    { tagName: "link", rel: "canonical", href: head.canonical },
    ...(head.description ? [{ name: "description", content: head.description }] : []),
    ...(head.feeds ?? []).map((f) => ({ tagName: "link", rel: "alternate", type: "application/atom+xml", title: f.title, href: f.href })),
    ...(head.noindex ? [{ name: "robots", content: "noindex, follow" }] : []),
    ...(head.jsonLd ? [{ "script:ld+json": head.jsonLd }] : []),
  ];
}
