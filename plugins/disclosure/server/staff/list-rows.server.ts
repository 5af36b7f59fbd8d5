import { z } from "zod";

import { DISCLOSURE_CHANNELS } from "../../data/standard-list";
import { catalogueTree, flatten } from "../catalogue.server";
import { addError, issueErrors, topFields, type FieldErrors } from "../../../../app/plugin-api";
import { rowsInUse } from "./list-status.server";
import type { DisclosureContext, DisclosureTransaction } from "../context";

const L = "disclosure:staff.list.errors";
const text = (max: number) =>
  z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(max, { error: `${L}.tooLong` });

export const AUDIENCES = ["全社会", "特定群体"] as const;
export const MODES = ["主动", "依申请"] as const;
export const ROW_FIELDS = ["key", "categoryKey", "firstLevel", "secondLevel", "content", "basis", "timeLimit", "timeLimitWorkdays", "responsible", "audience", "mode", "position"] as const;

/** A row of the 清单 as the form gives it; the MEE header's columns, all required but the working days. */
export const ListRowForm = z.object({
  key: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(100, { error: `${L}.tooLong` }).regex(/^[a-z0-9][a-z0-9.-]*$/, { error: `${L}.key` }),
  categoryKey: z.string({ error: `${L}.category` }).min(1, { error: `${L}.category` }),
  firstLevel: text(100),
  secondLevel: text(100),
  content: text(2000),
  basis: text(2000),
  timeLimit: text(200),
  timeLimitWorkdays: z.union([z.literal("").transform(() => null), z.coerce.number({ error: `${L}.workdays` }).int({ error: `${L}.workdays` }).min(1, { error: `${L}.workdays` }).max(365, { error: `${L}.workdays` })]),
  responsible: text(100),
  channels: z.array(z.enum(DISCLOSURE_CHANNELS, { error: "errors.invalid" })).min(1, { error: `${L}.channels` }),
  audience: z.enum(AUDIENCES, { error: "errors.required" }),
  mode: z.enum(MODES, { error: "errors.required" }),
  position: z.union([z.literal("").transform(() => null), z.coerce.number({ error: "errors.invalid" }).int({ error: "errors.invalid" }).min(0, { error: "errors.invalid" }).max(1_000_000, { error: "errors.invalid" })]),
});
export type ListRowInput = z.output<typeof ListRowForm>;

/** The row's fields from a form's checked texts (see `checkedTexts`), with the ticked channels. */
export function readRowForm(texts: Record<string, string>, channels: string[]) {
  const input: Record<string, unknown> = Object.fromEntries(ROW_FIELDS.map((k) => [k, texts[k] ?? ""]));
  input.channels = channels;
  return input;
}

type Outcome = { ok: true } | { ok: false; errors: FieldErrors; message?: string };

const columns = (r: ListRowInput) => ({
  category_key: r.categoryKey,
  first_level: r.firstLevel,
  second_level: r.secondLevel,
  content: r.content,
  basis: r.basis,
  time_limit: r.timeLimit,
  time_limit_workdays: r.timeLimitWorkdays,
  responsible: r.responsible,
  channels: DISCLOSURE_CHANNELS.filter((c) => r.channels.includes(c)),
  audience: r.audience,
  mode: r.mode,
});

/** Adds a row (a new key) or edits one (its key stays), audited as `disclosure.list.update`. */
export async function saveListRow(ctx: DisclosureContext, trx: DisclosureTransaction, input: Record<string, unknown>, op: "add" | "update"): Promise<Outcome> {
  const parsed = ListRowForm.safeParse(input);
  const errors = parsed.success ? {} : topFields(issueErrors(parsed.error.issues));
  const tree = flatten(await catalogueTree(trx, ctx.tenant.id));
  if (parsed.success && !tree.some((e) => e.category.key === parsed.data.categoryKey)) addError(errors, "categoryKey", `${L}.category`);
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  const r = parsed.data;
  const existing = await trx.selectFrom("disclosure_list_rows").select(["key", "position"]).where("tenant_id", "=", ctx.tenant.id).where("key", "=", r.key).executeTakeFirst();
  if (op === "add") {
    if (existing) return { ok: false, errors: { key: [`${L}.keyTaken`] } };
    const last = await trx.selectFrom("disclosure_list_rows").select((eb) => eb.fn.max("position").as("p")).where("tenant_id", "=", ctx.tenant.id).executeTakeFirst();
    await trx
      .insertInto("disclosure_list_rows")
      .values({ tenant_id: ctx.tenant.id, key: r.key, ...columns(r), position: r.position ?? Number(last?.p ?? 0) + 10 })
      .execute();
  } else {
    if (!existing) return { ok: false, errors: {}, message: `${L}.gone` };
    await trx
      .updateTable("disclosure_list_rows")
      .set({ ...columns(r), position: r.position ?? existing.position })
      .where("tenant_id", "=", ctx.tenant.id)
      .where("key", "=", r.key)
      .execute();
  }
  await ctx.audit(trx, { action: "disclosure.list.update", target: { type: "disclosure_list_row", id: r.key }, data: { op, row: columns(r) } });
  return { ok: true };
}

/** Removes a row nothing is filed under; a row in use stays (its items would lose their place in the 清单). */
export async function removeListRow(ctx: DisclosureContext, trx: DisclosureTransaction, key: string): Promise<Outcome> {
  if ((await rowsInUse(ctx, trx)).has(key)) return { ok: false, errors: {}, message: `${L}.inUse` };
  const gone = await trx.deleteFrom("disclosure_list_rows").where("tenant_id", "=", ctx.tenant.id).where("key", "=", key).executeTakeFirst();
  if (!Number(gone.numDeletedRows)) return { ok: false, errors: {}, message: `${L}.gone` };
  await ctx.audit(trx, { action: "disclosure.list.update", target: { type: "disclosure_list_row", id: key }, data: { op: "remove" } });
  return { ok: true };
}
