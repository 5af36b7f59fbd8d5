import { pluginLoader } from "../../server/loaders.server";
import { absolute, apiPath, originOf } from "../../server/portal/head";
import { OPEN_DATA_HEADERS } from "../../server/portal/http";
import { itemSummaryJson } from "../../server/portal/item-json";
import { openDataQuery } from "../../server/portal/open-data.server";

/** Open data: the office's published proactive items as JSON, paged, with the portal's filters. */
export const loader = pluginLoader(async (ctx, { request }) => {
  const query = await openDataQuery(ctx, request);
  if (query instanceof Response) return query;
  const { filters, page, pageSize, result, labels } = query;
  const origin = originOf(ctx);
  const code = ctx.tenant.code;
  const pages = Math.ceil(result.total / pageSize);
  const link = (path: string, p?: number) => absolute(ctx, apiPath(code, path), { ...filters, ...(p !== undefined ? { page: p, pageSize } : {}) });
  return Response.json(
    {
      tenant: { code, name: ctx.tenant.name["zh-CN"] },
      page,
      pageSize,
      total: result.total,
      totalPages: pages,
      ...(result.capped ? { capped: true } : {}),
      links: {
        self: link("items", page),
        next: page < pages ? link("items", page + 1) : null,
        prev: page > 1 ? link("items", Math.min(page - 1, Math.max(pages, 1))) : null,
        csv: link("items.csv"),
      },
      items: result.found.map(({ item }) => itemSummaryJson(item, origin, code, labels.get(item.categoryKey) ?? null)),
    },
    { headers: OPEN_DATA_HEADERS },
  );
});
