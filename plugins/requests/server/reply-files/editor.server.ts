
import { readReplyUploads, type ReplyUpload } from "./read.server";
import type { ReplyFileRef } from "./schema";
import { replyFileRefs, storeReplyFiles } from "./store.server";
import type { RequestsContext, RequestsTransaction } from "../context";

/** The reply editor's files as the form sent them: read and checked before any transaction. */
export interface ReplyFilesInput {
  chosen: string[];
  uploads: ReplyUpload[];
  errors: string[];
}

/** Reads the ticked files (`file`) and the new ones (`upload`) of the reply form; a refused upload refuses them all. */
export async function readReplyFilesInput(form: FormData): Promise<ReplyFilesInput> {
  const chosen = form.getAll("file").filter((v): v is string => typeof v === "string");
  const { uploads, errors } = await readReplyUploads(form.getAll("upload"), chosen.length);
  return { chosen, uploads, errors };
}

/**
 * Every chosen file as the reply carries it, the new uploads stored with the application. A ticked
 * file that is not one of this application's unsent files (another's id, a made-up value) refuses
 * the whole form before anything is stored.
 */
export async function replyFilesOf(
  ctx: Pick<RequestsContext, "tenant" | "user" | "audit">,
  trx: RequestsTransaction,
  applicationId: string,
  input: ReplyFilesInput,
): Promise<{ ok: true; files: ReplyFileRef[] } | { ok: false; error: string }> {
  const chosen = await replyFileRefs(trx, applicationId, input.chosen);
  if (chosen.length !== new Set(input.chosen).size) return { ok: false, error: "requests:replyFiles.errors.unknownFile" };
  const added = await storeReplyFiles(ctx, trx, applicationId, input.uploads);
  return { ok: true, files: await replyFileRefs(trx, applicationId, [...chosen.map((f) => f.id), ...added]) };
}
