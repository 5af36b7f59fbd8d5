import { docxToBody, NotADocxError, plainTextToBody, sanitizeBody } from "../html";
import { MAX_ATTACHMENT_BYTES } from "./attachments.server";

/** What the body field held: typed text (the textarea, without JavaScript) or the editor's HTML. */
export const BODY_FORMATS = ["plain", "html"] as const;
export type BodyFormat = (typeof BODY_FORMATS)[number];

export type BodyInput = { ok: true; html: string } | { ok: false; field: "body" | "bodyFormat" | "bodyFile"; error: string };

const isDocx = (f: File) => /\.docx$/i.test(f.name) || f.type === "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * The body in its stored form, from whichever the drafter gave: a .docx uploaded as the body
 * (converted on the server, through the same sanitiser), else the field as its format says —
 * typed text gets paragraphs by the one rule, the editor's HTML is sanitised.
 */
export async function bodyInput(text: string, format: string | undefined, file: FormDataEntryValue | null): Promise<BodyInput> {
  if (file instanceof File && file.size > 0) {
    if (!isDocx(file)) return { ok: false, field: "bodyFile", error: "disclosure:staff.editor.errors.bodyFileType" };
    if (file.size > MAX_ATTACHMENT_BYTES) return { ok: false, field: "bodyFile", error: "disclosure:staff.editor.errors.bodyFileSize" };
    try {
      return { ok: true, html: await docxToBody(new Uint8Array(await file.arrayBuffer())) };
    } catch (e) {
      if (e instanceof NotADocxError) return { ok: false, field: "bodyFile", error: "disclosure:staff.editor.errors.bodyFileUnreadable" };
      throw e;
    }
  }
  const f = format || "plain";
  if (!(BODY_FORMATS as readonly string[]).includes(f)) return { ok: false, field: "bodyFormat", error: "errors.invalid" };
  return { ok: true, html: sanitizeBody(f === "plain" ? plainTextToBody(text) : text) };
}

const TEXT_ONLY = /^(?:<p>(?:[^<]|<br \/>)*<\/p>)*$/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e]!);

/**
 * The stored body as the textarea shows it without JavaScript: typed text when the body is only
 * paragraphs and line breaks (typing it again gives the same body), else its HTML, so saving the
 * page without the editor loses no table or list.
 */
export function editableBody(html: string): { value: string; format: BodyFormat } {
  // A draft from before the editor holds its text as typed (escaped by the sanitiser).
  if (!/<[a-z]/i.test(html)) return { value: unescape(html), format: "plain" };
  if (TEXT_ONLY.test(html)) {
    const text = html
      .replace(/<\/p><p>/g, "\n\n")
      .replace(/<br \/>/g, "\n")
      .replace(/<\/?p>/g, "");
    if (sanitizeBody(plainTextToBody(unescape(text))) === html) return { value: unescape(text), format: "plain" };
  }
  return { value: html, format: "html" };
}
