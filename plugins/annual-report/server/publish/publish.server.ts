import { CATALOGUE, CATALOGUE_CATEGORIES, chinaDate, DecisionRefused, type PluginDocument } from "../../../../app/plugin-api";
import type { ReportsHookContext } from "../context";
import { ReportPayload, reportTitle } from "../workflow/document";
import { requireProactive } from "./proactive.server";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The report's public page and its Word file, under the office's portal. */
export const reportUrl = (officeCode: string, year: number) => `/t/${officeCode}/annual-report/${year}`;
export const reportDocxUrl = (officeCode: string, year: number) => `${reportUrl(officeCode, year)}/report.docx`;

/**
 * The chain's last approval: the version is frozen as 保密审查 let the public read it (the
 * rendition, redactions applied) and published into the office's catalogue under 年度报告 — a
 * correction under the same 索引号 — in the approving transaction, so item and approval commit or
 * roll back together. The earlier published version becomes superseded.
 */
export async function onReportApproved(ctx: ReportsHookContext, doc: PluginDocument): Promise<void> {
  const trx = ctx.trx;
  await requireProactive(ctx, doc.id);
  const rendition = await ctx.workflow.rendition(trx, doc.id);
  const report = ReportPayload.parse(rendition.payload);
  const row = await trx
    .selectFrom("annual_report_reports")
    .select(["id", "year", "version", "status"])
    .where("tenant_id", "=", ctx.tenant.id)
    .where("id", "=", report.reportId)
    .forUpdate()
    .executeTakeFirst();
  if (!row || row.status !== "in_approval") throw new DecisionRefused("annual-report:errors.notInApproval");

  // The day of the decision (a demo seed dates its decisions in the past).
  const today = chinaDate(doc.updatedAt);
  const officeName = ctx.tenant.name["zh-CN"];
  const item = await ctx.extensions.call(
    CATALOGUE,
    {
      action: "publish",
      categoryKey: CATALOGUE_CATEGORIES.annualReport,
      title: reportTitle(officeName, row.year),
      summary: `${officeName}依据《中华人民共和国政府信息公开条例》第四十九条、第五十条，按国办公开办函〔2021〕30号格式编制的${row.year}年政府信息公开工作年度报告。`,
      issuer: officeName,
      writtenOn: today,
      publishedOn: today,
      url: reportUrl(ctx.tenant.code, row.year),
      attachments: [{ name: `${reportTitle(officeName, row.year)}.docx`, url: reportDocxUrl(ctx.tenant.code, row.year), mime: DOCX }],
      source: { recordId: String(row.year), version: row.version },
      ...(report.correctionReason ? { correctionReason: report.correctionReason } : {}),
    },
    trx,
  );

  await trx
    .updateTable("annual_report_reports")
    .set({ status: "superseded", updated_at: new Date() })
    .where("tenant_id", "=", ctx.tenant.id)
    .where("year", "=", row.year)
    .where("status", "=", "published")
    .execute();
  await trx
    .updateTable("annual_report_reports")
    .set({
      status: "published",
      figures_snapshot: JSON.stringify(report.figures),
      manual_cells: JSON.stringify(report.manual),
      narrative: JSON.stringify(report.narrative),
      catalogue_item_id: item.itemId,
      index_number: item.indexNumber,
      published_on: today,
      updated_at: new Date(),
    })
    .where("tenant_id", "=", ctx.tenant.id)
    .where("id", "=", row.id)
    .execute();
  await ctx.audit(trx, {
    action: "annual-report.report.publish",
    target: { type: "report", id: row.id },
    data: { year: row.year, version: row.version, indexNumber: item.indexNumber },
  });
}
