import { sql } from "kysely";
import { z } from "zod";

import { catalogueTree, flatten } from "../catalogue.server";
import { ITEM_TYPE } from "../item-schema";
import { addError, issueErrors, topFields, type FieldErrors } from "../../../../app/plugin-api";
import { UNPUBLISHED } from "./items-list.server";
import type { DisclosureContext, DisclosureTransaction } from "../context";

const C = "disclosure:staff.catalogue.errors";
const optional = (max: number) => z.string().trim().max(max, { error: `${C}.tooLong` });
const position = z.union([
  z.literal("").transform(() => null),
  z.coerce.number({ error: "errors.invalid" }).int({ error: "errors.invalid" }).min(0, { error: "errors.invalid" }).max(1_000_000, { error: "errors.invalid" }),
]);

const Labels = {
  labelZhCN: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(60, { error: `${C}.tooLong` }),
  labelZhTW: optional(60),
  labelEn: optional(100),
  position,
};

export const CategoryAdd = z.object({
  key: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(60, { error: `${C}.tooLong` }).regex(/^[a-z0-9][a-z0-9.-]*$/, { error: `${C}.key` }),
  parentKey: z.string().max(100).transform((v) => v || null),
  ...Labels,
});
export const CategoryEdit = z.object({ key: z.string().min(1), ...Labels });
export const CATEGORY_FIELDS = ["key", "parentKey", "labelZhCN", "labelZhTW", "labelEn", "position"] as const;

type Outcome = { ok: true } | { ok: false; errors: FieldErrors; message?: string };

// A label left empty in zh-TW or en shows the zh-CN one rather than nothing.
const labelJson = (v: { labelZhCN: string; labelZhTW: string; labelEn: string }) =>
  JSON.stringify({ "zh-CN": v.labelZhCN, "zh-TW": v.labelZhTW || v.labelZhCN, en: v.labelEn || v.labelZhCN });

async function ownRow(trx: DisclosureTransaction, tenantId: string, key: string) {
  return trx.selectFrom("disclosure_categories").selectAll().where("tenant_id", "=", tenantId).where("key", "=", key).executeTakeFirst();
}

/** A new category of this office, under any category it sees (its own or one set above it). */
export async function addCategory(ctx: DisclosureContext, trx: DisclosureTransaction, input: Record<string, unknown>): Promise<Outcome> {
  const parsed = CategoryAdd.safeParse(input);
  if (!parsed.success) return { ok: false, errors: topFields(issueErrors(parsed.error.issues)) };
  const v = parsed.data;
  const tree = flatten(await catalogueTree(trx, ctx.tenant.id));
  const errors: FieldErrors = {};
  if (tree.some((e) => e.category.key === v.key)) addError(errors, "key", `${C}.keyTaken`);
  if (v.parentKey && !tree.some((e) => e.category.key === v.parentKey)) addError(errors, "parentKey", `${C}.parent`);
  if (Object.keys(errors).length) return { ok: false, errors };
  const siblings = tree.filter((e) => e.category.parentKey === v.parentKey).map((e) => e.category.position);
  await trx
    .insertInto("disclosure_categories")
    .values({ tenant_id: ctx.tenant.id, key: v.key, parent_key: v.parentKey, label: labelJson(v), position: v.position ?? Math.max(0, ...siblings) + 10 })
    .execute();
  await ctx.audit(trx, { action: "disclosure.catalogue.update", target: { type: "disclosure_category", id: v.key }, data: { op: "add", parentKey: v.parentKey, label: JSON.parse(labelJson(v)) } });
  return { ok: true };
}

/** New labels or position for one of this office's own categories; a category set above is edited there. */
export async function editCategory(ctx: DisclosureContext, trx: DisclosureTransaction, input: Record<string, unknown>): Promise<Outcome> {
  const parsed = CategoryEdit.safeParse(input);
  if (!parsed.success) return { ok: false, errors: topFields(issueErrors(parsed.error.issues)) };
  const v = parsed.data;
  const row = await ownRow(trx, ctx.tenant.id, v.key);
  if (!row) return { ok: false, errors: {}, message: `${C}.notOwn` };
  await trx
    .updateTable("disclosure_categories")
    .set({ label: labelJson(v), position: v.position ?? row.position })
    .where("tenant_id", "=", ctx.tenant.id)
    .where("key", "=", v.key)
    .execute();
  await ctx.audit(trx, { action: "disclosure.catalogue.update", target: { type: "disclosure_category", id: v.key }, data: { op: "edit", before: row.label, label: JSON.parse(labelJson(v)), position: v.position ?? row.position } });
  return { ok: true };
}

/** Why a category may not be removed, or null. */
export async function removalBlocker(ctx: Pick<DisclosureContext, "tenant" | "workflow">, trx: DisclosureTransaction, key: string): Promise<string | null> {
  const row = await ownRow(trx, ctx.tenant.id, key);
  if (!row) return `${C}.notOwn`;
  // Statutory headings (条例第二十条) and categories with special behaviour stay.
  if (row.legal_source || row.kind) return `${C}.statutory`;
  const tree = flatten(await catalogueTree(trx, ctx.tenant.id));
  if (tree.some((e) => e.category.parentKey === key)) return `${C}.hasChildren`;
  const item = await trx.selectFrom("disclosure_items").select("id").where("tenant_id", "=", ctx.tenant.id).where("category_key", "=", key).limit(1).executeTakeFirst();
  if (item) return `${C}.hasItems`;
  const docs = await ctx.workflow.list(trx, { type: ITEM_TYPE, statuses: [...UNPUBLISHED] });
  if (docs.some((d) => (d.payload as { categoryKey?: string } | null)?.categoryKey === key)) return `${C}.hasItems`;
  const listRow = await trx.selectFrom("disclosure_list_rows").select("key").where("tenant_id", "=", ctx.tenant.id).where("category_key", "=", key).limit(1).executeTakeFirst();
  if (listRow) return `${C}.hasListRows`;
  return null;
}

export async function removeCategory(ctx: DisclosureContext, trx: DisclosureTransaction, key: string): Promise<Outcome> {
  const blocker = await removalBlocker(ctx, trx, key);
  if (blocker) return { ok: false, errors: {}, message: blocker };
  const row = (await ownRow(trx, ctx.tenant.id, key))!;
  await trx.deleteFrom("disclosure_categories").where("tenant_id", "=", ctx.tenant.id).where("key", "=", key).execute();
  await ctx.audit(trx, { action: "disclosure.catalogue.update", target: { type: "disclosure_category", id: key }, data: { op: "remove", label: row.label, parentKey: row.parent_key } });
  return { ok: true };
}

/** The catalogue as the editor shows it: every category with its depth, origin, use and whether it may go. */
export async function catalogueRows(ctx: DisclosureContext, trx: DisclosureTransaction) {
  const tree = flatten(await catalogueTree(trx, ctx.tenant.id));
  const counts = await trx
    .selectFrom("disclosure_items")
    .select(["category_key", sql<number>`count(*)`.as("n")])
    .where("tenant_id", "=", ctx.tenant.id)
    .groupBy("category_key")
    .execute();
  const used = new Map(counts.map((c) => [c.category_key, Number(c.n)]));
  const listed = new Set(
    (await trx.selectFrom("disclosure_list_rows").select("category_key").distinct().where("tenant_id", "=", ctx.tenant.id).execute()).map((r) => r.category_key),
  );
  const inherited = tree.filter((e) => e.category.inherited).map((e) => e.category.key);
  const origins = new Map<string, string>();
  if (inherited.length) {
    // The office that set it: the nearest office above with this key.
    const rows = await trx
      .selectFrom("disclosure_categories")
      .select(["key", "tenant_id"])
      .where("key", "in", inherited)
      .where("tenant_id", "!=", ctx.tenant.id)
      .execute();
    const ids = [...new Set(rows.map((r) => r.tenant_id))];
    const names = ids.length
      ? await trx.selectFrom("tenants").select(["id", "name"]).where("id", "in", ids).execute()
      : [];
    const nameOf = new Map(names.map((n) => [n.id, n.name[ctx.locale] || n.name["zh-CN"] || ""]));
    for (const r of rows) origins.set(r.key, nameOf.get(r.tenant_id) ?? "");
  }
  const out = [];
  for (const { category, depth } of tree) {
    out.push({
      key: category.key,
      parentKey: category.parentKey,
      depth,
      label: category.label,
      legalSource: category.legalSource,
      inherited: category.inherited,
      origin: category.inherited ? (origins.get(category.key) ?? "") : null,
      items: used.get(category.key) ?? 0,
      position: category.position,
      removable: !category.inherited && !category.legalSource && !category.kind && !tree.some((e) => e.category.parentKey === category.key) && !used.get(category.key) && !listed.has(category.key),
    });
  }
  return out;
}
