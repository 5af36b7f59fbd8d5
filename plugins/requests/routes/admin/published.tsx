import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { checkedTexts, readFilters } from "../../../../app/plugin-api/loaders.server";
import { pluginAction, pluginLoader } from "../../server/loaders.server";
import { Checkbox, ErrorSummary, FieldError, type FieldErrors, IgnoredFilters, PostForm, SubmitButton, TextField } from "../../../../app/plugin-api/ui";
import { draftPublishedAnswer, findPublished, MAX_QUERY, publishedQueries, replyableApplication } from "../../server/staff/published-answer.server";

const Query = z.object({ q: z.string().trim().max(MAX_QUERY, "requests:errors.tooLong").default("") });

/** 已主动公开 (条例第三十六条第（一）项): search the published items, pick those that answer the application. */
export const loader = pluginLoader(async (ctx, { params, request }) => {
  if (ctx.mode !== "member") throw new Response("Forbidden", { status: 403 });
  const { data: query, ignored } = readFilters(Query, new URL(request.url).searchParams);
  return ctx.withTenant(async (trx) => {
    const { view, app } = await replyableApplication(ctx, trx, params.id);
    const items = await findPublished(ctx, trx, publishedQueries(app, query.q));
    return { application: view.application, back: `/t/${ctx.tenant.code}/admin/requests/applications/${app.id}`, q: query.q, ignored, items };
  });
});

/** `error`: the first fault; `errors`: every one, at its field (`_form` for the form's own). */
type Result = { error: string; errors: FieldErrors; picked: string[] };

export const action = pluginAction(async (ctx, { params, request }) => {
  if (ctx.mode !== "member") throw new Response("Forbidden", { status: 403 });
  const form = await request.formData();
  const { values, errors } = checkedTexts(form);
  const picked = form.getAll("item").filter((v): v is string => typeof v === "string" && v.length <= 100);
  // Every refused text at once; a refused intent is the form's own fault.
  const { intent: badIntent, ...refused } = errors;
  const all: FieldErrors = { ...refused, ...(badIntent || values.intent !== "draft" ? { _form: ["core:errors.invalid"] } : {}) };
  if ((values.q ?? "").length > MAX_QUERY) all.q = ["requests:errors.tooLong"];
  const first = Object.values(all)[0]?.[0];
  if (first) return data<Result>({ error: first, errors: all, picked }, { status: 400 });
  const drafted = await ctx.withTenant((trx) => draftPublishedAnswer(ctx, trx, params.id, { q: values.q ?? "", picked }));
  if (drafted.ok) return redirect(drafted.documentUrl);
  return data<Result>({ error: drafted.error, errors: { ["field" in drafted ? drafted.field : "_form"]: [drafted.error] }, picked }, { status: "field" in drafted ? 400 : 409 });
});

export default function PublishedAnswer() {
  const { t } = useTranslation("requests");
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  return (
    <>
      <p>
        <Link to={loaded.back}>{t("staff.notice.back", { trackingNo: loaded.application.trackingNo })}</Link>
      </p>
      <h1>{t("publishedAnswer.title")}</h1>
      <p className="lead">{loaded.application.subject}</p>
      <p className="hint">{t("publishedAnswer.intro")}</p>
      <IgnoredFilters ignored={loaded.ignored} labels={{ q: t("publishedAnswer.search") }} />
      <Form method="get" className="stack narrow" role="search">
        <TextField name="q" type="search" label={t("publishedAnswer.search")} hint={t("publishedAnswer.searchHint")} defaultValue={loaded.q} maxLength={MAX_QUERY_INPUT} errors={errors} />
        <p className="actions">
          <SubmitButton className="button">
            {t("publishedAnswer.searchButton")}
          </SubmitButton>
        </p>
      </Form>
      <ErrorSummary errors={errors} labels={{ q: t("publishedAnswer.search"), item: t("publishedAnswer.pick") }} />
      {loaded.items.length === 0 ? (
        <p className="muted">{t("publishedAnswer.none")}</p>
      ) : (
        <PostForm className="stack">
          <input type="hidden" name="q" value={loaded.q} />
          <fieldset className="stack" id="f-item" aria-describedby={errors.item ? "f-item-error" : undefined}>
            <legend>{t("publishedAnswer.pick")}</legend>
            <FieldError id="f-item" keys={errors.item} />
            {loaded.items.map((item) => (
              <Checkbox
                key={item.sourceId}
                name="item"
                idPrefix={`pick-${item.sourceId}`}
                value={item.sourceId}
                defaultChecked={result?.picked.includes(item.sourceId)}
                label={item.title}
                hint={
                  <>
                    {t("publishedAnswer.reference")}：{item.reference ?? "—"}
                    {item.publishedOn && ` · ${t("publishedAnswer.publishedOn", { date: item.publishedOn })}`} ·{" "}
                    <a href={item.url} target="_blank" rel="noreferrer">
                      {t("publishedAnswer.open")}
                    </a>
                  </>
                }
              />
            ))}
          </fieldset>
          <p className="actions">
            <SubmitButton name="intent" value="draft" className="button primary">
              {t("publishedAnswer.draft")}
            </SubmitButton>
          </p>
          <p className="hint">{t("publishedAnswer.draftHint")}</p>
        </PostForm>
      )}
    </>
  );
}

const MAX_QUERY_INPUT = 200;
