/**
 * The body of a disclosure item is rich text in the platform's one stored form (see
 * app/core/rich-text): what the editor, a .docx, an import cell or typed text become, and the one
 * rendition every reader sees — the drafter's preview, the reviewers, the public page, feed and API.
 */
export {
  docxToRichText as docxToBody,
  NotADocxError,
  plainTextToHtml as plainTextToBody,
  renderRichText as renderBody,
  richTextToText as bodyText,
  sanitizeRichText as sanitizeBody,
} from "../../../app/plugin-api/rich-text.server";
