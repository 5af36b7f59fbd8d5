import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { chinaDate } from "../../../../app/plugin-api";
import { parseForm } from "../../../../app/plugin-api/loaders.server";
import { ErrorSummary, type FieldErrors, PostForm, SubmitButton, TableScroll } from "../../../../app/plugin-api/ui";
import { addPastReport } from "../../server/past-reports.server";
import { staffPastReports } from "../../server/past-report-states.server";
import { startDraft } from "../../server/reports.server";
import { reportStatuses, type ReportYearStatus } from "../../server/status.server";
import { PAST_INTENT, PastReports } from "./_parts/past-reports";
import { DRAFT_PERMISSION, OVERSIGHT, pluginAction, pluginLoader, staffBase } from "./_parts/routes.server";

/** Years listed: this year and the four before it (the report of a year is due on 31 January after it). */
const YEARS_SHOWN = 5;

/** The office's reports by year, with their status and due date, and its past years' reports in the chain; a supervisor also sees the offices under the city. */
export const loader = pluginLoader(async (ctx) => {
  const today = chinaDate();
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: YEARS_SHOWN }, (_, i) => thisYear - i);
  const { rows, past } = await ctx.withTenant(async (trx) => {
    const out: { year: number; status: ReportYearStatus }[] = [];
    for (const year of years) {
      const status = await reportStatuses(trx, [ctx.tenant.id], year, { asOf: today, calendar: ctx.calendar });
      out.push({ year, status: status.get(ctx.tenant.id)! });
    }
    return { rows: out, past: await staffPastReports(ctx, trx) };
  });
  const subordinates = ctx.reports.offices.filter((o) => o.id !== ctx.tenant.id).map((o) => ({ code: o.code, name: o.name[ctx.locale] }));
  return { rows, past, subordinates, reportYear: thisYear - 1, consolidation: ctx.can(OVERSIGHT) ? `${staffBase(ctx.tenant.code)}/consolidation/${thisYear - 1}` : null, canDraft: ctx.mode === "member" && ctx.can(DRAFT_PERMISSION), base: staffBase(ctx.tenant.code) };
});

const StartForm = z.object({
  year: z.string({ error: "annual-report:errors.year" }).regex(/^\d{4}$/, "annual-report:errors.year"),
});

export const action = pluginAction(async (ctx, { request }) => {
  ctx.require(DRAFT_PERMISSION);
  const form = await request.formData();
  if (form.get("intent") === PAST_INTENT) {
    const added = await addPastReport(ctx, form);
    return added.ok ? data({ pastSent: true }) : data<{ pastErrors: FieldErrors }>({ pastErrors: added.errors }, { status: 400 });
  }
  const parsed = parseForm(StartForm, form);
  if (!parsed.ok) return data<{ errors: FieldErrors }>({ errors: parsed.errors }, { status: 400 });
  const year = Number(parsed.data.year);
  const started = await startDraft(ctx, year);
  if (started.ok) return redirect(`${staffBase(ctx.tenant.code)}/${year}`);
  const error = started.error ?? "core:errors.invalid";
  return data<{ errors: FieldErrors }>({ errors: error === "annual-report:errors.year" ? { year: [error] } : { _form: [error] } }, { status: error === "annual-report:errors.year" ? 400 : 409 });
});

export default function AnnualReports() {
  const { t } = useTranslation("annual-report");
  const { rows, past, subordinates, reportYear, canDraft, base, consolidation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t("staff.index.title")}</h1>
      <p className="lead">{t("staff.index.lead")}</p>
      <ErrorSummary errors={result && "errors" in result ? result.errors : undefined} />
      <TableScroll labelledBy="years-caption">
        <table className="table">
          <caption id="years-caption">{t("staff.index.years")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff.index.year")}</th>
              <th scope="col">{t("staff.index.status")}</th>
              <th scope="col">{t("staff.index.dueDate")}</th>
              <th scope="col">{t("staff.index.indexNumber")}</th>
              <th scope="col">{t("staff.index.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ year, status }) => (
              <tr key={year}>
                <th scope="row">
                  <Link to={`${base}/${year}`}>{t("staff.year.title", { year })}</Link>
                </th>
                <td>
                  <span className={`badge status-${status.state}`}>{t(`status.${status.state}`)}</span>
                  {status.publishedLate && ` ${t("staff.index.publishedLate")}`}
                </td>
                <td>{status.dueDate}</td>
                <td>{status.indexNumber ?? "—"}</td>
                <td>
                  {canDraft && status.version === 0 ? (
                    <PostForm>
                      <input type="hidden" name="year" value={year} />
                      <SubmitButton className={`button${year === reportYear ? " primary" : ""}`}>{t("staff.start", { year })}</SubmitButton>
                    </PostForm>
                  ) : (
                    <Link to={`${base}/${year}`}>{t("staff.index.open")}</Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <PastReports
        reports={past}
        canDraft={canDraft}
        errors={result && "pastErrors" in result ? result.pastErrors : undefined}
        sent={Boolean(result && "pastSent" in result)}
      />
      {subordinates.length > 0 && (
        <section aria-labelledby="offices">
          <h2 id="offices">{t("staff.index.offices", { year: reportYear })}</h2>
          <p className="hint">{t("staff.index.officesHint")}</p>
          {consolidation && (
            <p>
              <Link to={consolidation}>{t("consolidation.link")}</Link>
            </p>
          )}
          <ul>
            {subordinates.map((o) => (
              <li key={o.code}>
                <Link to={`/t/${o.code}/admin/annual-report/${reportYear}`}>{o.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
