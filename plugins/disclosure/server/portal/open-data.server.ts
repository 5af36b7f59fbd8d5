
import { catalogueTree, flatten, subtreeKeys } from "../catalogue.server";
import { findItems, type FindResult } from "./find.server";
import { jsonError } from "./http";
import { Paging, PublicFilters, type QueryErrors } from "./query";
import { parsePortalQuery } from "./query.server";
import type { DisclosureContext } from "../context";

export const CSV_MAX_ROWS = 10_000;

export interface OpenDataQuery {
  filters: PublicFilters;
  page: number;
  pageSize: number;
  result: FindResult;
  /** Category key → label in Chinese, the language of the records. */
  labels: Map<string, string>;
}

function refuse(ctx: DisclosureContext, errors: QueryErrors): Response {
  const [parameter, keys] = Object.entries(errors)[0]!;
  return jsonError(400, "invalid_parameter", ctx.t(keys![0]!), parameter);
}

/**
 * The API's and the CSV export's reading of the query string: the portal's filters, a page (the
 * export asks for one large page) and the matching items; a 400 answer for a bad parameter.
 */
export async function openDataQuery(ctx: DisclosureContext, request: Request, limit?: number): Promise<OpenDataQuery | Response> {
  const params = new URL(request.url).searchParams;
  const filters = parsePortalQuery(PublicFilters, params);
  if (!filters.ok) return refuse(ctx, filters.errors);
  const paging = parsePortalQuery(Paging, params);
  if (!paging.ok && !limit) return refuse(ctx, paging.errors);
  const page = limit ? 1 : paging.ok ? paging.data.page : 1;
  const pageSize = limit ?? (paging.ok ? paging.data.pageSize : 20);
  return ctx.withTenant(async (trx) => {
    const tree = await catalogueTree(trx, ctx.tenant.id);
    const { q, category, ...rest } = filters.data;
    const categoryKeys = category ? subtreeKeys(tree, category) : undefined;
    if (categoryKeys?.length === 0) return refuse(ctx, { category: ["disclosure:portal.errors.category"] });
    const result = await findItems(ctx.search, trx, ctx.tenant.id, q, { ...rest, categoryKeys }, { limit: pageSize, offset: (page - 1) * pageSize });
    const labels = new Map(flatten(tree).map(({ category: c }) => [c.key, c.label["zh-CN"]]));
    return { filters: filters.data, page, pageSize, result, labels };
  });
}
