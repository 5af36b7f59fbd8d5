import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pluginAction, pluginLoader } from "../../server/loaders.server";
import { isUuid } from "../../../../app/plugin-api";
import { ErrorSummary, FileField, FormMessage, PostForm, ProgressBar, SubmitChoices, useLocale } from "../../../../app/plugin-api/ui";
import { importJobOf, reportStatus, startImportJob, type ImportJobView, type ImportReport } from "../../server/import/jobs.server";
import { openBatches } from "../../server/import/pending.server";
import { IMPORT_COLUMNS, templateCsv, templateXlsx } from "../../server/staff/import.server";
import { MAX_IMPORT_ROWS } from "../../server/staff/spreadsheet.server";

/**
 * Import of items published before the platform: the documented columns, a template, the batches in
 * approval and, with `?job=<id>`, one of the reader's imports: its progress while it runs, its
 * report once it ends (answered with the status the report calls for: 400 when something was refused).
 */
export const loader = pluginLoader(async (ctx, { request }) => {
  const jobId = new URL(request.url).searchParams.get("job");
  const job = ctx.mode === "member" && jobId && isUuid(jobId) ? await importJobOf(ctx, jobId) : null;
  const page = {
    base: `/t/${ctx.tenant.code}/admin/disclosure`,
    columns: IMPORT_COLUMNS.map((c) => ({ header: c.header, field: c.field, required: c.required })),
    template: `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${templateCsv()}`)}`,
    templateXlsx: `data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,${(await templateXlsx()).toString("base64")}`,
    maxRows: MAX_IMPORT_ROWS,
    batches: ctx.mode === "member" ? await ctx.withTenant((trx) => openBatches(ctx, trx)) : [],
    job,
    jobMissing: jobId !== null && !job,
  };
  const status = job?.report ? reportStatus(job.report) : page.jobMissing ? 404 : 200;
  return status === 200 && !job?.running ? page : data(page, { status, headers: job?.running ? { "Cache-Control": "no-store" } : undefined });
});

type Refused = { ok: false; fileError: string };

/**
 * `intent=check` (the default button) reports every problem and writes nothing; `intent=submit`
 * makes a clean file one import batch and submits it for approval — nothing is public before the
 * leader approves it. Either starts a job and answers with its page (`?job=<id>`), which shows its
 * progress until it ends.
 */
export const action = pluginAction(async (ctx, { request }) => {
  ctx.require("disclosure.items.import");
  if (ctx.mode !== "member") throw new Response("Forbidden", { status: 403 });
  const form = await request.formData();
  const file = form.get("file");
  const mode = form.get("intent") === "submit" ? "submit" : "check";
  if (!file || typeof file === "string" || file.size === 0) return data<Refused>({ ok: false, fileError: "errors.required" }, { status: 400 });
  const id = await startImportJob(ctx, file.name, new Uint8Array(await file.arrayBuffer()), mode);
  return redirect(`/t/${ctx.tenant.code}/admin/disclosure/import?job=${id}`, 303);
});

/** A running job: its stage and the rows checked, until it ends. */
function Progress({ job }: { job: ImportJobView }) {
  const { t } = useTranslation("disclosure");
  return (
    <section aria-labelledby="import-progress">
      <h2 id="import-progress">{t("staff.import.job.title", { file: job.fileName })}</h2>
      <ProgressBar
        label={t(`staff.import.job.mode.${job.mode}`)}
        value={job.done}
        max={job.stage === "reading" ? undefined : (job.total ?? undefined)}
        unit={t("staff.import.job.rows")}
        stage={t(`staff.import.job.stage.${job.stage}`)}
        running={job.running}
      />
      <p className="hint">{t("staff.import.job.leave")}</p>
    </section>
  );
}

function Outcome({ result }: { result: Extract<ImportReport, { ok: true }> }) {
  const { t } = useTranslation("disclosure");
  if (result.missing.length) return <FormMessage tone="error">{t("staff.import.missing", { columns: result.missing.join("、") })}</FormMessage>;
  return (
    <section aria-labelledby="import-result">
      <h2 id="import-result">{t("staff.import.resultTitle", { file: result.fileName })}</h2>
      {result.submitted?.ok ? (
        <div className="notice notice-success" role="status">
          <p>{t("staff.import.submitted", { count: result.submitted.count, title: result.submitted.title })}</p>
          <p>
            <Link to={result.submitted.url}>{t("staff.import.follow")}</Link>
          </p>
        </div>
      ) : result.submitted ? (
        <FormMessage tone="error">{t(result.submitted.error)}</FormMessage>
      ) : result.errorCount ? (
        <FormMessage tone="error">{t("staff.import.hasErrors", { count: result.errorCount, rows: result.total })}</FormMessage>
      ) : result.total === 0 ? (
        <FormMessage tone="error">{t("staff.import.empty")}</FormMessage>
      ) : (
        <p className="notice notice-info" role="status">
          {t("staff.import.clean", { count: result.valid })}
        </p>
      )}
      {result.errors.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption>{t("staff.import.errorsCaption", { count: result.errorCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("staff.import.row")}</th>
                <th scope="col">{t("staff.import.column")}</th>
                <th scope="col">{t("staff.import.problem")}</th>
              </tr>
            </thead>
            <tbody>
              {result.errors.map((e, i) => (
                <tr key={i}>
                  <th scope="row">{e.row}</th>
                  <td>{e.column || t("staff.import.wholeRow")}</td>
                  <td>{t(e.message.includes(":") ? e.message : `core:${e.message}`, e.params)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.errorCount > result.errors.length && <p className="hint">{t("staff.import.moreErrors", { count: result.errorCount - result.errors.length })}</p>}
        </div>
      )}
      {!result.submitted?.ok && result.preview.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption>{t("staff.import.previewCaption", { shown: result.preview.length, count: result.valid })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("staff.import.row")}</th>
                <th scope="col">{t("meta.title")}</th>
                <th scope="col">{t("meta.category")}</th>
                <th scope="col">{t("meta.docNumber")}</th>
                <th scope="col">{t("meta.publishedOn")}</th>
                <th scope="col">{t("meta.indexNumber")}</th>
              </tr>
            </thead>
            <tbody>
              {result.preview.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <th scope="row">{r.title}</th>
                  <td>{r.categoryLabel}</td>
                  <td>{r.docNumber ?? ""}</td>
                  <td>{r.publishedOn}</td>
                  <td>{r.indexNumber ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export default function Import() {
  const { t } = useTranslation("disclosure");
  const locale = useLocale();
  const { columns, template, templateXlsx, maxRows, batches, job, jobMissing } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const report = job?.report ?? null;
  const result = report?.ok ? report : null;
  const fileError: { fileError: string; count?: number } | null = refused ?? (report && !report.ok && "fileError" in report ? report : null);
  return (
    <>
      <h1>{t("staff.import.title")}</h1>
      <p>{t("staff.import.intro", { max: maxRows.toLocaleString(locale) })}</p>
      <p className="notice notice-info">{t("staff.import.attributeNote")}</p>
      {job?.running && <Progress job={job} />}
      {jobMissing && <FormMessage tone="error">{t("staff.import.job.missing")}</FormMessage>}
      {report && !report.ok && "failed" in report && <FormMessage tone="error">{t(report.failed)}</FormMessage>}
      {result && <Outcome result={result} />}
      {batches.length > 0 && (
        <section aria-labelledby="import-batches">
          <h2 id="import-batches">{t("staff.import.batchesTitle")}</h2>
          <ul>
            {batches.map((b) => (
              <li key={b.id}>
                <Link to={b.url}>{b.title}</Link> · {t(`core:workflow.status.${b.status}`)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <PostForm encType="multipart/form-data" className="stack narrow" noValidate>
        {/* A refused file (none chosen, not a spreadsheet, too many rows), from the action or the job's report. */}
        <ErrorSummary errors={fileError ? { file: [fileError.fileError] } : undefined} labels={{ file: t("staff.import.file") }} />
        <FileField
          name="file"
          label={t("staff.import.file")}
          hint={t("staff.import.fileHint")}
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          required
          errors={fileError ? { file: [fileError.fileError] } : undefined}
        />
        {fileError?.count !== undefined && <p className="error">{t("staff.import.rowCount", { count: fileError.count })}</p>}
        <SubmitChoices name="intent" choices={[{ value: "check", label: t("staff.import.check"), primary: true }, { value: "submit", label: t("staff.import.run") }]} />
        <p className="hint">{t("staff.import.runHint")}</p>
      </PostForm>

      <section aria-labelledby="import-columns">
        <h2 id="import-columns">{t("staff.import.columnsTitle")}</h2>
        <p>
          <a href={templateXlsx} download="disclosure-import-template.xlsx">
            {t("staff.import.templateXlsx")}
          </a>
          {" · "}
          <a href={template} download="disclosure-import-template.csv">
            {t("staff.import.template")}
          </a>
        </p>
        <table className="table" aria-labelledby="import-columns">
          <thead>
            <tr>
              <th scope="col">{t("staff.import.header")}</th>
              <th scope="col">{t("staff.import.required")}</th>
              <th scope="col">{t("staff.import.meaning")}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => (
              <tr key={c.header}>
                <th scope="row">{c.header}</th>
                <td>{c.required ? t("staff.import.yes") : t("staff.import.no")}</td>
                <td>{t(`staff.import.columns.${c.field}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
