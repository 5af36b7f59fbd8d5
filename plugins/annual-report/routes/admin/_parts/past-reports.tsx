import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DateField, ErrorSummary, type FieldErrors, FileField, PostForm, SubmitButton, TableScroll, TextField } from "../../../../../app/plugin-api/ui";
import type { StaffPastReport } from "../../../server/past-report-states.server";

/** The intent of the years page's form that adds a past year's report. */
export const PAST_INTENT = "past";
const PREFIX = "past";

/**
 * Past years' reports as the staff see them: each with its state in the office's chain (only
 * 已公开 is public) and its workflow document; for a drafter, the form that sends another one.
 */
export function PastReports({ reports, canDraft, errors, sent }: { reports: StaffPastReport[]; canDraft: boolean; errors: FieldErrors | undefined; sent: boolean }) {
  const { t } = useTranslation("annual-report");
  const f = (key: string) => t(`staff.past.form.${key}`);
  return (
    <section aria-labelledby="past-reports">
      <h2 id="past-reports">{t("staff.past.title")}</h2>
      <p className="hint">{t("staff.past.hint")}</p>
      {reports.length === 0 ? (
        <p className="muted">{t("staff.past.none")}</p>
      ) : (
        <TableScroll labelledBy="past-caption">
          <table className="table">
            <caption id="past-caption">{t("staff.past.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("staff.index.year")}</th>
                <th scope="col">{t("staff.past.reportTitle")}</th>
                <th scope="col">{t("staff.index.status")}</th>
                <th scope="col">{t("staff.past.kept")}</th>
                <th scope="col">{t("staff.past.document")}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.year}>
                  <th scope="row">{r.year}</th>
                  <td lang="zh-CN">{r.title}</td>
                  <td>
                    <span className={`badge status-${r.state}`}>{t(`staff.past.state.${r.state}`)}</span>
                  </td>
                  <td>{[r.fileName, r.url].filter(Boolean).join(" · ")}</td>
                  <td>{r.documentUrl ? <Link to={r.documentUrl}>{t("staff.openDocument")}</Link> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canDraft && (
        <PostForm encType="multipart/form-data" noValidate className="stack">
          <h3>{f("legend")}</h3>
          {sent && <p role="status">{t("staff.past.sent")}</p>}
          <ErrorSummary errors={errors} idPrefix={PREFIX} labels={{ year: f("year"), title: f("title"), url: f("url"), publishedOn: f("publishedOn"), file: f("file") }} />
          <input type="hidden" name="intent" value={PAST_INTENT} />
          <TextField idPrefix={PREFIX} name="year" label={f("year")} errors={errors} inputMode="numeric" maxLength={4} size={6} required />
          <TextField idPrefix={PREFIX} name="title" label={f("title")} errors={errors} maxLength={300} required />
          <FileField idPrefix={PREFIX} name="file" label={f("file")} hint={f("fileHint")} errors={errors} accept=".pdf,.docx" />
          <TextField idPrefix={PREFIX} name="url" type="url" label={f("url")} errors={errors} maxLength={2000} />
          <DateField idPrefix={PREFIX} name="publishedOn" label={f("publishedOn")} errors={errors} />
          <SubmitButton className="button">{f("submit")}</SubmitButton>
        </PostForm>
      )}
    </section>
  );
}
