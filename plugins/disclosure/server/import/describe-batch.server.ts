import type { Locale } from "../../../../app/plugin-api";
import { catalogueTree, flatten } from "../catalogue.server";
import { labelOf } from "../staff/editor.server";
import enCommon from "../../locales/en/common.json";
import en from "../../locales/en/staff.json";
import zhCNCommon from "../../locales/zh-CN/common.json";
import zhCN from "../../locales/zh-CN/staff.json";
import zhTWCommon from "../../locales/zh-TW/common.json";
import zhTW from "../../locales/zh-TW/staff.json";
import { ImportPayload } from "./batch-schema";
import type { DisclosureTransaction } from "../context";

const WORDS = { "zh-CN": zhCN.staff.import.batch, "zh-TW": zhTW.staff.import.batch, en: en.staff.import.batch };
const VALIDITY_WORDS = { "zh-CN": zhCNCommon.validity, "zh-TW": zhTWCommon.validity, en: enCommon.validity };

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ""));

/**
 * What reviewers read of an import batch instead of thousands of rows: `payload.rows` is a summary
 * (how many, the dates, how many keep their 索引号, the categories), which the document page shows in
 * place of the rows without scan findings; a row with a finding is shown whole, its category by
 * name and its validity in words.
 */
export async function describeBatch(ctx: { trx: DisclosureTransaction; tenantId: string; locale: Locale }, raw: unknown): Promise<Record<string, string>> {
  const parsed = ImportPayload.safeParse(raw);
  if (!parsed.success) return {};
  const { rows } = parsed.data;
  const words = WORDS[ctx.locale];
  const categories = new Map(flatten(await catalogueTree(ctx.trx, ctx.tenantId)).map((e) => [e.category.key, labelOf(e.category, ctx.locale)]));
  const perCategory = new Map<string, number>();
  for (const r of rows) perCategory.set(r.categoryKey, (perCategory.get(r.categoryKey) ?? 0) + 1);
  const dates = rows.map((r) => r.publishedOn).sort();
  const separator = ctx.locale === "en" ? ", " : "、";
  const out: Record<string, string> = {
    "payload.rows": fill(words.summary, {
      count: rows.length,
      from: dates[0]!,
      to: dates.at(-1)!,
      kept: rows.filter((r) => r.indexNumber).length,
      categories: [...perCategory].map(([key, n]) => `${categories.get(key) ?? key} ${n}`).join(separator),
    }),
  };
  rows.forEach((r, i) => {
    out[`payload.rows.${i}.categoryKey`] = categories.get(r.categoryKey) ?? r.categoryKey;
    if (r.validity) out[`payload.rows.${i}.validity`] = VALIDITY_WORDS[ctx.locale][r.validity];
  });
  return out;
}
