
import { checkImport, type ImportRow, type RowError } from "../staff/import.server";
import type { Sheet } from "../staff/spreadsheet.server";
import { IMPORT_TYPE } from "./batch-schema";
import type { DisclosureContext, DisclosureTransaction } from "../context";

export type Submitted = { ok: true; id: string; title: string; url: string; count: number } | { ok: false; error: string };

export interface ImportOutcome {
  rows: ImportRow[];
  errors: RowError[];
  missing: string[];
  /** Null on a dry run, or when the file has problems. */
  submitted: Submitted | null;
}

type Checked = Omit<ImportOutcome, "submitted">;

/** Thrown to undo the transaction when the workflow refuses the batch. */
class Refused extends Error {
  constructor(
    readonly key: string,
    readonly checked: Checked,
  ) {
    super(key);
  }
}

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

/**
 * Checks the file (`check`: nothing is written), or checks it and, when every row passes, submits
 * it as one batch (`submit`), all in one transaction: a refusal by the workflow leaves nothing
 * behind. The rows are public only once the batch is approved and published.
 */
export async function runImport(ctx: DisclosureContext, sheet: Sheet, fileName: string, mode: "check" | "submit"): Promise<ImportOutcome> {
  try {
    return await ctx.withTenant(async (trx) => {
      const checked = await checkImport(ctx, trx, sheet);
      const clean = !checked.missing.length && !checked.errors.length && checked.rows.length > 0;
      if (mode !== "submit" || !clean) return { ...checked, submitted: null };
      const name = fileName.trim().slice(0, 200) || "import";
      const title = ctx.t("staff.import.batch.documentTitle", { file: name, count: checked.rows.length });
      const submitted = await submitBatch(ctx, trx, checked.rows, name, title);
      if (!submitted.ok) throw new Refused(submitted.error, checked);
      return { ...checked, submitted };
    });
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    return { ...e.checked, submitted: { ok: false, error: e.key } };
  }
}
