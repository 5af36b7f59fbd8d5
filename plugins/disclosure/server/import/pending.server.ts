import type { PluginDocument } from "../../../../app/plugin-api";
import { IMPORT_TYPE, ImportPayload } from "./batch-schema";
import type { DisclosureContext, DisclosureTransaction } from "../context";

/** A batch still on its way: drafted, waiting for a decision, or returned to the drafter. */
export const PENDING_STATUSES = ["draft", "in_review", "returned"] as const satisfies PluginDocument["status"][];

/**
 * What the import batches still in approval carry, so that a row cannot wait in two batches: each
 * row's title with its date published, and each original 索引号, naming the batch's title.
 */
export async function pendingRows(ctx: Pick<DisclosureContext, "workflow">, trx: DisclosureTransaction): Promise<{ identities: Map<string, string>; indexNumbers: Map<string, string> }> {
  const identities = new Map<string, string>();
  const indexNumbers = new Map<string, string>();
  for (const doc of await ctx.workflow.list(trx, { type: IMPORT_TYPE, statuses: [...PENDING_STATUSES] })) {
    const payload = ImportPayload.safeParse(doc.payload);
    if (!payload.success) continue;
    for (const r of payload.data.rows) {
      identities.set(`${r.title}\u0000${r.publishedOn}`, doc.title);
      if (r.indexNumber) indexNumbers.set(r.indexNumber, doc.title);
    }
  }
  return { identities, indexNumbers };
}

export interface BatchSummary {
  id: string;
  title: string;
  status: PluginDocument["status"];
  url: string;
  updatedAt: string;
}

/** The office's import batches not yet published or withdrawn (approved and withheld included), newest first. */
export async function openBatches(ctx: Pick<DisclosureContext, "workflow">, trx: DisclosureTransaction): Promise<BatchSummary[]> {
  const docs = await ctx.workflow.list(trx, { type: IMPORT_TYPE, statuses: [...PENDING_STATUSES, "approved"] });
  return docs.map((d) => ({ id: d.id, title: d.title, status: d.status, url: d.url, updatedAt: d.updatedAt.toISOString() }));
}
