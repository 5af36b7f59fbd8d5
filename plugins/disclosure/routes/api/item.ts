import { pluginLoader } from "../../server/loaders.server";
import { originOf } from "../../server/portal/head";
import { jsonError, OPEN_DATA_HEADERS } from "../../server/portal/http";
import { itemDetailJson } from "../../server/portal/item-json";
import { publicItem } from "../../server/portal/item.server";

/** Open data: one item in full (text, attachments, interpretation links); a withdrawn item gives its notice. */
export const loader = pluginLoader(async (ctx, { params }) => {
  const found = await ctx.withTenant((trx) => publicItem(trx, ctx.tenant.id, params.id ?? ""));
  if (!found) return jsonError(404, "not_found", ctx.t("portal.api.notFound"));
  const category = found.path.at(-1);
  return Response.json(itemDetailJson(found.item, originOf(ctx), ctx.tenant.code, category ? category.label["zh-CN"] : null, found.related), {
    headers: OPEN_DATA_HEADERS,
  });
});
