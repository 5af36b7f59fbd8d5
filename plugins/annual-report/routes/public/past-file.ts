import { contentDisposition } from "../../../../app/plugin-api/files.server";
import { pluginLoader } from "../../server/loaders.server";
import { notFound, yearParam } from "../../server/public/published.server";

/** A past year's report kept as its file (PDF or Word), as uploaded and approved by the chain: one per office and year. */
export const loader = pluginLoader(async (ctx, { params }) => {
  const year = yearParam(params.year);
  const file = await ctx.withTenant((trx) =>
    trx.selectFrom("annual_report_past_files").select(["file_name", "mime", "content"]).where("tenant_id", "=", ctx.tenant.id).where("year", "=", year).where("status", "=", "published").executeTakeFirst(),
  );
  if (!file?.content || !file.file_name || !file.mime) throw notFound();
  const bytes = new Uint8Array(file.content);
  return new Response(bytes, {
    headers: {
      "Content-Type": file.mime,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(file.file_name),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-cache",
    },
  });
});
