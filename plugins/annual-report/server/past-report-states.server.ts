import type { ReportsContext, ReportsTransaction } from "./context";

/** Where a past year's report stands for the staff: only `published` is public. */
export type PastReportState = "in_approval" | "returned" | "withdrawn" | "published" | "not_sent";

export interface StaffPastReport {
  year: number;
  title: string;
  state: PastReportState;
  /** The workflow document's staff page (null for a file kept before past reports went through the chain). */
  documentUrl: string | null;
  fileName: string | null;
  url: string | null;
}

/**
 * The office's past years' reports, the latest first, each with its state read from its workflow
 * document: a returned or withdrawn one stays unpublished until it is sent again.
 */
export async function staffPastReports(ctx: Pick<ReportsContext, "tenant" | "workflow">, trx: ReportsTransaction): Promise<StaffPastReport[]> {
  const rows = await trx
    .selectFrom("annual_report_past_files")
    .select(["year", "title", "status", "document_id", "file_name", "published_url"])
    .where("tenant_id", "=", ctx.tenant.id)
    .orderBy("year", "desc")
    .execute();
  const out: StaffPastReport[] = [];
  for (const r of rows) {
    const doc = r.document_id ? await ctx.workflow.get(trx, r.document_id) : null;
    const state: PastReportState =
      r.status === "published" ? "published" : !doc || r.status === "withdrawn" ? "not_sent" : doc.status === "returned" || doc.status === "withdrawn" ? doc.status : "in_approval";
    out.push({ year: r.year, title: r.title, state, documentUrl: doc?.url ?? null, fileName: r.file_name, url: r.published_url });
  }
  return out;
}
