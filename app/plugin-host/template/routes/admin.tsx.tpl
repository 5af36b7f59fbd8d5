import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { parseForm } from "../../../app/plugin-api/loaders.server";
import { Checkbox, ErrorSummary, FormMessage, PostForm, SubmitButton, TextField, useLocale } from "../../../app/plugin-api/ui";
import { pluginAction, pluginLoader } from "../server/loaders.server";

const NoteSchema = z.object({
  body: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(500, { error: "errors.invalid" }),
  isPublic: z.literal("on").optional(),
});

export const loader = pluginLoader(async (ctx) => {
  const notes = await ctx.withTenant((trx) =>
    trx
      .selectFrom("__TABLE___notes")
      .select(["id", "body", "is_public", "created_at"])
      .orderBy("created_at", "desc")
      .limit(Number(ctx.settings.maxNotes))
      .execute(),
  );
  return { notes: notes.map((n) => ({ ...n, created_at: new Date(n.created_at).toISOString() })), canManage: ctx.can("__ID__.notes.manage") };
});

export const action = pluginAction(async (ctx, { request }) => {
  ctx.require("__ID__.notes.manage");
  const parsed = parseForm(NoteSchema, await request.formData());
  if (!parsed.ok) return { errors: parsed.errors, saved: false };
  await ctx.withTenant(async (trx) => {
    const { id } = await trx
      .insertInto("__TABLE___notes")
      .values({ tenant_id: ctx.tenant.id, body: parsed.data.body, is_public: parsed.data.isPublic === "on", created_by: ctx.user!.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    await ctx.audit(trx, { action: "__ID__.note.create", target: { type: "note", id } });
  });
  return { errors: {}, saved: true };
});

export default function NotesAdmin() {
  const { t } = useTranslation("__ID__");
  const locale = useLocale();
  const { notes, canManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t("title")}</h1>
      {canManage && (
        <PostForm className="stack narrow">
          {result?.saved && <FormMessage tone="success">{t("saved")}</FormMessage>}
          <ErrorSummary errors={result?.errors} labels={{ body: t("body") }} />
          <TextField name="body" label={t("body")} errors={result?.errors} required />
          <Checkbox name="isPublic" label={t("isPublic")} errors={result?.errors} />
          <SubmitButton>{t("add")}</SubmitButton>
        </PostForm>
      )}
      <table className="table">
        <caption>{t("list")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("body")}</th>
            <th scope="col">{t("isPublic")}</th>
            <th scope="col">{t("createdAt")}</th>
          </tr>
        </thead>
        <tbody>
          {notes.map((n) => (
            <tr key={n.id}>
              <td>{n.body}</td>
              <td>{n.is_public ? t("yes") : t("no")}</td>
              <td>{new Date(n.created_at).toLocaleString(locale, { timeZone: "Asia/Shanghai" })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {notes.length === 0 && <p className="muted">{t("empty")}</p>}
    </>
  );
}
