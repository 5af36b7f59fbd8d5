import type { PluginCoreServices, PluginTenant } from "../../../app/plugin-api";
import { isUuid } from "../../../app/plugin-api";
import type { RequestsTransaction } from "./context";

/** A copy of an identity document or a signed letter: small, and only kinds any office can open. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

const KINDS = [
  { mime: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mime: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
] as const;
export type AttachmentMime = (typeof KINDS)[number]["mime"];

export interface AttachmentUpload {
  name: string;
  mime: AttachmentMime;
  bytes: Uint8Array;
}

export type ReadAttachment = { ok: true; upload: AttachmentUpload | null } | { ok: false; error: string };

/** What the file really is by its first bytes (never by its name or the browser's word); null for anything else. */
export function attachmentMime(bytes: Uint8Array): AttachmentMime | null {
  return KINDS.find((k) => k.magic.every((b, i) => bytes[i] === b))?.mime ?? null;
}

/**
 * Reads an uploaded file before anything is written: no file is fine (null); too large or not a
 * PDF, JPEG or PNG is an error key for the field.
 */
export async function readAttachment(entry: FormDataEntryValue | null): Promise<ReadAttachment> {
  if (entry === null || typeof entry === "string" || entry.size === 0) return { ok: true, upload: null };
  if (entry.size > MAX_ATTACHMENT_BYTES) return { ok: false, error: "requests:public.errors.fileTooLarge" };
  const bytes = new Uint8Array(await entry.arrayBuffer());
  const mime = attachmentMime(bytes);
  if (!mime) return { ok: false, error: "requests:public.errors.fileType" };
  const name = [...(entry.name.replace(/^.*[\\/]/, "").trim() || "attachment")].slice(0, 200).join("");
  return { ok: true, upload: { name, mime, bytes } };
}

type Services = Pick<PluginCoreServices, "crypto"> & { tenant: PluginTenant };

/** Stores the file with its bytes sealed like the applicant's details; returns its id. */
export async function storeAttachment(ctx: Services, trx: RequestsTransaction, applicationId: string, upload: AttachmentUpload): Promise<string> {
  const row = await trx
    .insertInto("requests_attachments")
    .values({
      tenant_id: ctx.tenant.id,
      application_id: applicationId,
      name: upload.name,
      mime: upload.mime,
      size: upload.bytes.length,
      content_sealed: ctx.crypto.seal(Buffer.from(upload.bytes).toString("base64")),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An application's files without their content, oldest first. */
export function attachmentsOf(trx: RequestsTransaction, applicationId: string) {
  return trx
    .selectFrom("requests_attachments")
    .select(["id", "name", "mime", "size", "created_at"])
    .where("application_id", "=", applicationId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** A stored file's bytes, opened; callers audit the read (`requests.applicant.read`): it may be an identity document. */
export async function openAttachment(ctx: Pick<PluginCoreServices, "crypto">, trx: RequestsTransaction, id: string): Promise<{ name: string; mime: string; bytes: Buffer } | null> {
  if (!isUuid(id)) return null;
  const row = await trx.selectFrom("requests_attachments").select(["name", "mime", "content_sealed"]).where("id", "=", id).executeTakeFirst();
  return row ? { name: row.name, mime: row.mime, bytes: Buffer.from(ctx.crypto.open(row.content_sealed), "base64") } : null;
}
