import { contentDisposition } from "../../../../app/plugin-api/files.server";
import { reportDocx } from "../../server/docx/report-docx.server";
import { pluginLoader } from "../../server/loaders.server";
import { notFound, publishedModel, publishedReport, yearParam } from "../../server/public/published.server";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The published report as a Word file in 公文 layout: the same model the web page draws, in official Chinese. */
export const loader = pluginLoader(async (ctx, { params }) => {
  const year = yearParam(params.year);
  const report = await ctx.withTenant((trx) => publishedReport(trx, ctx.tenant.id, year));
  if (!report) throw notFound();
  const model = publishedModel(report, ctx.tenant.name["zh-CN"], "zh-CN");
  const bytes = new Uint8Array(await reportDocx(model));
  return new Response(bytes, {
    headers: {
      "Content-Type": DOCX,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(`${model.title}.docx`, `annual-report-${year}.docx`),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-cache",
    },
  });
});
