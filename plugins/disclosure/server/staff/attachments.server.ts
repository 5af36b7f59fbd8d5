import { createHash, randomUUID } from "node:crypto";

import { isUuid } from "../../../../app/plugin-api";
import { extractFileText, fileKind } from "../../../../app/plugin-api/files.server";
import { checkText, withoutForbiddenCharacters } from "../../../../app/plugin-api/loaders.server";
import type { AttachmentRef } from "../item-schema";
import type { DisclosureContext, DisclosureTransaction } from "../context";

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;

const KINDS = {
  pdf: { mime: "application/pdf", ext: /\.pdf$/i },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ext: /\.docx$/i },
  png: { mime: "image/png", ext: /\.png$/i },
  jpeg: { mime: "image/jpeg", ext: /\.jpe?g$/i },
} as const;
type Kind = keyof typeof KINDS;

/** What the file really is, by its first bytes and its name; null for anything else (old .doc, workbooks, executables…). */
export function attachmentKind(name: string, bytes: Uint8Array): Kind | null {
  return fileKind(name, bytes, ["pdf", "docx", "png", "jpeg"]) as Kind | null;
}

/** The text the 保密审查 scan reads: PDF text, the raw text of a Word file, nothing for an image. */
const textOf = (kind: Kind, bytes: Uint8Array) => extractFileText(kind, bytes);

export interface Upload {
  name: string;
  kind: Kind;
  bytes: Uint8Array;
  text: string;
}

/**
 * Reads the files of a form before anything is written: a refusal (too large, not a PDF, Word
 * file or image, unreadable) is an error key for the attachments field, and nothing is stored.
 */
export async function readUploads(files: FormDataEntryValue[]): Promise<{ uploads: Upload[]; errors: string[] }> {
  const uploads: Upload[] = [];
  const errors: string[] = [];
  for (const f of files) {
    if (typeof f === "string" || f.size === 0) continue;
    const named = checkText(f.name.replace(/^.*[\\/]/, "").slice(0, 200));
    // A name with an override (报告\u202Efdp.exe) would read as another file type.
    if (!named.ok) {
      errors.push(named.error);
      continue;
    }
    const name = named.value.trim() || "attachment";
    if (f.size > MAX_ATTACHMENT_BYTES) {
      errors.push("disclosure:staff.editor.errors.tooLarge");
      continue;
    }
    const bytes = new Uint8Array(await f.arrayBuffer());
    const kind = attachmentKind(name, bytes);
    if (!kind) {
      errors.push("disclosure:staff.editor.errors.fileType");
      continue;
    }
    try {
      uploads.push({ name, kind, bytes, text: withoutForbiddenCharacters(await textOf(kind, bytes)) });
    } catch {
      errors.push("disclosure:staff.editor.errors.unreadable");
    }
  }
  return { uploads, errors: [...new Set(errors)] };
}

/** Stores an uploaded file with its checksum and extracted text, audited in the same transaction. */
export async function storeUpload(ctx: Pick<DisclosureContext, "tenant" | "user" | "audit">, trx: DisclosureTransaction, u: Upload): Promise<AttachmentRef> {
  const id = randomUUID();
  const sha256 = createHash("sha256").update(u.bytes).digest("hex");
  const mime = KINDS[u.kind].mime;
  await trx
    .insertInto("disclosure_attachments")
    .values({ tenant_id: ctx.tenant.id, id, name: u.name, mime, size: u.bytes.length, sha256, bytes: Buffer.from(u.bytes), text: u.text, uploaded_by: ctx.user?.id ?? null })
    .execute();
  await ctx.audit(trx, { action: "disclosure.attachment.upload", target: { type: "disclosure_attachment", id }, data: { name: u.name, mime, size: u.bytes.length, sha256 } });
  return { id, name: u.name, mime, size: u.bytes.length, text: u.text };
}

/** The stored files with these ids, in the order given; unknown ids are dropped. */
export async function attachmentRefs(trx: DisclosureTransaction, tenantId: string, ids: string[]): Promise<AttachmentRef[]> {
  const wanted = [...new Set(ids.filter(isUuid))];
  if (!wanted.length) return [];
  const rows = await trx
    .selectFrom("disclosure_attachments")
    .select(["id", "name", "mime", "size", "text"])
    .where("tenant_id", "=", tenantId)
    .where("id", "in", wanted)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return wanted.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ id: r.id, name: r.name, mime: r.mime, size: r.size, text: r.text }] : [];
  });
}
