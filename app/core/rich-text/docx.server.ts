import mammoth from "mammoth";
import { sanitizeRichText } from "./sanitize.server";

/** Word's heading levels one below ours: the page's title is the h1. */
const STYLE_MAP = [
  "p[style-name='Title'] => h2:fresh",
  "p[style-name='heading 1'] => h2:fresh",
  "p[style-name='heading 2'] => h3:fresh",
  "p[style-name='heading 3'] => h4:fresh",
  "p[style-name='heading 4'] => h4:fresh",
];

export class NotADocxError extends Error {
  constructor(cause: unknown) {
    super("not a readable .docx file", { cause });
    this.name = "NotADocxError";
  }
}

/** A .docx as rich text in the stored form: headings, paragraphs, lists, tables and links; images are left out. */
export async function docxToRichText(bytes: Uint8Array): Promise<string> {
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: "" })) },
    );
    return sanitizeRichText(result.value);
  } catch (e) {
    throw new NotADocxError(e);
  }
}
