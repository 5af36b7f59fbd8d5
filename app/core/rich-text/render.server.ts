import { paragraphs } from "./plain-text";
import { sanitizeRichText } from "./sanitize.server";

/** Any block element: a body without one was stored as plain text, before the editor. */
const BLOCK = /<(p|h[1-6]|ul|ol|li|table|div|blockquote|br)\b/i;

/**
 * The published rendition of a stored rich text — the one function behind the editor's preview,
 * the reviewers' document page, the public page, the feed and the API, so all of them show the same
 * HTML. Redactions are applied to the text before it (core's renderDocument), never after.
 * A body stored as plain text gets its paragraphs by the same rule as typed text.
 */
export function renderRichText(stored: string): string {
  return sanitizeRichText(BLOCK.test(stored) ? stored : paragraphs(stored));
}

const ENTITIES: Record<string, string> = { nbsp: " ", lt: "<", gt: ">", quot: '"', "#39": "'", amp: "&" };

/** The text of a rich text, a line per block, for search, feeds and summaries. */
export function richTextToText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<(ul|ol)>/gi, "\n")
    .replace(/<\/(p|li|tr|h\d|blockquote|table|ul|ol)>/gi, "$&\n")
    .replace(/<\/t[dh]>/gi, "\t")
    .replace(/<[^>]*>/g, "")
    .replace(/&(nbsp|lt|gt|quot|#39|amp);/g, (_, e: string) => ENTITIES[e]!)
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
