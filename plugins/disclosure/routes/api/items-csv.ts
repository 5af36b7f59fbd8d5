import { chinaDate } from "../../../../app/plugin-api";
import { pluginLoader } from "../../server/loaders.server";
import { COLUMN_HEADERS, columnValues } from "../../server/open-data/columns";
import { originOf, portalPath } from "../../server/portal/head";
import { contentDisposition, OPEN_DATA_HEADERS } from "../../server/portal/http";
import { toCsv } from "../../server/portal/csv";
import { CSV_MAX_ROWS, openDataQuery } from "../../server/portal/open-data.server";

/** Open data as a spreadsheet: the same filters as the JSON list, at most 10,000 rows, the columns of every open-data file (server/open-data/columns.ts). */
export const loader = pluginLoader(async (ctx, { request }) => {
  const query = await openDataQuery(ctx, request, CSV_MAX_ROWS);
  if (query instanceof Response) return query;
  const { result, labels } = query;
  const origin = originOf(ctx);
  const code = ctx.tenant.code;
  const rows = result.found.map(({ item: i }) => columnValues(i, { categoryLabel: labels.get(i.categoryKey) ?? i.categoryKey, url: origin + portalPath(code, `items/${i.id}`) }));
  return new Response(toCsv([COLUMN_HEADERS, ...rows]), {
    headers: {
      ...OPEN_DATA_HEADERS,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(`${ctx.tenant.name["zh-CN"]}-主动公开信息-${chinaDate()}.csv`, `${code}-disclosure-${chinaDate()}.csv`),
      "X-Total-Count": String(result.total),
      "X-Content-Type-Options": "nosniff",
    },
  });
});
