export { docxToRichText, NotADocxError } from "./docx.server";
export { escapeText, plainTextToHtml } from "./plain-text";
export { renderRichText, richTextToText } from "./render.server";
export { sanitizeRichText } from "./sanitize.server";
export { cleanOfficeHtml } from "./word-paste";
