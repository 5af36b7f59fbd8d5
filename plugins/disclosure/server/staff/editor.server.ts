import { z } from "zod";
import { addError, issueErrors, topFields, type FieldErrors, type PluginDocument } from "../../../../app/plugin-api";
import { TOPICS } from "../../data/demo-items";
import { catalogueTree, flatten, subtreeKeys, type Category } from "../catalogue.server";
import { ITEM_TYPE, ItemPayload } from "../item-schema";
import { itemById, listItems, type Item } from "../items.server";
import type { DisclosureContext, DisclosureTransaction } from "../context";

/** The editor's text fields, named as the payload's (plus the title) so zod's paths name the field at fault. */
export const EDITOR_FIELDS = [
  "title",
  "summary",
  "categoryKey",
  "listRowKey",
  "issuer",
  "docNumber",
  "writtenOn",
  "formedOn",
  "topic",
  "attribute",
  "validity",
  "validFrom",
  "endedOn",
  "body",
  "interpretsId",
  "correctsId",
  "correctionReason",
] as const;
export type EditorValues = Record<(typeof EDITOR_FIELDS)[number], string>;

export const TOPIC_CHOICES: string[] = Object.values(TOPICS);

const Title = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, { error: "errors.required" })
  .max(300, { error: "disclosure:staff.editor.errors.titleTooLong" });

const OPTIONAL = new Set(["summary", "listRowKey", "docNumber", "validity", "validFrom", "endedOn", "interpretsId", "correctsId", "correctionReason"]);

export type ParsedDraft = { title: string; payload: Omit<ItemPayload, "attachments"> };

/** Title and payload from the form (attachments aside), or the errors of every field at fault. */
export function parseEditorForm(values: EditorValues): { ok: true; data: ParsedDraft } | { ok: false; errors: FieldErrors } {
  const input: Record<string, unknown> = {};
  for (const k of EDITOR_FIELDS) {
    if (k === "title") continue;
    const v = values[k];
    input[k] = OPTIONAL.has(k) && v.trim() === "" ? undefined : v;
  }
  const title = Title.safeParse(values.title);
  const payload = ItemPayload.safeParse(input);
  const errors: FieldErrors = payload.success ? {} : topFields(issueErrors(payload.error.issues));
  if (!title.success) issueErrors(title.error.issues.map((e) => ({ ...e, path: ["title"] })), undefined, errors);
  if (!title.success || !payload.success) return { ok: false, errors };
  const { attachments: _none, ...rest } = payload.data;
  return { ok: true, data: { title: title.data, payload: rest } };
}

/**
 * Whatever the payload names must exist here: the category, the list row, the policy explained, the
 * item corrected, and a topic of the list (or the one the draft or the corrected item already has).
 */
export async function checkReferences(trx: DisclosureTransaction, tenantId: string, payload: ParsedDraft["payload"], draftTopic?: string): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const known = new Set([...TOPIC_CHOICES, ...(draftTopic ? [draftTopic] : [])]);
  const tree = await catalogueTree(trx, tenantId);
  if (!flatten(tree).some((e) => e.category.key === payload.categoryKey)) addError(errors, "categoryKey", "disclosure:errors.category");
  if (payload.listRowKey) {
    const row = await trx.selectFrom("disclosure_list_rows").select("key").where("tenant_id", "=", tenantId).where("key", "=", payload.listRowKey).executeTakeFirst();
    if (!row) addError(errors, "listRowKey", "disclosure:staff.editor.errors.listRow");
  }
  if (payload.interpretsId) {
    const policy = await itemById(trx, tenantId, payload.interpretsId);
    if (!policy || policy.status !== "published" || !subtreeKeys(tree, "policy").includes(policy.categoryKey))
      addError(errors, "interpretsId", "disclosure:staff.editor.errors.policy");
  }
  if (payload.correctsId) {
    const corrected = await itemById(trx, tenantId, payload.correctsId);
    if (!corrected || corrected.status !== "published") addError(errors, "correctsId", "disclosure:staff.editor.errors.corrects");
    // Another plugin's document is corrected in that plugin, which feeds the catalogue again.
    else if (corrected.source) addError(errors, "correctsId", "disclosure:feed.errors.readOnly");
    else known.add(corrected.topic);
  }
  if (!known.has(payload.topic)) addError(errors, "topic", "disclosure:staff.editor.errors.topic");
  return errors;
}

export interface EditorOptions {
  categories: { key: string; label: string; depth: number }[];
  listRows: { group: string; rows: { key: string; label: string }[] }[];
  policies: { id: string; title: string; docNumber: string | null }[];
  topics: string[];
}

export const labelOf = (c: Pick<Category, "label">, locale: string) => (c.label as Record<string, string>)[locale] || c.label["zh-CN"];

/** The choices of the editor's selects. */
export async function editorOptions(ctx: Pick<DisclosureContext, "tenant" | "locale">, trx: DisclosureTransaction): Promise<EditorOptions> {
  const tree = await catalogueTree(trx, ctx.tenant.id);
  const rows = await trx
    .selectFrom("disclosure_list_rows")
    .select(["key", "first_level", "second_level"])
    .where("tenant_id", "=", ctx.tenant.id)
    .orderBy("position")
    .orderBy("key")
    .execute();
  const groups = new Map<string, { key: string; label: string }[]>();
  for (const r of rows) {
    const list = groups.get(r.first_level) ?? [];
    list.push({ key: r.key, label: r.second_level });
    groups.set(r.first_level, list);
  }
  const policyKeys = subtreeKeys(tree, "policy");
  const { items } = await listItems(trx, ctx.tenant.id, { categoryKeys: policyKeys, status: "published" }, { limit: 500, offset: 0 });
  return {
    categories: flatten(tree).map(({ category, depth }) => ({ key: category.key, label: labelOf(category, ctx.locale), depth })),
    listRows: [...groups].map(([group, list]) => ({ group, rows: list })),
    policies: items.map((i) => ({ id: i.id, title: i.title, docNumber: i.docNumber })),
    topics: TOPIC_CHOICES,
  };
}

const empty = (): EditorValues => Object.fromEntries(EDITOR_FIELDS.map((k) => [k, ""])) as EditorValues;

/** A new draft: the office issues it, proactively disclosed. */
export function blankValues(issuer: string): EditorValues {
  return { ...empty(), issuer, attribute: "proactive" };
}

export function valuesOfDraft(doc: PluginDocument): EditorValues {
  const p = (doc.payload ?? {}) as Record<string, unknown>;
  const out = empty();
  for (const k of EDITOR_FIELDS) if (typeof p[k] === "string") out[k] = p[k] as string;
  out.title = doc.title;
  return out;
}

/** A correction starts from the published item as it stands; the drafter changes it and says why. */
export function valuesOfItem(item: Item): EditorValues {
  return {
    ...empty(),
    title: item.title,
    summary: item.summary ?? "",
    categoryKey: item.categoryKey,
    listRowKey: item.listRowKey ?? "",
    issuer: item.issuer,
    docNumber: item.docNumber ?? "",
    writtenOn: item.writtenOn,
    formedOn: item.formedOn,
    topic: item.topic,
    attribute: item.attribute,
    validity: item.validity ?? "",
    validFrom: item.validFrom ?? "",
    endedOn: item.endedOn ?? "",
    body: item.bodyHtml,
    interpretsId: item.interpretsId ?? "",
    correctsId: item.id,
  };
}

export type OwnDraft = { doc: PluginDocument; editable: boolean };

/**
 * A draft for the editor: only its creator edits it, and only while it is a draft or returned.
 * 404 for no such item document here, 403 for someone else's.
 */
export async function ownDraft(ctx: Pick<DisclosureContext, "workflow" | "user">, trx: DisclosureTransaction, id: string | undefined): Promise<OwnDraft> {
  const doc = id ? await ctx.workflow.get(trx, id) : null;
  if (!doc || doc.type !== ITEM_TYPE) throw new Response("Not Found", { status: 404 });
  if (doc.createdBy !== ctx.user?.id) throw new Response("Forbidden", { status: 403 });
  return { doc, editable: doc.status === "draft" || doc.status === "returned" };
}
