import type { PluginDescribed } from "../../../app/plugin-api";
import { flatten, catalogueTree } from "./catalogue.server";
import { renderBody } from "./html";
import { ItemPayload } from "./item-schema";
import { itemById } from "./items.server";
import en from "../locales/en/common.json";
import zhCN from "../locales/zh-CN/common.json";
import zhTW from "../locales/zh-TW/common.json";
import type { DisclosureDescribeContext } from "./context";

const COMMON = { "zh-CN": zhCN, "zh-TW": zhTW, en };

/**
 * What a draft's codes mean, for the core document page where reviewers read it: the category's
 * name instead of its key, the list row's 事项, the proposed attribute and validity in words, and
 * the titles of the policy it interprets or the item it corrects; and the body as the public page
 * will show it, redactions applied, by the same renderer.
 */
export async function describeItem(ctx: DisclosureDescribeContext, raw: unknown): Promise<Record<string, PluginDescribed>> {
  const parsed = ItemPayload.safeParse(raw);
  if (!parsed.success) return {};
  const p = parsed.data;
  const words = COMMON[ctx.locale];
  const out: Record<string, PluginDescribed> = {};
  const shown = ItemPayload.safeParse(ctx.rendition()?.payload);
  if (shown.success && shown.data.body.trim()) out["payload.body"] = { html: renderBody(shown.data.body) };
  const category = flatten(await catalogueTree(ctx.trx, ctx.tenantId)).find((e) => e.category.key === p.categoryKey)?.category;
  if (category) out["payload.categoryKey"] = category.label[ctx.locale] || category.label["zh-CN"];
  if (p.listRowKey) {
    const row = await ctx.trx.selectFrom("disclosure_list_rows").select(["first_level", "second_level"]).where("tenant_id", "=", ctx.tenantId).where("key", "=", p.listRowKey).executeTakeFirst();
    if (row) out["payload.listRowKey"] = `${row.first_level} · ${row.second_level}`;
  }
  out["payload.attribute"] = words.attribute[p.attribute];
  if (p.validity) out["payload.validity"] = words.validity[p.validity];
  for (const [path, id] of [["payload.interpretsId", p.interpretsId], ["payload.correctsId", p.correctsId]] as const) {
    const item = id ? await itemById(ctx.trx, ctx.tenantId, id) : null;
    if (item) out[path] = `${item.title}（${item.indexNumber}）`;
  }
  return out;
}
