import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { checkedTexts, requireQuery } from "../../../../app/plugin-api/loaders.server";
import { pluginAction, pluginLoader } from "../../server/loaders.server";
import { formMessage, pick } from "../../server/staff/form-input.server";
import { type FieldErrors, FormMessage, hasErrors } from "../../../../app/plugin-api/ui";
import { renderBody } from "../../server/html";
import { itemById } from "../../server/items.server";
import { readUploads } from "../../server/staff/attachments.server";
import { bodyInput, editableBody } from "../../server/staff/body-input.server";
import { blankValues, EDITOR_FIELDS, editorOptions, ownDraft, parseEditorForm, valuesOfDraft, valuesOfItem, type EditorValues } from "../../server/staff/editor.server";
import { draftFindings, saveDraft } from "../../server/staff/save-draft.server";
import { DraftFindings, type ShownFinding } from "./_parts/findings";
import { ItemForm, type FormAttachment } from "./_parts/item-form";

const base = (code: string) => `/t/${code}/admin/disclosure`;
const refOf = (a: { id: string; name: string; mime: string; size: number }): FormAttachment => ({ id: a.id, name: a.name, mime: a.mime, size: a.size });

/** `new` (optionally `?correct=<item id>`) or `drafts/:id`: the item editor, for the draft's creator only. */
/** What the editor's own links put in the query: a note after saving, the published item to correct. */
const EditorQuery = z.object({
  held: z.literal("1").optional(),
  saved: z.literal("1").optional(),
  correct: z.uuid().optional(),
});

export const loader = pluginLoader(async (ctx, { params, request }) => {
  const query = requireQuery(EditorQuery, new URL(request.url).searchParams);
  return ctx.withTenant(async (trx) => {
    const options = await editorOptions(ctx, trx);
    if (params.id) {
      const { doc, editable } = await ownDraft(ctx, trx, params.id);
      if (!editable) throw redirect(doc.url);
      const { findings, signature } = await draftFindings(ctx, trx, doc);
      const attachments = ((doc.payload as { attachments?: FormAttachment[] }).attachments ?? []).map(refOf);
      return {
        base: base(ctx.tenant.code),
        values: shownBody(valuesOfDraft(doc)),
        attachments,
        options,
        doc: { id: doc.id, version: doc.version, status: doc.status, url: doc.url },
        correcting: null,
        findings: findings as ShownFinding[],
        signature,
        notice: query.held ? "held" : query.saved ? "saved" : null,
      };
    }
    const correct = query.correct;
    const item = correct ? await itemById(trx, ctx.tenant.id, correct) : null;
    if (correct && (!item || item.status !== "published")) throw new Response("Not Found", { status: 404 });
    return {
      base: base(ctx.tenant.code),
      values: shownBody(item ? valuesOfItem(item) : blankValues(ctx.tenant.name["zh-CN"])),
      attachments: (item?.attachments ?? []).map(refOf),
      options,
      doc: null,
      correcting: item ? { id: item.id, title: item.title, indexNumber: item.indexNumber } : null,
      findings: [] as ShownFinding[],
      signature: "",
      notice: null,
    };
  });
});

/** The stored body as the form shows it: typed text where that loses nothing, else HTML (see editableBody). */
function shownBody<V extends { body: string }>(values: V): V & { bodyFormat: string } {
  const shown = editableBody(values.body);
  return { ...values, body: shown.value, bodyFormat: shown.format };
}

/** The form again: after a refusal (with the errors), or after 预览 (with the body's rendition, nothing saved). */
type Failure = { errors: FieldErrors; values: EditorValues & { bodyFormat: string }; removed: string[]; message?: string; preview?: string };

export const action = pluginAction(async (ctx, { params, request }) => {
  ctx.require("disclosure.items.edit");
  if (ctx.mode !== "member") throw new Response("Forbidden", { status: 403 });
  const existing = params.id ? await ctx.withTenant((trx) => ownDraft(ctx, trx, params.id)) : null;
  const form = await request.formData();
  const { values: texts, errors: refused } = checkedTexts(form);
  const typed = pick(texts, EDITOR_FIELDS) as EditorValues;
  const removed = form.getAll("removeAttachment").map(String);
  // The body in its stored form, from a .docx, the editor's HTML or typed text.
  const body = await bodyInput(typed.body, texts.bodyFormat, form.get("bodyFile"));
  if (!body.ok) refused[body.field] ??= [body.error];
  const values = body.ok ? shownBody({ ...typed, body: body.html }) : { ...typed, bodyFormat: texts.bodyFormat ?? "plain" };
  if (existing && !existing.editable) {
    return data<Failure>({ errors: {}, values, removed, message: "core:workflow.errors.wrongStatus" }, { status: 409 });
  }
  const version = Number(texts.version);
  if (existing && !(Number.isInteger(version) && version >= 1)) refused.version ??= ["errors.invalid"];
  if (texts.intent !== undefined && texts.intent !== "save" && texts.intent !== "submit" && texts.intent !== "preview") refused.intent ??= ["errors.invalid"];
  // A signature of the findings the page showed (16 hex digits), not free text.
  if ((texts.seenFindings ?? "").length > 64) refused.seenFindings ??= ["errors.invalid"];
  if (hasErrors(refused) || !body.ok) {
    // The other fields' own faults with the refused texts, all in one answer (a refused text's own word wins at its field).
    const parsed = parseEditorForm({ ...typed, body: body.ok ? body.html : typed.body });
    const others: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    // A body that could not be read (a bad .docx, an unknown format) is said once, at its own field.
    if (!body.ok) delete others.body;
    // The files chosen are read (nothing stored) so that a refused one is named too.
    const { errors: fileErrors } = await readUploads(form.getAll("files"));
    if (fileErrors.length) others.attachments = [...new Set(fileErrors)];
    const errors = { ...others, ...refused };
    return data<Failure>({ errors, values, removed, message: formMessage(refused, [...EDITOR_FIELDS, "bodyFile"]) }, { status: 400 });
  }
  const result = await saveDraft(ctx, {
    values: { ...typed, body: body.html },
    existing: existing ? { id: existing.doc.id, version } : undefined,
    keep: form.getAll("attachment").map(String),
    remove: removed,
    files: form.getAll("files"),
    submit: texts.intent === "submit",
    preview: texts.intent === "preview",
    seenFindings: texts.seenFindings ?? "",
  });
  if (!result.ok) return data<Failure>({ errors: result.errors, values, removed, message: result.message }, { status: result.status });
  // 预览 passed every check a save makes and wrote nothing.
  if (result.outcome === "previewed") return data<Failure>({ errors: {}, values, removed, preview: renderBody(body.html) });
  if (result.outcome === "submitted") return redirect(result.doc.url);
  return redirect(`${base(ctx.tenant.code)}/drafts/${result.doc.id}?${result.outcome === "held" ? "held" : "saved"}=1`);
});

export default function Editor() {
  const { t } = useTranslation("disclosure");
  const loaded = useLoaderData<typeof loader>();
  const answered = useActionData<typeof action>();
  const preview = answered?.preview ?? null;
  const failed = preview === null ? answered : undefined;
  const values = answered?.values ?? loaded.values;
  const title = loaded.correcting ? t("staff.editor.correctTitle") : loaded.doc ? t("staff.editor.editTitle") : t("staff.editor.newTitle");
  return (
    <>
      <p>
        <Link to={loaded.base}>{t("staff.items.back")}</Link>
      </p>
      <h1>{title}</h1>
      {loaded.correcting && (
        <p className="notice notice-info">{t("staff.editor.correcting", { title: loaded.correcting.title, index: loaded.correcting.indexNumber })}</p>
      )}
      {loaded.doc && (
        <p className="muted">
          {t(`core:workflow.status.${loaded.doc.status}`)} · <Link to={loaded.doc.url}>{t("staff.editor.documentPage")}</Link>
        </p>
      )}
      {loaded.notice === "saved" && !failed && <FormMessage tone="success">{t("staff.editor.saved")}</FormMessage>}
      {!failed && <DraftFindings findings={loaded.findings} held={loaded.notice === "held"} />}
      <ItemForm
        values={values}
        errors={failed?.errors ?? {}}
        options={loaded.options}
        attachments={loaded.attachments}
        removed={answered?.removed ?? []}
        version={loaded.doc?.version ?? null}
        signature={failed ? "" : loaded.signature}
        preview={preview}
        refusal={failed ? { message: failed.message } : null}
        correcting={Boolean(values.correctsId)}
      />
    </>
  );
}
