/**
 * Files for plugins: the kind of an upload read from its content, its kind's name for people, its extractable text for the
 * 保密审查 scan, a download's Content-Disposition, and the sample PDF of demos and tests. Kept apart
 * from `loaders.server` so that code a manifest reaches (hooks, seeds) never loads the request
 * machinery: the route config evaluates every manifest when the app is built.
 */
export { cellText, extractFileText, fileKind, FILE_KINDS, type FileKind } from "../core/files/extract-text.server";
export { contentDisposition } from "../core/files/content-disposition";
export { pdfWithText } from "../core/files/sample-pdf";
export { chinesePdf } from "../core/files/chinese-pdf.server";
export { documentKindName } from "../core/files/kind-names.server";
export { documentKind, humanSize, type DocumentKind } from "../core/files/kinds";
