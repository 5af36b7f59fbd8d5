import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pluginAction, pluginLoader } from "../../server/loaders.server";
import { FileField, FormMessage, PostForm, SubmitChoices, useLocale } from "../../../../app/plugin-api/ui";
import { openBatches } from "../../server/import/pending.server";
import { runImport, type Submitted } from "../../server/import/run.server";
import { IMPORT_COLUMNS, templateCsv, templateXlsx, type ImportRow, type RowError } from "../../server/staff/import.server";
import { MAX_IMPORT_ROWS, readSheet } from "../../server/staff/spreadsheet.server";

const SHOWN_ERRORS = 500;
const SHOWN_PREVIEW = 20;

/** Import of items published before the platform: the documented columns, a template, and the batches in approval. */
export const loader = pluginLoader(async (ctx) => ({
  base: `/t/${ctx.tenant.code}/admin/disclosure`,
  columns: IMPORT_COLUMNS.map((c) => ({ header: c.header, field: c.field, required: c.required })),
  template: `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${templateCsv()}`)}`,
  templateXlsx: `data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,${(await templateXlsx()).toString("base64")}`,
  maxRows: MAX_IMPORT_ROWS,
  batches: ctx.mode === "member" ? await ctx.withTenant((trx) => openBatches(ctx, trx)) : [],
}));

type Result =
  | { ok: false; fileError: string; count?: number }
  | {
      ok: true;
      mode: "check" | "submit";
      fileName: string;
      total: number;
      valid: number;
      errors: RowError[];
      errorCount: number;
      missing: string[];
      preview: Pick<ImportRow, "row" | "title" | "categoryLabel" | "docNumber" | "publishedOn" | "indexNumber">[];
      submitted: Submitted | null;
    };

/**
 * `intent=check` (the default button) reports every problem and writes nothing; `intent=submit`
 * makes a clean file one import batch and submits it for approval — nothing is public before the
 * leader approves it.
 */
export const action = pluginAction(async (ctx, { request }) => {
  ctx.require("disclosure.items.import");
  if (ctx.mode !== "member") throw new Response("Forbidden", { status: 403 });
  const form = await request.formData();
  const file = form.get("file");
  const mode = form.get("intent") === "submit" ? "submit" : "check";
  if (!file || typeof file === "string" || file.size === 0) return data<Result>({ ok: false, fileError: "errors.required" }, { status: 400 });
  const sheet = await readSheet(file.name, new Uint8Array(await file.arrayBuffer()));
  if (!sheet.ok) return data<Result>({ ok: false, fileError: sheet.error, count: sheet.count }, { status: 400 });

  const outcome = await runImport(ctx, sheet.sheet, file.name, mode);
  const refused = (outcome.submitted && !outcome.submitted.ok) || outcome.errors.length > 0 || outcome.missing.length > 0;
  return data<Result>(
    {
      ok: true,
      mode,
      fileName: file.name,
      total: sheet.sheet.rows.length,
      valid: outcome.rows.length,
      errors: outcome.errors.slice(0, SHOWN_ERRORS),
      errorCount: outcome.errors.length,
      missing: outcome.missing,
      preview: outcome.rows
        .slice(0, SHOWN_PREVIEW)
        .map((r) => ({ row: r.row, title: r.title, categoryLabel: r.categoryLabel, docNumber: r.docNumber, publishedOn: r.publishedOn, indexNumber: r.indexNumber })),
      submitted: outcome.submitted,
    },
    { status: refused ? 400 : 200 },
  );
});

function Outcome({ result }: { result: Extract<Result, { ok: true }> }) {
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
  const { columns, template, templateXlsx, maxRows, batches } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fileError = result && !result.ok ? result : null;
  return (
    <>
      <h1>{t("staff.import.title")}</h1>
      <p>{t("staff.import.intro", { max: maxRows.toLocaleString(locale) })}</p>
      <p className="notice notice-info">{t("staff.import.attributeNote")}</p>
      {result?.ok && <Outcome result={result} />}
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
