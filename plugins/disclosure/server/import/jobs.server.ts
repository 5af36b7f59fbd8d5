import { sql } from "kysely";
import { checkImport, checkRows, knownToOffice, type ImportRow, type RowError } from "../staff/import.server";
import { readSheet } from "../staff/spreadsheet.server";
import type { DisclosureContext } from "../context";
import { submitBatch, type Submitted } from "./run.server";

export const SHOWN_ERRORS = 500;
export const SHOWN_PREVIEW = 20;
/** A job not heard from for this long died with its process (a restart, a crash): it is shown as interrupted. */
export const STALE_MS = 2 * 60 * 1000;

export type ImportStage = "reading" | "checking" | "saving" | "done" | "failed";

/** What the import page shows once a job ends: the file's refusal, the rows' check (and the batch submitted), or a failure. */
export type ImportReport =
  | { ok: false; fileError: string; count?: number }
  | { ok: false; failed: string }
  | {
      ok: true;
      mode: "check" | "submit";
      fileName: string;
      total: number;
      valid: number;
      errors: RowError[];
      errorCount: number;
      missing: string[];
      preview: Pick<ImportRow, "row" | "title" | "categoryLabel" | "docNumber" | "publishedOn" | "indexNumber">[];
      submitted: Submitted | null;
    };

export interface ImportJobView {
  id: string;
  fileName: string;
  mode: "check" | "submit";
  stage: ImportStage;
  done: number;
  total: number | null;
  running: boolean;
  report: ImportReport | null;
}

/** The status the page answers with for a report: 400 when anything was refused, as the one-request import did. */
export function reportStatus(report: ImportReport): 200 | 400 | 500 {
  if (!report.ok) return "failed" in report ? 500 : 400;
  const refused = (report.submitted && !report.submitted.ok) || report.errorCount > 0 || report.missing.length > 0;
  return refused ? 400 : 200;
}

/** Jobs this process runs, so that a test (or a graceful shutdown) can wait for one to end. */
const running = new Map<string, Promise<void>>();

/** Resolves when this process's job `id` has ended (at once when it runs elsewhere or is over). */
export function importJobSettled(id: string): Promise<void> {
  return running.get(id) ?? Promise.resolve();
}

type Ctx = Pick<DisclosureContext, "tenant" | "user" | "locale" | "workflow" | "numbering" | "withTenant" | "t">;

/**
 * Starts an import of `bytes` for the signed-in member and returns its id at once: the job reads
 * the sheet, checks its rows and, for `submit`, makes a clean file one batch in approval, writing its
 * stage and the rows checked to `disclosure_import_jobs` as it goes (each in a transaction of its
 * own, so another request, from any process, reads how far it got), then its report.
 */
export async function startImportJob(ctx: Ctx, fileName: string, bytes: Uint8Array, mode: "check" | "submit"): Promise<string> {
  const userId = ctx.user!.id;
  const { id } = await ctx.withTenant((trx) =>
    trx.insertInto("disclosure_import_jobs").values({ tenant_id: ctx.tenant.id, started_by: userId, file_name: fileName.slice(0, 255), mode }).returning("id").executeTakeFirstOrThrow(),
  );
  const job = runJob(ctx, id, fileName, bytes, mode).finally(() => running.delete(id));
  running.set(id, job);
  return id;
}

async function record(ctx: Ctx, id: string, values: { stage?: ImportStage; done?: number; total?: number; result?: ImportReport }) {
  const { result, ...rest } = values;
  await ctx.withTenant((trx) =>
    trx
      .updateTable("disclosure_import_jobs")
      .set({ ...rest, ...(result ? { result: JSON.stringify(result) } : {}), updated_at: sql<Date>`now()` })
      .where("tenant_id", "=", ctx.tenant.id)
      .where("id", "=", id)
      .execute(),
  );
}

/** Lets the server answer other requests (the page polling this job's progress) between chunks of work. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

async function runJob(ctx: Ctx, id: string, fileName: string, bytes: Uint8Array, mode: "check" | "submit"): Promise<void> {
  try {
    await breathe();
    const read = await readSheet(fileName, bytes);
    if (!read.ok) {
      await record(ctx, id, { stage: "done", result: { ok: false, fileError: read.error, ...(read.count !== undefined ? { count: read.count } : {}) } });
      return;
    }
    const sheet = read.sheet;
    await record(ctx, id, { stage: "checking", done: 0, total: sheet.rows.length });
    const known = await ctx.withTenant((trx) => knownToOffice(ctx, trx));
    let checked = await checkRows(ctx, sheet, known, async (done) => {
      await record(ctx, id, { done });
      await breathe();
    });
    let submitted: Submitted | null = null;
    const clean = !checked.missing.length && !checked.errors.length && checked.rows.length > 0;
    if (mode === "submit" && clean) {
      await record(ctx, id, { stage: "saving" });
      const name = fileName.trim().slice(0, 200) || "import";
      // Checked again inside the transaction that submits: a batch or an item may have taken a row meanwhile.
      const outcome = await ctx
        .withTenant(async (trx) => {
          const again = await checkImport(ctx, trx, sheet);
          if (again.missing.length || again.errors.length || !again.rows.length) return { checked: again, submitted: null };
          const title = ctx.t("staff.import.batch.documentTitle", { file: name, count: again.rows.length });
          const done = await submitBatch(ctx, trx, again.rows, name, title);
          if (!done.ok) throw new Refused(done, again);
          return { checked: again, submitted: done };
        })
        .catch((e: unknown) => {
          if (e instanceof Refused) return { checked: e.checked, submitted: e.submitted };
          throw e;
        });
      checked = outcome.checked;
      submitted = outcome.submitted;
    }
    const report: ImportReport = {
      ok: true,
      mode,
      fileName,
      total: sheet.rows.length,
      valid: checked.rows.length,
      errors: checked.errors.slice(0, SHOWN_ERRORS),
      errorCount: checked.errors.length,
      missing: checked.missing,
      preview: checked.rows
        .slice(0, SHOWN_PREVIEW)
        .map((r) => ({ row: r.row, title: r.title, categoryLabel: r.categoryLabel, docNumber: r.docNumber, publishedOn: r.publishedOn, indexNumber: r.indexNumber })),
      submitted,
    };
    await record(ctx, id, { stage: "done", done: sheet.rows.length, result: report });
  } catch (e) {
    console.error(`disclosure import job ${id} failed`, e);
    await record(ctx, id, { stage: "failed", result: { ok: false, failed: "disclosure:staff.import.job.failed" } }).catch(() => undefined);
  }
}

/** Thrown to undo the submitting transaction when the workflow refuses the batch (the draft may exist). */
class Refused extends Error {
  constructor(
    readonly submitted: Submitted,
    readonly checked: Awaited<ReturnType<typeof checkImport>>,
  ) {
    super("refused");
  }
}

/** The signed-in member's own job `id` as the page shows it; null when there is none (another's, another office's, none). */
export async function importJobOf(ctx: Pick<DisclosureContext, "tenant" | "user" | "withTenant">, id: string, now = Date.now()): Promise<ImportJobView | null> {
  const row = await ctx.withTenant((trx) =>
    trx
      .selectFrom("disclosure_import_jobs")
      .selectAll()
      .where("tenant_id", "=", ctx.tenant.id)
      .where("id", "=", id)
      .where("started_by", "=", ctx.user!.id)
      .executeTakeFirst(),
  );
  if (!row) return null;
  const over = row.stage === "done" || row.stage === "failed";
  const updated = row.updated_at instanceof Date ? row.updated_at.getTime() : new Date(String(row.updated_at)).getTime();
  const stale = !over && now - updated > STALE_MS;
  return {
    id: row.id,
    fileName: row.file_name,
    mode: row.mode,
    stage: stale ? "failed" : row.stage,
    done: row.done,
    total: row.total,
    running: !over && !stale,
    report: stale ? { ok: false, failed: "disclosure:staff.import.job.interrupted" } : ((row.result as ImportReport | null) ?? null),
  };
}
