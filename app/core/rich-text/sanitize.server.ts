import sanitizeHtml from "sanitize-html";
import { cleanOfficeHtml } from "./word-paste";

const SPAN = /^[1-9]\d{0,2}$/;

/** A cell's span only when it spans something (the editor writes colspan="1" on every cell). */
function cell(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const kept: sanitizeHtml.Attributes = {};
  for (const k of ["colspan", "rowspan"]) if (SPAN.test(attribs[k] ?? "") && attribs[k] !== "1") kept[k] = attribs[k]!;
  return { tagName, attribs: kept };
}

/**
 * The one stored form of rich text: headings (h2–h4, below the page's own h1), paragraphs, lists,
 * tables with their spans, emphasis and links to http, https or mailto. Nothing else — no class,
 * style, script, image or frame — survives.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["h2", "h3", "h4", "p", "br", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a", "strong", "em", "u"],
  allowedAttributes: { a: ["href"], th: ["colspan", "rowspan"], td: ["colspan", "rowspan"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  transformTags: { b: "strong", i: "em", h1: "h2", h5: "h4", h6: "h4", tfoot: "tbody", th: cell, td: cell },
  // An empty paragraph (Word's <p>&nbsp;</p>, the editor's blank line) is spacing, not text.
  exclusiveFilter: (frame) => frame.tag === "p" && !frame.text.replace(/[\s\u00a0\u3000]/g, "") && !frame.mediaChildren.length,
  nonTextTags: ["style", "script", "textarea", "option", "noscript", "title", "head"],
};

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(cleanOfficeHtml(html), OPTIONS).trim();
}
