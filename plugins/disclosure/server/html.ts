import sanitizeHtml from "sanitize-html";

/**
 * The body of a disclosure item is rich text from an editor or an imported document. Only
 * structure survives: paragraphs, lists, tables, emphasis and plain links; no scripts, styles,
 * classes or images embedded from elsewhere.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "h3", "h4", "ol", "ul", "li", "strong", "em", "b", "i", "u", "table", "thead", "tbody", "tr", "th", "td", "caption", "blockquote", "a"],
  allowedAttributes: { a: ["href"], th: ["colspan", "rowspan", "scope"], td: ["colspan", "rowspan"] },
  allowedSchemes: ["http", "https", "mailto"],
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer" }) },
};

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Plain text of a body, for search and summaries. */
export function bodyText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|li|tr|h3|h4|blockquote)>/g, "$&\n"), { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
