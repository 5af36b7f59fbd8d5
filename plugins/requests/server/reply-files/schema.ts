import { z } from "zod";

/** A reply carries at most this many files, each at most this large (the server takes 25 MB per request). */
export const MAX_REPLY_FILES = 10;
export const MAX_REPLY_FILE_BYTES = 20 * 1024 * 1024;

/**
 * A file as the reply document carries it: the stored file and its extracted text, which 保密审查
 * scans like the letter (`payload.files.<n>.text`). An image has no text: the classifier reads it by eye.
 */
export const ReplyFileRef = z.object({
  id: z.string().uuid(),
  name: z.string().min(1).max(200),
  mime: z.string().min(1).max(100),
  size: z.number().int().positive(),
  text: z.string().max(5_000_000).default(""),
});
export type ReplyFileRef = z.output<typeof ReplyFileRef>;
