import { useTranslation } from "react-i18next";
import { CategoryOptions } from "./category-options";
import { topicLabel } from "../../../data/topics";
import { Checkbox, ErrorSummary, FieldError, type FieldErrors, FileField, FileMeta, PostForm, RichTextEditor, SelectField, SubmitChoices, TextArea, TextField, useLocale } from "../../../../../app/plugin-api/ui";
import { VALIDITY } from "../../../server/item-schema";

export interface FormAttachment {
  id: string;
  name: string;
  mime: string;
  size: number;
}

interface Options {
  categories: { key: string; label: string; depth: number }[];
  listRows: { group: string; rows: { key: string; label: string }[] }[];
  policies: { id: string; title: string; docNumber: string | null }[];
  topics: string[];
}

/** The fields of a disclosure item: metadata, validity, interpretation link, body and attachments. */
export function ItemForm({
  values,
  errors,
  options,
  attachments,
  removed,
  version,
  signature,
  correcting,
  preview,
  refusal,
}: {
  values: Record<string, string>;
  errors: FieldErrors;
  options: Options;
  attachments: FormAttachment[];
  removed: string[];
  version: number | null;
  signature: string;
  correcting: boolean;
  /** The body's published rendition, after 预览. */
  preview: string | null;
  /** A refused submission, with its message when the whole form was refused (a stale version, a hidden value). */
  refusal: { message?: string } | null;
}) {
  const { t } = useTranslation("disclosure");
  const locale = useLocale();
  const topics = values.topic && !options.topics.includes(values.topic) ? [...options.topics, values.topic] : options.topics;
  // The summary links each error to the control it is about: attachments' to the file chooser, the body format's to the body.
  const { attachments: fileErrors, bodyFormat: formatErrors, ...fieldErrors } = errors;
  const shown: FieldErrors = { ...fieldErrors, files: fileErrors, body: [...(errors.body ?? []), ...(formatErrors ?? [])] };
  const labels = Object.fromEntries(
    (
      [
        ["title", "meta.title"],
        ["summary", "fields.summary"],
        ["categoryKey", "fields.categoryKey"],
        ["listRowKey", "fields.listRowKey"],
        ["issuer", "fields.issuer"],
        ["docNumber", "fields.docNumber"],
        ["writtenOn", "fields.writtenOn"],
        ["formedOn", "fields.formedOn"],
        ["topic", "fields.topic"],
        ["attribute", "meta.attribute"],
        ["validity", "meta.validity"],
        ["validFrom", "meta.validFrom"],
        ["endedOn", "meta.endedOn"],
        ["interpretsId", "staff.editor.interprets"],
        ["files", "staff.editor.addFiles"],
        ["correctionReason", "fields.correctionReason"],
        ["body", "fields.body"],
        ["bodyFile", "staff.editor.bodyFile"],
      ] as const
    ).map(([field, key]) => [field, t(key)]),
  );
  // A refusal's message (the whole form's, said in its place of a hidden field's error) and the note that nothing was saved lead the summary.
  const summary: FieldErrors = refusal
    ? {
        _form: [...(refusal.message ? [refusal.message] : []), "disclosure:staff.editor.notSaved"],
        ...(refusal.message ? Object.fromEntries(Object.entries(shown).filter(([field]) => field in labels)) : shown),
      }
    : shown;
  return (
    <PostForm encType="multipart/form-data" className="stack" noValidate>
      <ErrorSummary errors={summary} labels={labels} />
      {version !== null && <input type="hidden" name="version" value={version} />}
      <input type="hidden" name="seenFindings" value={signature} />
      {correcting && <input type="hidden" name="correctsId" value={values.correctsId} />}

      <TextField name="title" label={t("meta.title")} defaultValue={values.title} errors={errors} required maxLength={300} />
      <TextArea name="summary" label={t("fields.summary")} defaultValue={values.summary} errors={errors} rows={3} maxLength={500} hint={t("staff.editor.summaryHint")} />
      <SelectField name="categoryKey" label={t("fields.categoryKey")} defaultValue={values.categoryKey} errors={errors} required>
        <option value="">{t("staff.editor.choose")}</option>
        <CategoryOptions categories={options.categories} />
      </SelectField>
      <SelectField name="listRowKey" label={t("fields.listRowKey")} defaultValue={values.listRowKey} errors={errors} hint={t("staff.editor.listRowHint")}>
        <option value="">{t("staff.editor.noListRow")}</option>
        {options.listRows.map((g) => (
          <optgroup key={g.group} label={g.group}>
            {g.rows.map((r) => (
              <option key={r.key} value={r.key}>
                {r.label}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <TextField name="issuer" label={t("fields.issuer")} defaultValue={values.issuer} errors={errors} required maxLength={100} />
      <TextField name="docNumber" label={t("fields.docNumber")} defaultValue={values.docNumber} errors={errors} maxLength={100} hint={t("staff.editor.docNumberHint")} />
      <TextField name="writtenOn" type="date" label={t("fields.writtenOn")} defaultValue={values.writtenOn} errors={errors} required />
      <TextField name="formedOn" type="date" label={t("fields.formedOn")} defaultValue={values.formedOn} errors={errors} required hint={t("staff.editor.formedOnHint")} />
      <SelectField name="topic" label={t("fields.topic")} defaultValue={values.topic} errors={errors} required>
        <option value="">{t("staff.editor.choose")}</option>
        {topics.map((v) => (
          <option key={v} value={v}>
            {topicLabel(v, locale)}
          </option>
        ))}
      </SelectField>
      <SelectField name="attribute" label={t("meta.attribute")} defaultValue={values.attribute || "proactive"} errors={errors} hint={t("staff.editor.attributeHint")}>
        <option value="proactive">{t("attribute.proactive")}</option>
        <option value="on_request">{t("attribute.on_request")}</option>
      </SelectField>

      <fieldset className="stack">
        <legend>{t("staff.editor.validityLegend")}</legend>
        <p className="hint">{t("staff.editor.validityHint")}</p>
        <SelectField name="validity" label={t("meta.validity")} defaultValue={values.validity} errors={errors}>
          <option value="">{t("staff.editor.noValidity")}</option>
          {VALIDITY.map((v) => (
            <option key={v} value={v}>
              {t(`validity.${v}`)}
            </option>
          ))}
        </SelectField>
        <TextField name="validFrom" type="date" label={t("meta.validFrom")} defaultValue={values.validFrom} errors={errors} />
        <TextField name="endedOn" type="date" label={t("meta.endedOn")} defaultValue={values.endedOn} errors={errors} hint={t("staff.editor.endedOnHint")} />
      </fieldset>

      <SelectField name="interpretsId" label={t("staff.editor.interprets")} defaultValue={values.interpretsId} errors={errors} hint={t("staff.editor.interpretsHint")}>
        <option value="">{t("staff.editor.noPolicy")}</option>
        {options.policies.map((p) => (
          <option key={p.id} value={p.id}>
            {p.docNumber ? `${p.title}（${p.docNumber}）` : p.title}
          </option>
        ))}
      </SelectField>

      <BodyField values={values} errors={errors} />
      {preview !== null && (
        <section aria-labelledby="preview-title" className="preview">
          <h2 id="preview-title">{t("staff.editor.previewTitle")}</h2>
          <p className="hint">{t("staff.editor.previewHint")}</p>
          <div className="rich-text" data-rendition="preview" dangerouslySetInnerHTML={{ __html: preview }} />
        </section>
      )}

      <fieldset className="stack">
        <legend>{t("fields.attachments")}</legend>
        {attachments.length > 0 && (
          <ul>
            {attachments.map((a) => (
              <li key={a.id}>
                <input type="hidden" name="attachment" value={a.id} />
                {a.name} <FileMeta className="muted" mime={a.mime} name={a.name} size={a.size} />{" "}
                <Checkbox
                  name="removeAttachment"
                  idPrefix={`attachment-${a.id}`}
                  label={
                    <>
                      {t("staff.editor.removeAttachment")}
                      <span className="visually-hidden">{a.name}</span>
                    </>
                  }
                  value={a.id}
                  defaultChecked={removed.includes(a.id)}
                />
              </li>
            ))}
          </ul>
        )}
        <FileField
          name="files"
          label={t("staff.editor.addFiles")}
          hint={t("staff.editor.filesHint")}
          multiple
          accept=".pdf,.docx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
          errors={{ files: errors.attachments }}
        />
      </fieldset>

      {correcting && (
        <>
          <TextArea name="correctionReason" label={t("fields.correctionReason")} defaultValue={values.correctionReason} errors={errors} rows={3} required />
          <FieldError id="f-correctsId" keys={errors.correctsId} />
        </>
      )}

      <SubmitChoices name="intent" choices={[{ value: "save", label: t("staff.editor.save") }, { value: "preview", label: t("staff.editor.preview") }, { value: "submit", label: t("staff.editor.submit"), primary: true }]} />
      <p className="hint">{t("staff.editor.submitHint")}</p>
    </PostForm>
  );
}

/**
 * 正文: the rich-text editor once JavaScript runs, the textarea before (typed text, blank lines
 * between paragraphs; a body with structure as its HTML), and a .docx that replaces it.
 */
function BodyField({ values, errors }: { values: Record<string, string>; errors: FieldErrors }) {
  const { t } = useTranslation("disclosure");
  const format = values.bodyFormat === "html" ? "html" : "plain";
  const own = [...(errors.body ?? []), ...(errors.bodyFormat ?? [])];
  return (
    <>
      <div className="field">
        <label id="f-body-label" htmlFor="f-body">
          {t("fields.body")}
        </label>
        <RichTextEditor
          // A body the server replaced (a .docx, the sanitised preview) starts the editor afresh.
          key={`${format}:${values.body}`}
          id="f-body"
          name="body"
          formatName="bodyFormat"
          labelId="f-body-label"
          defaultValue={values.body ?? ""}
          defaultFormat={format}
          rows={14}
          aria-describedby={`f-body-hint${own.length ? " f-body-error" : ""}`}
          aria-invalid={own.length ? true : undefined}
        />
        <p className="hint" id="f-body-hint">
          {t("staff.editor.bodyHint")}
        </p>
        {format === "html" && (
          <noscript>
            <p className="hint">{t("staff.editor.bodyHtmlShown")}</p>
          </noscript>
        )}
        <FieldError id="f-body" keys={own.length ? own : undefined} />
      </div>
      <FileField
        name="bodyFile"
        label={t("staff.editor.bodyFile")}
        hint={t("staff.editor.bodyFileHint")}
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        errors={errors}
      />
    </>
  );
}
