/** Rich text for plugins: the one stored form, its rendition, and the conversions into it. */
export { docxToRichText, NotADocxError, plainTextToHtml, renderRichText, richTextToText, sanitizeRichText } from "../core/rich-text/index.server";
