import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../../app/plugin-api";
import { badRequest, checkedTexts } from "../../../../app/plugin-api/loaders.server";
import { pluginAction, pluginLoader } from "../../server/loaders.server";
import { ErrorSummary, FieldError, type FieldErrors, FormMessage, hasErrors, PostForm, SelectField, SubmitChoices, TextArea, TextField, useLocale } from "../../../../app/plugin-api/ui";
import { replyTypeLabel } from "../../law/labels";
import { admittedGrounds } from "../../law/reply-grounds";
import { replyTypes } from "../../law/reply-types";
import type { NoticeKind } from "../../db/schema";
import { applicationById } from "../../server/applications.server";
import { draftNotice } from "../../server/notices.server";
import { compose, defaultValues } from "../../server/staff/compose.server";
import { groundOptions } from "../../server/ground-labels.server";
import { KIND_FIELDS, LETTER_LOCALES, noticeValues, RELEASED_SLOTS, WITHHELD_SLOTS, type NoticeValues } from "../../server/staff/notice-form";
import { applicationView } from "../../server/staff/view.server";
import { admittedReplyRows } from "../../server/rules";
import { replyFacts } from "../../server/staff/reply-checks";
import { readReplyFilesInput, replyFilesOf } from "../../server/reply-files/editor.server";
import { REPLY_FILE_ACCEPT } from "../../server/reply-files/read.server";
import { MAX_REPLY_FILE_BYTES, MAX_REPLY_FILES } from "../../server/reply-files/schema";
import { draftFiles } from "../../server/reply-files/store.server";
import { ReplyFilesField } from "./_parts/reply-files";
import { mergeErrors } from "../../server/refusal";

const KINDS = Object.keys(KIND_FIELDS) as NoticeKind[];

function kindOf(param: string | undefined): NoticeKind {
  if (!KINDS.includes(param as NoticeKind)) throw new Response("Not Found", { status: 404 });
  return param as NoticeKind;
}

/** Opens the step only when the rules allow it now (one 补正, within 7 working days; one extension before the due date…). */
async function openStep(ctx: Parameters<Parameters<typeof pluginLoader>[0]>[0], trx: Parameters<typeof applicationById>[0], id: string | undefined, kind: NoticeKind) {
  const view = await applicationView(ctx, trx, id);
  if (!view.steps.includes(`notice.${kind}`)) throw new Response("Conflict", { status: 409 });
  const app = (await applicationById(trx, view.application.id))!;
  return { view, app };
}

/** The editor of one notice or the reply: the facts it needs, and the letter generated from the office's template, which the officer may edit. */
export const loader = pluginLoader(async (ctx, { params }) => {
  const kind = kindOf(params.kind);
  if (ctx.mode !== "member") throw new Response("Forbidden", { status: 403 });
  return ctx.withTenant(async (trx) => {
    const { view, app } = await openStep(ctx, trx, params.id, kind);
    const values = { ...Object.fromEntries(KIND_FIELDS[kind].map((f) => [f, ""])), ...defaultValues(ctx, kind), title: "", body: "" };
    const letterLocale = app.locale as Locale;
    const composed = await compose(ctx, trx, app, view, kind, values, { keepBody: false, letterLocale });
    const files = kind === "reply" ? await draftFiles(trx, app.id) : [];
    return { kind, files, fileLimits: { accept: REPLY_FILE_ACCEPT, count: MAX_REPLY_FILES, mb: MAX_REPLY_FILE_BYTES / 1024 / 1024 }, base: `/t/${ctx.tenant.code}/admin/requests/applications/${app.id}`, application: view.application, clock: view.clock, values: { ...values, title: composed.title, body: composed.body }, letterLocale, grounds: groundOptions(ctx.locale), replyRows: admittedReplyRows(replyFacts(view)) };
  });
});

type Result = { values: NoticeValues; letterLocale: Locale; errors: Record<string, string[]>; message?: string; /** The reply's files ticked. */ files?: string[] };

export const action = pluginAction(async (ctx, { params, request }) => {
  const kind = kindOf(params.kind);
  if (ctx.mode !== "member") throw new Response("Forbidden", { status: 403 });
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "refresh");
  if (intent !== "refresh" && intent !== "submit") throw badRequest();
  const letterLocale = (LETTER_LOCALES.includes(form.get("letterLocale") as Locale) ? form.get("letterLocale") : "zh-CN") as Locale;
  const values = noticeValues(kind, form);
  const refused = checkedTexts(form).errors as Record<string, string[]>;
  // The reply's files are read and checked before anything is written. Refused texts, refused files
  // and the letter's own faults (composition, the application's dates, the fee) are told together.
  const filesInput = kind === "reply" ? await readReplyFilesInput(form) : null;
  const early: Record<string, string[]> = { ...refused, ...(filesInput?.errors.length ? { upload: filesInput.errors } : {}) };
  const outcome = await ctx.withTenant(async (trx) => {
    const { view, app } = await openStep(ctx, trx, params.id, kind);
    // With a refused text or file nothing is stored: only the files already uploaded and ticked are checked.
    const withFiles = filesInput ? await replyFilesOf(ctx, trx, app.id, hasErrors(early) ? { ...filesInput, uploads: [] } : filesInput) : undefined;
    const fileErrors: Record<string, string[]> = withFiles && !withFiles.ok ? { upload: [withFiles.error] } : {};
    const files = withFiles?.ok ? withFiles.files : undefined;
    const composed = await compose(ctx, trx, app, view, kind, values, { keepBody: intent === "submit", letterLocale, files });
    const shown = { ...values, title: composed.title, body: composed.body };
    const ticked = files?.map((f) => f.id) ?? filesInput?.chosen;
    // A refused text's own error says why, not what its value as typed fails besides.
    const letterErrors = Object.fromEntries(Object.entries(composed.ok ? {} : composed.errors).filter(([field]) => !early[field]));
    const refusedNow = mergeErrors(early, fileErrors) as Record<string, string[]>;
    const errors = mergeErrors(letterErrors, refusedNow) as Record<string, string[]>;
    const message = Object.values(errors)[0]?.[0];
    if (intent !== "submit" || hasErrors(errors)) return { result: { values: shown, letterLocale, errors, message, files: ticked }, status: hasErrors(refusedNow) || intent === "submit" ? 400 : 200 };
    if (!composed.ok) throw new Error("requests: a letter without faults did not compose");
    const drafted = await draftNotice(ctx, trx, app, { kind, title: composed.title, payload: composed.payload });
    if (!drafted.ok) return { result: { values: shown, letterLocale, errors: { _form: [drafted.error] } as Record<string, string[]>, message: drafted.error }, status: 409 };
    return { redirect: drafted.documentUrl };
  });
  if (outcome.redirect) return redirect(outcome.redirect);
  return data<Result>(outcome.result!, { status: outcome.status ?? 200 });
});

export default function NoticeEditor() {
  const { t } = useTranslation("requests");
  const locale = useLocale();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values: NoticeValues = result?.values ?? (loaded.values as NoticeValues);
  const errors = result?.errors ?? {};
  const { kind } = loaded;
  const fieldLabel = (name: string) => t(`staff.notice.fields.${name.replace(/\.\d+\./, ".")}`);
  // The summary links each field shown to its control (`f-<name>`); a slot's field says its slot, the files' errors link to the upload.
  const labels: Record<string, string> = Object.fromEntries(
    Object.keys(errors)
      .filter((name) => name in values || name === "letterLocale")
      .map((name) => {
        const slot = /^(released|withheld)\.(\d+)\./.exec(name);
        const label = name === "letterLocale" ? t("staff.notice.letterLocale") : fieldLabel(name);
        return [name, slot ? `${t(`staff.notice.${slot[1]}Slot`, { n: Number(slot[2]) + 1 })} · ${label}` : label];
      }),
  );
  if (kind === "reply") labels.upload = t("replyFiles.staff.upload");
  const summary: FieldErrors = kind === "reply" && errors.files ? { ...errors, upload: [...(errors.upload ?? []), ...errors.files], files: undefined } : errors;
  const input = (name: string, type = "text", more: { hint?: string; required?: boolean } = {}) => {
    const common = { name, label: fieldLabel(name), defaultValue: values[name], errors, ...more };
    return type === "textarea" ? <TextArea key={name} rows={4} {...common} /> : <TextField key={name} type={type} {...common} />;
  };
  return (
    <>
      <p>
        <Link to={loaded.base}>{t("staff.notice.back", { trackingNo: loaded.application.trackingNo })}</Link>
      </p>
      <h1>{t(`noticeKind.${kind}`)}</h1>
      <p className="lead">
        {loaded.application.subject} · {loaded.clock?.explanation}
      </p>
      <ErrorSummary errors={summary} labels={labels} />
      {result?.message && !Object.keys(errors).length && <FormMessage tone="error">{t(result.message.includes(":") ? result.message : `core:${result.message}`)}</FormMessage>}
      {/* The server says every fault at once; the browser's own checks would stop at the first. */}
      <PostForm className="stack" noValidate encType={kind === "reply" ? "multipart/form-data" : undefined}>
        <fieldset className="stack">
          <legend>{t("staff.notice.facts")}</legend>
          {kind === "supplement" && (
            <>
              {input("items", "textarea", { hint: t("staff.notice.itemsHint"), required: true })}
              {input("dueOn", "date", { required: true })}
            </>
          )}
          {kind === "extension" && (
            <>
              {input("days", "number", { hint: t("staff.notice.extensionHint"), required: true })}
              {input("reason", "textarea", { required: true })}
            </>
          )}
          {(kind === "third_party" || kind === "other_agency") && input("party", "text", { required: true })}
          {kind === "fee" && (
            <>
              <SelectField
                name="method"
                label={t("staff.notice.fields.method")}
                defaultValue={values.method}
                errors={errors}
                required
                options={(["per_application", "per_page"] as const).map((m) => ({ value: m, label: t(`staff.notice.method.${m}`) }))}
              />
              {input("pages", "number")}
              <FieldError id="f-fen" keys={errors.fen} />
            </>
          )}
          {kind === "reply" && <ReplyFields values={values} errors={errors} input={input} locale={locale} grounds={loaded.grounds} rows={loaded.replyRows} />}
          {kind === "reply" && <ReplyFilesField files={loaded.files} chosen={result?.files} errors={errors.upload ?? errors.files} base={loaded.base} accept={loaded.fileLimits.accept} max={loaded.fileLimits} />}
        </fieldset>
        <fieldset className="stack">
          <legend>{t("staff.notice.letter")}</legend>
          <SelectField
            name="letterLocale"
            label={t("staff.notice.letterLocale")}
            defaultValue={result?.letterLocale ?? loaded.letterLocale}
            options={LETTER_LOCALES.map((l) => ({ value: l, label: t(`staff.notice.locales.${l}`) }))}
          />
          {input("title", "text", { required: true })}
          <TextArea key={values.body} name="body" label={t("staff.notice.fields.body")} hint={t("staff.notice.bodyHint")} rows={18} defaultValue={values.body} errors={errors} required />
        </fieldset>
        <SubmitChoices name="intent" choices={[{ value: "refresh", label: t("staff.notice.refresh") }, { value: "submit", label: t("staff.notice.submit"), primary: true }]} />
      </PostForm>
    </>
  );
}

function ReplyFields({
  values,
  errors,
  input,
  locale,
  grounds,
  rows,
}: {
  values: NoticeValues;
  errors: FieldErrors;
  input: (name: string, type?: string, more?: { hint?: string; required?: boolean }) => JSX.Element;
  locale: Locale;
  grounds: { key: string; label: string }[];
  /** The rows the clock's facts allow today. */
  rows: string[];
}) {
  const { t } = useTranslation("requests");
  // The grounds offered follow the chosen row (law/reply-grounds.ts); without JavaScript, 刷新 does it.
  const [row, setRow] = useState(values.replyType ?? "");
  const offered = row ? grounds.filter((g) => admittedGrounds(row).includes(g.key)) : grounds;
  return (
    <>
      <SelectField name="replyType" label={t("staff.notice.fields.replyType")} defaultValue={values.replyType} onChange={(e) => setRow(e.currentTarget.value)} errors={errors} required>
        <option value="">{t("staff.notice.choose")}</option>
        {rows.map((key) => (
          <option key={key} value={key}>
            {replyTypeLabel(key, locale)}
          </option>
        ))}
        {/* A row sent back refused stays visible, so its error names what was chosen. */}
        {values.replyType && !rows.includes(values.replyType) && replyTypes("2021").some((r) => r.key === values.replyType) && (
          <option value={values.replyType}>{replyTypeLabel(values.replyType, locale)}</option>
        )}
      </SelectField>
      {input("obtain")}
      {input("note", "textarea")}
      <fieldset className="stack">
        <legend>{t("staff.notice.released")}</legend>
        <p className="hint">{t("staff.notice.releasedHint")}</p>
        {Array.from({ length: RELEASED_SLOTS }, (_, i) => (
          <fieldset key={i} className="stack">
            <legend>{t("staff.notice.releasedSlot", { n: i + 1 })}</legend>
            {input(`released.${i}.title`)}
            {input(`released.${i}.body`, "textarea")}
          </fieldset>
        ))}
      </fieldset>
      <fieldset className="stack">
        <legend>{t("staff.notice.withheld")}</legend>
        <p className="hint">{t("staff.notice.withheldHint")}</p>
        <FieldError id="f-withheld" keys={errors.withheld} />
        {Array.from({ length: WITHHELD_SLOTS }, (_, i) => (
          <fieldset key={i} className="stack">
            <legend>{t("staff.notice.withheldSlot", { n: i + 1 })}</legend>
            {input(`withheld.${i}.description`)}
            <SelectField name={`withheld.${i}.groundKey`} label={t("staff.notice.fields.withheld.groundKey")} defaultValue={values[`withheld.${i}.groundKey`]} errors={errors}>
              <option value="">{t("staff.notice.choose")}</option>
              {offered.map((g) => (
                <option key={g.key} value={g.key}>
                  {g.label}
                </option>
              ))}
              {/* A refused ground stays selected, so its error names what was chosen. */}
              {grounds
                .filter((g) => g.key === values[`withheld.${i}.groundKey`] && !offered.includes(g))
                .map((g) => (
                  <option key={g.key} value={g.key}>
                    {g.label}
                  </option>
                ))}
            </SelectField>
          </fieldset>
        ))}
      </fieldset>
      <fieldset className="stack">
        <legend>{t("staff.notice.responsible")}</legend>
        {input("responsibleAgency")}
        {input("responsibleContact")}
      </fieldset>
    </>
  );
}
