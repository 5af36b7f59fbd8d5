import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { checkedTexts, requireQuery } from "../../../../app/plugin-api/loaders.server";
import { issueErrors, topFields } from "../../../../app/plugin-api";
import { pluginAction, pluginLoader } from "../../server/loaders.server";
import { formMessage, pick } from "../../server/staff/form-input.server";
import { CategoryOptions } from "./_parts/category-options";
import { ErrorSummary, type FieldErrors, FormMessage, hasErrors, PostForm, RowAction, SelectField, SubmitButton, TextField, useLocale } from "../../../../app/plugin-api/ui";
import { addCategory, catalogueRows, CATEGORY_FIELDS, CategoryAdd, CategoryEdit, editCategory, removeCategory } from "../../server/staff/catalogue-edit.server";

const DONE = ["added", "edited", "removed"] as const;

/** The office's catalogue (目录): its own categories to edit, those set above it to read. */
/** What the page's own links carry: the category being edited, what was just done. */
const CatalogueLinks = z.object({ edit: z.string().max(100).optional(), done: z.enum(DONE).optional() });

export const loader = pluginLoader(async (ctx, { request }) => {
  const links = requireQuery(CatalogueLinks, new URL(request.url).searchParams);
  const rows = await ctx.withTenant((trx) => catalogueRows(ctx, trx));
  const editing = rows.find((r) => r.key === links.edit && !r.inherited) ?? null;
  return {
    base: `/t/${ctx.tenant.code}/admin/disclosure/catalogue`,
    rows,
    editing,
    done: links.done ?? null,
    writable: ctx.mode === "member",
  };
});

type Failure = { intent: string; errors: FieldErrors; message?: string; values: Record<string, string> };

/** `intent` add, edit or remove, audited as `disclosure.catalogue.update`. */
export const action = pluginAction(async (ctx, { request }) => {
  ctx.require("disclosure.catalogue.manage");
  if (ctx.mode !== "member") throw new Response("Forbidden", { status: 403 });
  const { values: texts, errors: refused } = checkedTexts(await request.formData());
  const intent = texts.intent ?? "";
  const values = pick(texts, CATEGORY_FIELDS);
  if (hasErrors(refused)) {
    // The other fields' own faults are said with the refused texts, all at once (a refused text's own word wins at its field).
    const schema = intent === "add" ? CategoryAdd : intent === "edit" ? CategoryEdit : null;
    const parsed = schema?.safeParse(values);
    const others = parsed && !parsed.success ? topFields(issueErrors(parsed.error.issues)) : {};
    return data<Failure>({ intent, errors: { ...others, ...refused }, message: formMessage(refused, intent === "remove" ? [] : CATEGORY_FIELDS), values }, { status: 400 });
  }
  const result = await ctx.withTenant((trx) => {
    if (intent === "add") return addCategory(ctx, trx, values);
    if (intent === "edit") return editCategory(ctx, trx, values);
    if (intent === "remove") return removeCategory(ctx, trx, values.key!);
    return Promise.resolve({ ok: false as const, errors: {}, message: "core:errors.invalid" });
  });
  if (result.ok) return redirect(`/t/${ctx.tenant.code}/admin/disclosure/catalogue?done=${intent === "add" ? "added" : intent === "edit" ? "edited" : "removed"}`);
  return data<Failure>({ intent, errors: result.errors, message: result.message, values }, { status: result.message ? 409 : 400 });
});

export default function Catalogue() {
  const { t } = useTranslation("disclosure");
  const locale = useLocale();
  const { base, rows, editing, done, writable } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const label = (l: Record<string, string>) => l[locale] || l["zh-CN"] || "";
  const edit = failed?.intent === "edit" || (!failed && editing);
  const values =
    failed && failed.intent !== "remove"
      ? failed.values
      : editing
        ? { key: editing.key, labelZhCN: editing.label["zh-CN"] ?? "", labelZhTW: editing.label["zh-TW"] ?? "", labelEn: editing.label.en ?? "", position: String(editing.position), parentKey: "" }
        : { key: "", parentKey: "", labelZhCN: "", labelZhTW: "", labelEn: "", position: "" };
  const errors = failed?.errors ?? {};
  // The summary names the form's boxes; a refusal about a hidden field or the whole form (`message`) as its text.
  const labels: Record<string, string> = {
    ...(edit ? {} : { key: t("staff.catalogue.key"), parentKey: t("staff.catalogue.parent") }),
    labelZhCN: t("staff.catalogue.labelZhCN"),
    labelZhTW: t("staff.catalogue.labelZhTW"),
    labelEn: t("staff.catalogue.labelEn"),
    position: t("staff.catalogue.position"),
  };
  // `message` already says a hidden field's refusal; without one, such an error is listed as text.
  const summary: FieldErrors = failed?.message ? { ...(failed.intent === "remove" ? {} : Object.fromEntries(Object.entries(errors).filter(([field]) => field in labels))), _form: [failed.message] } : errors;
  return (
    <>
      <h1>{t("staff.catalogue.title")}</h1>
      <p className="muted">{t("staff.catalogue.intro")}</p>
      {done && <FormMessage tone="success">{t(`staff.catalogue.done.${done}`)}</FormMessage>}
      {/* A refused removal is said above the table it was asked from; the category form's errors above that form. */}
      {failed?.intent === "remove" && <ErrorSummary errors={summary} idPrefix="remove" />}
      <div className="table-scroll">
        <table className="table">
          <caption>{t("staff.catalogue.caption", { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff.catalogue.category")}</th>
              <th scope="col">{t("staff.catalogue.key")}</th>
              <th scope="col">{t("staff.catalogue.legalSource")}</th>
              <th scope="col">{t("staff.catalogue.origin")}</th>
              <th scope="col" className="num">
                {t("staff.catalogue.items")}
              </th>
              {writable && <th scope="col">{t("staff.catalogue.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">
                  {"\u3000".repeat(r.depth)}
                  {label(r.label)}
                  {r.depth > 0 && <span className="visually-hidden">{t("staff.catalogue.level", { level: r.depth + 1 })}</span>}
                </th>
                <td>
                  <code>{r.key}</code>
                </td>
                <td>{r.legalSource ?? ""}</td>
                <td>{r.inherited ? t("staff.catalogue.inheritedFrom", { office: r.origin }) : t("staff.catalogue.own")}</td>
                <td className="num">{r.items}</td>
                {writable && (
                  <td>
                    {r.inherited ? (
                      <span className="muted">{t("staff.catalogue.readOnly")}</span>
                    ) : (
                      <div className="actions">
                        <Link to={`${base}?edit=${encodeURIComponent(r.key)}#category-form`}>
                          {t("staff.catalogue.edit")}
                          <span className="visually-hidden">{label(r.label)}</span>
                        </Link>
                        {r.removable && <RowAction intent="remove" fields={{ key: r.key }} label={t("staff.catalogue.remove")} context={label(r.label)} className="button small danger" />}
                      </div>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {writable && (
        <section aria-labelledby="category-form">
          <h2 id="category-form">{edit ? t("staff.catalogue.editTitle", { key: values.key }) : t("staff.catalogue.addTitle")}</h2>
          <PostForm key={edit ? `edit-${values.key}` : "add"} className="stack narrow" noValidate>
            {failed?.intent !== "remove" && <ErrorSummary errors={summary} labels={labels} />}
            <input type="hidden" name="intent" value={edit ? "edit" : "add"} />
            {edit ? (
              <input type="hidden" name="key" value={values.key} />
            ) : (
              <>
                <TextField name="key" label={t("staff.catalogue.key")} hint={t("staff.catalogue.keyHint")} defaultValue={values.key} errors={errors} required maxLength={60} />
                <SelectField name="parentKey" label={t("staff.catalogue.parent")} defaultValue={values.parentKey} errors={errors}>
                  <option value="">{t("staff.catalogue.root")}</option>
                  <CategoryOptions categories={rows.map((r) => ({ key: r.key, label: label(r.label), depth: r.depth }))} />
                </SelectField>
              </>
            )}
            <TextField name="labelZhCN" label={t("staff.catalogue.labelZhCN")} defaultValue={values.labelZhCN} errors={errors} required maxLength={60} lang="zh-CN" />
            <TextField name="labelZhTW" label={t("staff.catalogue.labelZhTW")} hint={t("staff.catalogue.labelFallback")} defaultValue={values.labelZhTW} errors={errors} maxLength={60} lang="zh-TW" />
            <TextField name="labelEn" label={t("staff.catalogue.labelEn")} hint={t("staff.catalogue.labelFallback")} defaultValue={values.labelEn} errors={errors} maxLength={100} lang="en" />
            <TextField name="position" type="number" min={0} label={t("staff.catalogue.position")} hint={t("staff.catalogue.positionHint")} defaultValue={values.position} errors={errors} />
            <div className="actions">
              <SubmitButton className="button primary">
                {edit ? t("staff.catalogue.save") : t("staff.catalogue.add")}
              </SubmitButton>
              {edit && <Link to={base}>{t("staff.catalogue.cancel")}</Link>}
            </div>
          </PostForm>
        </section>
      )}
    </>
  );
}
