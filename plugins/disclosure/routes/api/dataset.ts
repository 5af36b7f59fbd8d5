import { z } from "zod";
import { pluginLoader } from "../../server/loaders.server";
import { catalogueTree } from "../../server/catalogue.server";
import { datasetFile } from "../../server/open-data/datasets.server";
import { contentDisposition, jsonError, OPEN_DATA_HEADERS } from "../../server/portal/http";
import { E } from "../../server/portal/query";
import { parsePortalQuery } from "../../server/portal/query.server";

const TYPES = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

/** `/datasets/<category code>/<year>.<csv|xlsx>`, read with the portal's one query reader so a refusal is worded like the API's others. */
const DatasetParams = z.object({
  category: z.string().max(100, `${E}.category`).regex(/^[a-z0-9][a-z0-9.-]*$/, `${E}.category`),
  file: z
    .string()
    .regex(/^\d{4}\.(csv|xlsx)$/, `${E}.datasetFile`)
    .transform((f) => ({ year: Number(f.slice(0, 4)), format: f.slice(5) as keyof typeof TYPES }))
    .refine((f) => f.year >= 1949 && f.year <= 2100, `${E}.year`),
});

/**
 * One open dataset as a file: the office's published proactive items of one catalogue category and
 * year (withdrawn ones left out), CSV (UTF-8 with a BOM) or XLSX, with the columns of every
 * open-data file. In the API area beside the JSON and CSV interfaces: the same cross-origin and
 * cache headers, JSON refusals a script can read, and a stable /api/v1 address for harvesters.
 */
export const loader = pluginLoader(async (ctx, { params }) => {
  const parsed = parsePortalQuery(DatasetParams, new URLSearchParams({ category: params.category ?? "", file: params.file ?? "" }));
  if (!parsed.ok) {
    const [parameter, keys] = Object.entries(parsed.errors)[0]!;
    return jsonError(400, "invalid_parameter", ctx.t(keys![0]!), parameter);
  }
  const { category, file } = parsed.data;
  const tree = await ctx.withTenant((trx) => catalogueTree(trx, ctx.tenant.id));
  const found = await datasetFile(ctx, tree, category, file.year);
  if (!found) return jsonError(404, "not_found", ctx.t("portal.openData.datasets.notFound"));
  const bytes = found.files[file.format];
  const code = ctx.tenant.code;
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...OPEN_DATA_HEADERS,
      "Content-Type": TYPES[file.format],
      "Content-Length": String(bytes.length),
      "Content-Disposition": contentDisposition(`${ctx.tenant.name["zh-CN"]}-${found.title}.${file.format}`, `${code}-${category}-${file.year}.${file.format}`),
      "Last-Modified": found.dataset.updatedAt.toUTCString(),
      "X-Total-Count": String(found.dataset.records),
      "X-Content-Type-Options": "nosniff",
    },
  });
});
