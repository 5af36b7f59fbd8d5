import { checkText } from "../../../../app/plugin-api";
import { extractFileText, fileKind, FILE_KINDS, type FileKind } from "../../../../app/plugin-api/files.server";
import { MAX_REPLY_FILE_BYTES, MAX_REPLY_FILES } from "./schema";

/** What a reply may provide: documents and images any applicant can open. */
export const REPLY_FILE_KINDS: readonly FileKind[] = ["pdf", "docx", "xlsx", "png", "jpeg"];
export const REPLY_FILE_ACCEPT = REPLY_FILE_KINDS.map((k) => `.${FILE_KINDS[k].ext}`).concat(".jpeg").join(",");

export interface ReplyUpload {
  name: string;
  kind: FileKind;
  bytes: Uint8Array;
  text: string;
}

const E = "requests:replyFiles.errors";

/**
 * Reads the uploaded files of the reply form before anything is written: any refusal (too many, too
 * large, not a PDF, Word, Excel file or image by its content, unreadable, a name the text check
 * refuses) is an error key, and then none of the files is stored.
 */
export async function readReplyUploads(entries: FormDataEntryValue[], alreadyChosen: number): Promise<{ uploads: ReplyUpload[]; errors: string[] }> {
  const files = entries.filter((f): f is File => typeof f !== "string" && f.size > 0);
  if (files.length + alreadyChosen > MAX_REPLY_FILES) return { uploads: [], errors: [`${E}.tooMany`] };
  const uploads: ReplyUpload[] = [];
  const errors: string[] = [];
  for (const f of files) {
    const named = checkText(f.name.replace(/^.*[\\/]/, ""));
    if (!named.ok) {
      errors.push(named.error);
      continue;
    }
    const name = [...(named.value.trim() || "file")].slice(0, 200).join("");
    if (f.size > MAX_REPLY_FILE_BYTES) {
      errors.push(`${E}.tooLarge`);
      continue;
    }
    const bytes = new Uint8Array(await f.arrayBuffer());
    const kind = fileKind(name, bytes, REPLY_FILE_KINDS);
    if (!kind) {
      errors.push(`${E}.fileType`);
      continue;
    }
    try {
      uploads.push({ name, kind, bytes, text: await extractFileText(kind, bytes) });
    } catch {
      errors.push(`${E}.unreadable`);
    }
  }
  return errors.length ? { uploads: [], errors: [...new Set(errors)] } : { uploads, errors: [] };
}
