import { createHash } from "node:crypto";

/** Characters XML 1.0 cannot carry at all; they are dropped rather than escaped. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export interface AtomEntry {
  id: string;
  title: string;
  url: string;
  published: string;
  updated: string;
  author: string;
  category: { term: string; label: string } | null;
  summary: string;
  /** The item's published body (the one rendition), as escaped HTML content. */
  contentHtml: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  selfUrl: string;
  pageUrl: string;
  lang: string;
  author: string;
  updated: string;
  entries: AtomEntry[];
}

/**
 * A feed's `<id>`, which must be an absolute IRI: its own URL when the host gives an origin, else a
 * name-based UUID (RFC 9562 version 5) of the tenant and the feed, as stable as the URL would be.
 */
export function feedId(selfUrl: string, tenantId: string, key: string): string {
  if (/^https?:\/\//.test(selfUrl)) return selfUrl;
  const h = createHash("sha1").update(Buffer.from(tenantId.replace(/-/g, ""), "hex")).update(`disclosure/feeds/${key}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `urn:uuid:${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** An Atom 1.0 document (RFC 4287). Dates are RFC 3339 strings. */
export function atomFeed(feed: AtomFeed): string {
  const x = escapeXml;
  const entries = feed.entries.map(
    (e) => `  <entry>
    <id>${x(e.id)}</id>
    <title type="text">${x(e.title)}</title>
    <link rel="alternate" type="text/html" href="${x(e.url)}"/>
    <published>${x(e.published)}</published>
    <updated>${x(e.updated)}</updated>
    <author><name>${x(e.author)}</name></author>
${e.category ? `    <category term="${x(e.category.term)}" label="${x(e.category.label)}"/>\n` : ""}    <summary type="text">${x(e.summary)}</summary>
${e.contentHtml ? `    <content type="html">${x(e.contentHtml)}</content>\n` : ""}  </entry>
`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(feed.lang)}">
  <id>${x(feed.id)}</id>
  <title type="text">${x(feed.title)}</title>
  <subtitle type="text">${x(feed.subtitle)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${x(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${x(feed.pageUrl)}"/>
  <updated>${x(feed.updated)}</updated>
  <author><name>${x(feed.author)}</name></author>
${entries.join("")}</feed>
`;
}
