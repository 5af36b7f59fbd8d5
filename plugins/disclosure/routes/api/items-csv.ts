import zhCN from "../../locales/zh-CN/common.json";
import zhCNPortal from "../../locales/zh-CN/portal.json";
import { chinaDate } from "../../../../app/plugin-api";
import { pluginLoader } from "../../server/loaders.server";
import { originOf, portalPath } from "../../server/portal/head";
import { contentDisposition, OPEN_DATA_HEADERS } from "../../server/portal/http";
import { toCsv } from "../../server/portal/csv";
import { CSV_MAX_ROWS, openDataQuery } from "../../server/portal/open-data.server";

/** Open data as a spreadsheet: the same filters as the JSON list, at most 10,000 rows, headed with the portal's Chinese labels. */
export const loader = pluginLoader(async (ctx, { request }) => {
  const query = await openDataQuery(ctx, request, CSV_MAX_ROWS);
  if (query instanceof Response) return query;
  const { result, labels } = query;
  const origin = originOf(ctx);
  const code = ctx.tenant.code;
  const m = zhCN.meta;
  const header = [m.indexNumber, m.title, m.summary, m.category, m.issuer, m.docNumber, m.writtenOn, m.publishedOn, m.topic, m.validity, m.validFrom, m.endedOn, m.attribute, zhCNPortal.portal.csv.url];
  const rows = result.found.map(({ item: i }) => [
    i.indexNumber,
    i.title,
    i.summary,
    labels.get(i.categoryKey) ?? i.categoryKey,
    i.issuer,
    i.docNumber,
    i.writtenOn,
    i.publishedOn,
    i.topic,
    i.validity ? zhCN.validity[i.validity] : "",
    i.validFrom,
    i.endedOn,
    zhCN.attribute[i.attribute],
    origin + portalPath(code, `items/${i.id}`),
  ]);
  return new Response(toCsv([header, ...rows]), {
    headers: {
      ...OPEN_DATA_HEADERS,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(`${ctx.tenant.name["zh-CN"]}-主动公开信息-${chinaDate()}.csv`, `${code}-disclosure-${chinaDate()}.csv`),
      "X-Total-Count": String(result.total),
      "X-Content-Type-Options": "nosniff",
    },
  });
});
