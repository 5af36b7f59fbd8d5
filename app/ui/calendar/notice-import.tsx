import { useTranslation } from "react-i18next";
import type { NoticeError, NoticeSource, PreviewDay } from "~/core/calendar/notice-days";
import { PostForm } from "~/ui/forms";
import { ErrorSummary, FileField, SubmitButton, TextArea, TextField } from "~/ui/form-kit";
import type { FieldErrors } from "~/core/input/field-errors";

/** The text's or file's own error when the notice in it was read and refused. */
const NOTICE_FIELD_ERROR = "platform:calendar.import.errors.field";

export interface NoticePreview {
  year: number;
  source: NoticeSource;
  content: string;
  days: (PreviewDay & { weekday: string })[];
  /** Rows imported earlier for this year that the import replaces. */
  replacing: number;
}

export interface NoticeFailure {
  source: NoticeSource | null;
  errors: FieldErrors;
  noticeErrors: NoticeError[];
  values: { year: string; text: string };
}

/** The two ways in (paste the notice, upload an .ics), each a plain form: preview first, write on confirm. */
export function NoticeImportForms({ failure, firstYear, lastYear }: { failure: NoticeFailure | null; firstYear: number; lastYear: number }) {
  const { t } = useTranslation("platform");
  const own = (source: NoticeSource) => (failure?.source === source ? failure : null);
  // A notice read and refused marks the text or file it came from, whose error points to the faults listed in the summary.
  const errorsOf = (source: NoticeSource): FieldErrors | undefined => {
    const failed = own(source);
    if (!failed?.noticeErrors.length) return failed?.errors;
    const field = source === "text" ? "text" : "file";
    return { ...failed.errors, [field]: [...(failed.errors[field] ?? []), NOTICE_FIELD_ERROR] };
  };
  // Each form's errors in one summary above it (its fields' ids are `f-<source>-<name>`), the notice's own faults listed inside it.
  const labels = { year: t("calendar.import.year"), text: t("calendar.import.text"), file: t("calendar.import.file") };
  const summary = (source: NoticeSource) => (
    <ErrorSummary errors={errorsOf(source)} labels={labels} idPrefix={`f-${source}`}>
      {own(source)?.noticeErrors.length ? <NoticeErrors errors={own(source)!.noticeErrors} /> : null}
    </ErrorSummary>
  );
  const yearField = (source: NoticeSource) => (
    <TextField
      name="year"
      type="number"
      inputMode="numeric"
      label={t("calendar.import.year")}
      hint={t("calendar.import.yearHint")}
      required
      min={firstYear}
      max={lastYear}
      defaultValue={own(source)?.values.year}
      errors={errorsOf(source)}
      idPrefix={`f-${source}`}
    />
  );
  return (
    <section aria-labelledby="calendar-import">
      <h2 id="calendar-import">{t("calendar.import.title")}</h2>
      <p className="muted">{t("calendar.import.intro")}</p>
      <div className="stack">
        <PostForm className="stack" noValidate aria-labelledby="calendar-import-text">
          <h3 id="calendar-import-text">{t("calendar.import.textTitle")}</h3>
          <input type="hidden" name="intent" value="preview" />
          <input type="hidden" name="source" value="text" />
          {summary("text")}
          {yearField("text")}
          <TextArea
            name="text"
            label={t("calendar.import.text")}
            hint={t("calendar.import.textHint")}
            rows={10}
            required
            errors={errorsOf("text")}
            idPrefix="f-text"
            defaultValue={own("text")?.values.text}
          />
          <SubmitButton className="button primary">
            {t("calendar.import.preview")}
          </SubmitButton>
        </PostForm>

        <PostForm className="stack narrow" noValidate encType="multipart/form-data" aria-labelledby="calendar-import-ics">
          <h3 id="calendar-import-ics">{t("calendar.import.icsTitle")}</h3>
          <input type="hidden" name="intent" value="preview" />
          <input type="hidden" name="source" value="ics" />
          {summary("ics")}
          {yearField("ics")}
          <FileField name="file" label={t("calendar.import.file")} hint={t("calendar.import.fileHint")} accept=".ics,text/calendar" required errors={errorsOf("ics")} idPrefix="f-ics" />
          <SubmitButton className="button primary">
            {t("calendar.import.preview")}
          </SubmitButton>
        </PostForm>
      </div>
    </section>
  );
}

/** The days an import will set, beside what each is now; confirming posts the same notice again to be read and written. */
export function NoticePreviewTable({ preview }: { preview: NoticePreview }) {
  const { t } = useTranslation("platform");
  const kind = (workday: boolean) => t(workday ? "calendar.import.makeUpDay" : "calendar.restDay");
  const rest = preview.days.filter((d) => !d.workday).length;
  return (
    <section aria-labelledby="calendar-preview">
      <h2 id="calendar-preview">{t("calendar.import.previewTitle", { year: preview.year })}</h2>
      <p>{t("calendar.import.previewSummary", { year: preview.year, rest, work: preview.days.length - rest })}</p>
      {preview.replacing > 0 && <p className="notice notice-info">{t("calendar.import.replacing", { year: preview.year, count: preview.replacing })}</p>}
      <div className="table-scroll">
        <table className="table">
          <caption>{t("calendar.import.previewCaption", { year: preview.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("calendar.date")}</th>
              <th scope="col">{t("calendar.weekday")}</th>
              <th scope="col">{t("calendar.import.sets")}</th>
              <th scope="col">{t("calendar.import.holiday")}</th>
              <th scope="col">{t("calendar.import.now")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.days.map((d) => (
              <tr key={d.date}>
                <th scope="row">
                  <time dateTime={d.date}>{d.date}</time>
                </th>
                <td>{d.weekday}</td>
                <td>{d.workday ? <strong>{kind(true)}</strong> : kind(false)}</td>
                <td>{d.name}</td>
                <td>
                  {t(d.now.workday ? "calendar.workday" : "calendar.restDay")}
                  <span className="muted">
                    {" "}
                    {d.now.noticeYear !== null
                      ? t("calendar.sources.imported", { year: d.now.noticeYear })
                      : t(`calendar.sources.${d.now.source}`)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PostForm className="stack narrow">
        <input type="hidden" name="intent" value="import" />
        <input type="hidden" name="source" value={preview.source} />
        <input type="hidden" name="year" value={preview.year} />
        <input type="hidden" name="content" value={preview.content} />
        <SubmitButton className="button primary">
          {t("calendar.import.confirm", { year: preview.year, count: preview.days.length })}
        </SubmitButton>
      </PostForm>
    </section>
  );
}

/** The faults a notice was refused for, each with its line or date, announced as they appear. */
function NoticeErrors({ errors }: { errors: NoticeError[] }) {
  const { t } = useTranslation("platform");
  return (
    <div role="alert">
      <p>{t("calendar.import.errors.intro")}</p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>{t(e.key, e.values)}</li>
        ))}
      </ul>
    </div>
  );
}
