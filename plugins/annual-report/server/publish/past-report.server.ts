import { DecisionRefused, type PluginDocument } from "../../../../app/plugin-api";
import type { ReportsHookContext } from "../context";
import { PastReportPayload } from "../workflow/past-report-document";
import { requireProactive } from "./proactive.server";

const E = "annual-report:errors";

/**
 * The chain's last approval of a past year's report: the kept file or link becomes public, under
 * the title as 保密审查 let it through. The file is served as uploaded, so a file whose words
 * 保密审查 redacted, or a redacted link, cannot be published: the drafter uploads a redacted one.
 */
export async function onPastReportApproved(ctx: ReportsHookContext, doc: PluginDocument): Promise<void> {
  const trx = ctx.trx;
  await requireProactive(ctx, doc.id);
  const submitted = PastReportPayload.parse(doc.payload);
  const rendition = await ctx.workflow.rendition(trx, doc.id);
  const shown = PastReportPayload.parse(rendition.payload);
  if (shown.fileText !== submitted.fileText || shown.fileName !== submitted.fileName || shown.url !== submitted.url) throw new DecisionRefused(`${E}.pastFileRedacted`);

  const row = await trx
    .selectFrom("annual_report_past_files")
    .select(["id", "year", "status", "document_id"])
    .where("tenant_id", "=", ctx.tenant.id)
    .where("id", "=", submitted.pastFileId)
    .forUpdate()
    .executeTakeFirst();
  if (!row || row.status !== "in_approval" || row.document_id !== doc.id) throw new DecisionRefused(`${E}.notInApproval`);
  await trx
    .updateTable("annual_report_past_files")
    .set({ status: "published", title: rendition.title })
    .where("tenant_id", "=", ctx.tenant.id)
    .where("id", "=", row.id)
    .execute();
  await ctx.audit(trx, { action: "annual-report.past_file.publish", target: { type: "pastReport", id: row.id }, data: { year: row.year, title: rendition.title } });
}
