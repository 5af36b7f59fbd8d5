import { createHash } from "node:crypto";

import { isUuid } from "../../../../app/plugin-api";
import { FILE_KINDS } from "../../../../app/plugin-api/files.server";
import { type ReleasedDocument } from "../../db/schema";
import type { ReplyUpload } from "./read.server";
import type { ReplyFileRef } from "./schema";
import type { RequestsContext, RequestsTransaction } from "../context";

/** A file not yet sent, as the reply editor lists it. */
export interface DraftFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  /** False for an image, or a document whose text could not be found: the classifier reads it by eye. */
  hasText: boolean;
}

/** Stores the uploaded files of an application's reply, each with its checksum and text, audited in the same transaction. */
export async function storeReplyFiles(ctx: { tenant: { id: string }; user: { id: string } | null; audit: RequestsContext["audit"] }, trx: RequestsTransaction, applicationId: string, uploads: readonly ReplyUpload[]): Promise<string[]> {
  const ids: string[] = [];
  for (const u of uploads) {
    const sha256 = createHash("sha256").update(u.bytes).digest("hex");
    const mime = FILE_KINDS[u.kind].mime;
    const row = await trx
      .insertInto("requests_reply_files")
      .values({ tenant_id: ctx.tenant.id, application_id: applicationId, name: u.name, mime, size: u.bytes.length, sha256, content: Buffer.from(u.bytes), text: u.text, uploaded_by: ctx.user?.id ?? null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await ctx.audit(trx, { action: "requests.reply_file.upload", target: { type: "requests_application", id: applicationId }, data: { file: row.id, name: u.name, mime, size: u.bytes.length, sha256 } });
    ids.push(row.id);
  }
  return ids;
}

/** The application's files no reply has sent yet, oldest first: what a reply being drafted may provide. */
export async function draftFiles(trx: RequestsTransaction, applicationId: string): Promise<DraftFile[]> {
  const rows = await trx
    .selectFrom("requests_reply_files")
    .select(["id", "name", "mime", "size", (eb) => eb("text", "!=", "").as("has_text")])
    .where("application_id", "=", applicationId)
    .where("released_on", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, mime: r.mime, size: r.size, hasText: Boolean(r.has_text) }));
}

/** The chosen files as the reply document carries them: only this application's unsent files, in the order chosen. */
export async function replyFileRefs(trx: RequestsTransaction, applicationId: string, ids: readonly string[]): Promise<ReplyFileRef[]> {
  const wanted = [...new Set(ids.filter(isUuid))];
  if (!wanted.length) return [];
  const rows = await trx
    .selectFrom("requests_reply_files")
    .select(["id", "name", "mime", "size", "text"])
    .where("application_id", "=", applicationId)
    .where("released_on", "is", null)
    .where("id", "in", wanted)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return wanted.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** The reply document now carries these files (a later draft of the reply takes them over). */
export async function bindReplyFiles(trx: RequestsTransaction, documentId: string, files: readonly ReplyFileRef[]): Promise<void> {
  if (!files.length) return;
  await trx
    .updateTable("requests_reply_files")
    .set({ document_id: documentId })
    .where("id", "in", files.map((f) => f.id))
    .where("released_on", "is", null)
    .execute();
}

/**
 * Releases the reply's files as 保密审查 left them. A file whose text or name the classifier
 * redacted cannot be sent as it is (its bytes hold what was redacted): it is withheld, and the
 * applicant receives its redacted text as a released document instead. Returns those texts.
 */
export async function releaseReplyFiles(
  trx: RequestsTransaction,
  documentId: string,
  original: readonly ReplyFileRef[],
  rendition: readonly Partial<ReplyFileRef>[] | undefined,
  sentOn: string,
): Promise<ReleasedDocument[]> {
  const asText: ReleasedDocument[] = [];
  for (const [i, file] of original.entries()) {
    const shown = rendition?.[i];
    const redacted = !shown || shown.name !== file.name || (shown.text ?? "") !== file.text;
    if (redacted) asText.push({ title: shown?.name ?? file.name, body: shown?.text ?? "" });
    await trx
      .updateTable("requests_reply_files")
      .set({ released_on: sentOn, withheld: redacted, document_id: documentId })
      .where("id", "=", file.id)
      .where("released_on", "is", null)
      .execute();
  }
  return asText.filter((d) => d.title.trim() && d.body.trim());
}

/** A file as the tracking page offers it. */
export interface SentFile {
  id: string;
  name: string;
  mime: string;
  size: number;
}

/** The files each sent reply released (by reply document), for the applicant's tracking page. */
export async function sentFilesByDocument(trx: RequestsTransaction, applicationId: string): Promise<Map<string, SentFile[]>> {
  const rows = await trx
    .selectFrom("requests_reply_files")
    .select(["id", "name", "mime", "size", "document_id"])
    .where("application_id", "=", applicationId)
    .where("released_on", "is not", null)
    .where("withheld", "=", false)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const out = new Map<string, SentFile[]>();
  for (const r of rows) {
    const list = out.get(r.document_id!) ?? [];
    list.push({ id: r.id, name: r.name, mime: r.mime, size: r.size });
    out.set(r.document_id!, list);
  }
  return out;
}

/** A file's bytes: `released` only a file the applicant has been sent; staff read any file of the application. */
export async function openReplyFile(trx: RequestsTransaction, applicationId: string, id: string, which: "released" | "any"): Promise<{ name: string; mime: string; content: Buffer } | null> {
  if (!isUuid(id)) return null;
  let q = trx.selectFrom("requests_reply_files").select(["name", "mime", "content"]).where("application_id", "=", applicationId).where("id", "=", id);
  if (which === "released") q = q.where("released_on", "is not", null).where("withheld", "=", false);
  return (await q.executeTakeFirst()) ?? null;
}

/** Every reply file of the application with where it stands, for the staff page (newest reply's files last). */
export async function applicationReplyFiles(trx: RequestsTransaction, applicationId: string): Promise<(DraftFile & { state: "unsent" | "sent" | "sentAsText" })[]> {
  const rows = await trx
    .selectFrom("requests_reply_files")
    .select(["id", "name", "mime", "size", "released_on", "withheld", (eb) => eb("text", "!=", "").as("has_text")])
    .where("application_id", "=", applicationId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, mime: r.mime, size: r.size, hasText: Boolean(r.has_text), state: r.released_on === null ? "unsent" : r.withheld ? "sentAsText" : "sent" }));
}
