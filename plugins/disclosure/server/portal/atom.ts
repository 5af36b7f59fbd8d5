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
  </entry>
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
