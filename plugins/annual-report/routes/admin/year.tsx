import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { chinaDate } from "../../../../app/plugin-api";
import { ErrorSummary, PostForm, SubmitButton, TextArea } from "../../../../app/plugin-api/ui";
import { reportStatuses } from "../../server/status.server";
import { CheckList } from "./_parts/check-list";
import { ManualCellsForm } from "./_parts/manual-cells-form";
import { NarrativeEditor } from "./_parts/narrative-editor";
import { ReportSections } from "./_parts/report-sections";
import { yearAction } from "./_parts/year-action.server";
import { DRAFT_PERMISSION, pluginAction, pluginLoader, staffBase, yearParam } from "./_parts/routes.server";
import { yearView } from "./_parts/year-view.server";

/** The year's report as the drafter works on it: the tables as published, the manual cells, the narrative, the checks, submission; read-only once sent. */
export const loader = pluginLoader(async (ctx, { params }) => {
  const year = yearParam(params);
  const view = await yearView(ctx, year);
  const status = await ctx.withTenant((trx) => reportStatuses(trx, [ctx.tenant.id], year, { asOf: chinaDate(), calendar: ctx.calendar }));
  return {
    view,
    status: status.get(ctx.tenant.id)!,
    canDraft: ctx.mode === "member" && ctx.can(DRAFT_PERMISSION),
    base: staffBase(ctx.tenant.code),
    documentsBase: `/t/${ctx.tenant.code}/admin/documents`,
    lang: ctx.locale === "zh-TW" ? "zh-TW" : "zh-CN",
  };
});

/** Refusals because of the report's state (sent, published meanwhile), not the form's content. */
const CONFLICTS = new Set(["annual-report:errors.notDrafting", "annual-report:errors.notPublished", "annual-report:errors.inWork", "annual-report:errors.alreadyPublished"]);

export const action = pluginAction(async (ctx, { params, request }) => {
  const year = yearParam(params);
  const result = await yearAction(ctx, year, await request.formData());
  return data(result, { status: result.ok ? 200 : CONFLICTS.has(result.error) ? 409 : 400 });
});

export default function ReportYear() {
  const { t } = useTranslation("annual-report");
  const { view, status, canDraft, base, documentsBase, lang } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const refusedAt = (intent: string) => (result && !result.ok && result.intent === intent ? result : undefined);
  const report = view.report;
  const unplaced = result && !result.ok && (result.intent === null || result.intent === "submit" || result.intent === "start" || result.intent === "confirm") ? result : undefined;
  const correction = refusedAt("correct");
  return (
    <>
      <p>
        <Link to={base}>{t("staff.back")}</Link>
      </p>
      <h1 lang={view.model ? lang : undefined}>{view.model?.title ?? t("staff.year.title", { year: view.year })}</h1>
      <p>
        <span className={`badge status-${status.state}`}>{t(`status.${status.state}`)}</span> {t("staff.due", { date: status.dueDate })}
        {report && ` · ${t("staff.year.version", { n: report.version })}`}
      </p>
      {unplaced && (
        <ErrorSummary errors={{ _form: [unplaced.error] }}>
          {unplaced.unfinished > 0 && <p>{t("narrative.unfinished", { count: unplaced.unfinished })}</p>}
          {unplaced.problems.length > 0 && <CheckList problems={unplaced.problems} lang={lang} />}
        </ErrorSummary>
      )}
      {result?.ok && result.intent === "submit" && (
        <div className="notice notice-success" role="status">
          <p>
            {t("staff.submitted")} <Link to={`${documentsBase}/${result.documentId}`}>{t("staff.openDocument")}</Link>
          </p>
          {result.warnings && result.warnings.length > 0 && <CheckList problems={result.warnings} lang={lang} />}
        </div>
      )}
      {result?.ok && result.intent !== "submit" && (
        <p className="notice notice-success" role="status">
          {t("staff.saved")}
        </p>
      )}

      {!report && (
        <>
          <p>{t("staff.year.notStarted")}</p>
          {canDraft && (
            <PostForm>
              <input type="hidden" name="intent" value="start" />
              <SubmitButton className="button primary">{t("staff.start", { year: view.year })}</SubmitButton>
            </PostForm>
          )}
        </>
      )}

      {report && report.correctionReason && <p className="notice notice-info">{t("staff.year.correcting", { reason: report.correctionReason })}</p>}
      {report && !view.editable && report.documentId && report.status === "in_approval" && (
        <p className="notice notice-info">
          {t("staff.year.inApproval")} <Link to={`${documentsBase}/${report.documentId}`}>{t("staff.openDocument")}</Link>
        </p>
      )}
      {report && report.status === "published" && (
        <div className="notice notice-info">
          <p>
            {t("staff.year.published", { indexNumber: report.indexNumber ?? "—", date: report.publishedOn ?? "—" })}
            {view.publicUrl && (
              <>
                {" "}
                <a href={view.publicUrl}>{t("staff.year.publicPage")}</a>
              </>
            )}
          </p>
        </div>
      )}
      {report && report.status === "published" && canDraft && (
        <PostForm className="stack narrow" noValidate>
          <ErrorSummary errors={correction?.errors} labels={{ reason: t("staff.correction.reason") }} idPrefix="correct" />
          <input type="hidden" name="intent" value="correct" />
          <fieldset className="stack">
            <legend>{t("staff.correction.legend")}</legend>
            <TextArea name="reason" idPrefix="correct" label={t("staff.correction.reason")} hint={t("staff.correction.hint")} rows={3} maxLength={500} required defaultValue={correction?.values.reason ?? ""} errors={correction?.errors ?? {}} />
            <p className="actions">
              <SubmitButton className="button">{t("staff.correction.start")}</SubmitButton>
            </p>
          </fieldset>
        </PostForm>
      )}

      {view.editable && (
        <section aria-labelledby="checks">
          <h2 id="checks">{t("staff.checks")}</h2>
          <CheckList problems={view.problems} lang={lang} />
        </section>
      )}
      {view.editable && canDraft && (
        <>
          <section aria-labelledby="cells">
            <h2 id="cells">{t("staff.cells.title")}</h2>
            <ManualCellsForm cells={view.manualCells} errors={refusedAt("cells")?.errors ?? {}} kept={refusedAt("cells")?.values} lang="zh-CN" />
          </section>
          <section aria-labelledby="narrative">
            <h2 id="narrative">{t("staff.narrative.title")}</h2>
            <NarrativeEditor view={view} errors={refusedAt("narrative")?.errors ?? {}} kept={refusedAt("narrative")?.values} lang="zh-CN" />
          </section>
          <section aria-labelledby="submit">
            <h2 id="submit">{t("staff.submit.title")}</h2>
            <p className="hint">{t("staff.submit.hint")}</p>
            <PostForm>
              <input type="hidden" name="intent" value="submit" />
              <SubmitButton className="button primary">{t("staff.submit.button")}</SubmitButton>
            </PostForm>
          </section>
        </>
      )}
      {view.model && (
        <section aria-labelledby="preview">
          <h2 id="preview">{view.editable ? t("staff.preview") : t("staff.report")}</h2>
          <ReportSections model={view.model} lang={lang} />
        </section>
      )}
    </>
  );
}
