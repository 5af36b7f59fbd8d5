import type { ImportRow } from "../staff/import.server";
import { IMPORT_TYPE } from "./batch-schema";
import type { DisclosureContext, DisclosureTransaction } from "../context";

export type Submitted = { ok: true; id: string; title: string; url: string; count: number } | { ok: false; error: string };

/**
 * Makes the checked rows one `disclosure.import` document and submits it into the office's chain,
 * in the caller's transaction; on a refusal the caller must undo the transaction (the draft may
 * exist). The original 索引号 are the batch's from then on: nothing published meanwhile takes one.
 */
export async function submitBatch(
  ctx: Pick<DisclosureContext, "workflow" | "numbering">,
  trx: DisclosureTransaction,
  rows: readonly ImportRow[],
  fileName: string,
  title: string,
): Promise<Submitted> {
  const payload = { fileName, rowCount: rows.length, rows: rows.map(({ categoryLabel: _, ...row }) => row) };
  const created = await ctx.workflow.create(trx, { type: IMPORT_TYPE, title, payload });
  if (!created.ok) return { ok: false, error: created.error };
  const submitted = await ctx.workflow.act(trx, { id: created.document.id, action: "submit", expectedVersion: created.document.version });
  if (!submitted.ok) return { ok: false, error: submitted.error };
  await ctx.numbering.claim(trx, "core.index", payload.rows.flatMap((r) => (r.indexNumber ? [r.indexNumber] : [])));
  const doc = submitted.document;
  return { ok: true, id: doc.id, title: doc.title, url: doc.url, count: rows.length };
}
