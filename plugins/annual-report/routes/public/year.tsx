import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { publicPage } from "../../../../app/plugin-api/ui";
import { chineseDate } from "../../server/docx/report-docx.server";
import { pluginLoader } from "../../server/loaders.server";
import { notFound, publishedModel, publishedReport, yearParam } from "../../server/public/published.server";
import { reportDocxUrl } from "../../server/publish/publish.server";
import { PublishedReport } from "./_parts/published-report";

/**
 * The published report as government portals show it: the title, the 索引号 table, the six sections
 * (tables through the one renderer), the Word file. What the chain approved is what is shown: the
 * version's frozen figures, manual cells and narrative. zh-TW readers get it in traditional
 * characters; English readers get the official Chinese with English glosses on the table labels.
 */
export const loader = pluginLoader(async (ctx, { params }) => {
  const year = yearParam(params.year);
  const report = await ctx.withTenant((trx) => publishedReport(trx, ctx.tenant.id, year));
  if (!report) throw notFound();
  const model = publishedModel(report, ctx.tenant.name["zh-CN"], ctx.locale);
  return {
    title: `${model.title} · ${ctx.tenant.name[ctx.locale]}`,
    model,
    english: ctx.locale === "en",
    reportLang: ctx.locale === "zh-TW" ? "zh-TW" : "zh-CN",
    indexNumber: report.indexNumber ?? "",
    publishedOn: report.publishedOn ?? "",
    signedOn: model.issuedOn ? chineseDate(model.issuedOn) : null,
    version: report.version,
    correctionReason: report.correctionReason,
    docxUrl: reportDocxUrl(ctx.tenant.code, year),
  };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export const handle = publicPage<typeof loader>({ breadcrumb: ({ data }) => [{ label: data.model.title }] });

export default function AnnualReportPage() {
  return <PublishedReport {...useLoaderData<typeof loader>()} />;
}
