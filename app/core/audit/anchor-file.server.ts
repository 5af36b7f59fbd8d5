import { closeSync, createReadStream, fsyncSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { z } from "zod";
import type { Config } from "../config.server";

/** A chain's head as anchored outside the database; the platform chain's code is `platform`. */
export const AnchoredHeadSchema = z.object({
  tenantId: z.uuid(),
  code: z.string(),
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AnchoredHead = z.infer<typeof AnchoredHeadSchema>;

const AnchorLineSchema = z.object({ at: z.iso.datetime(), heads: z.array(AnchoredHeadSchema) });
export type AnchorLine = z.infer<typeof AnchorLineSchema>;

export function auditAnchorFile(config: Pick<Config, "GONGKAI_AUDIT_ANCHOR_FILE" | "GONGKAI_DATA_DIR">): string {
  return config.GONGKAI_AUDIT_ANCHOR_FILE ?? join(config.GONGKAI_DATA_DIR, "audit-anchors.jsonl");
}

/**
 * Appends one JSON line. Several server processes may append to the same file: the line goes out
 * in one write(2) on a descriptor opened with O_APPEND, which the kernel places whole at the end
 * of the file, never inside another process's line. It is synced before returning, so an anchor
 * the log reports as written survives a crash.
 */
export function appendAnchorLine(file: string, line: AnchorLine): void {
  const bytes = Buffer.from(`${JSON.stringify(line)}\n`, "utf8");
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, "a", 0o640);
  try {
    const written = writeSync(fd, bytes);
    if (written !== bytes.length) {
      // Ends the torn line, so that the next anchor starts on a line of its own.
      writeSync(fd, "\n");
      throw new Error(`audit anchor file ${file}: only ${written} of ${bytes.length} bytes written`);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface AnchorFileScan {
  path: string;
  /** False when there is no file yet (nothing was ever anchored with this configuration). */
  found: boolean;
  lines: number;
  /** Every anchored head, in file order, with the line it came from. */
  heads: (AnchoredHead & { line: number; at: string })[];
  /** Lines that are not anchors: the file was edited, or a write was torn. */
  problems: { line: number; message: string }[];
}

/** Reads the whole file line by line (it only grows; lines are checked, never trusted blindly). */
export async function readAnchorFile(path: string): Promise<AnchorFileScan> {
  const scan: AnchorFileScan = { path, found: true, lines: 0, heads: [], problems: [] };
  const stream = createReadStream(path, { encoding: "utf8" });
  const opened = new Promise<boolean>((resolve, reject) => {
    stream.once("ready", () => resolve(true));
    stream.once("error", (e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? resolve(false) : reject(e)));
  });
  if (!(await opened)) return { ...scan, found: false };
  let n = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    n++;
    if (text.trim() === "") continue;
    scan.lines++;
    let parsed;
    try {
      parsed = AnchorLineSchema.safeParse(JSON.parse(text));
    } catch {
      scan.problems.push({ line: n, message: "not JSON" });
      continue;
    }
    if (!parsed.success) {
      scan.problems.push({ line: n, message: `not an anchor (${parsed.error.issues[0]?.path.join(".") || "line"}: ${parsed.error.issues[0]?.message})` });
      continue;
    }
    for (const head of parsed.data.heads) scan.heads.push({ ...head, line: n, at: parsed.data.at });
  }
  return scan;
}
