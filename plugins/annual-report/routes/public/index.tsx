import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listedReports } from "../../server/past-reports.server";
import { pluginLoader } from "../../server/loaders.server";
import { reportDocxUrl } from "../../server/publish/publish.server";

/** Every year's report of the office, the latest first: those published here (with 索引号 and the Word file) and earlier ones kept as a file or link. */
export const loader = pluginLoader(async (ctx) => {
  const code = ctx.tenant.code;
  const reports = await ctx.withTenant((trx) => listedReports(trx, ctx.tenant));
  return {
    title: `${ctx.t("nav.reports")} · ${ctx.tenant.name[ctx.locale]}`,
    reports: reports.map((r) => ({
      ...r,
      docxUrl: r.kind === "platform" ? reportDocxUrl(code, r.year) : null,
      // By year, as every page of the report is addressed: one kept report per office and year.
      fileUrl: r.fileId ? `/t/${code}/annual-report/${r.year}/past-report` : null,
    })),
  };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function AnnualReports() {
  const { t } = useTranslation("annual-report");
  const { reports } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("nav.reports")}</h1>
      <p className="lead">{t("public.intro")}</p>
      {reports.length === 0 ? (
        <p className="muted">{t("public.empty")}</p>
      ) : (
        <ul className="report-list">
          {reports.map((r) => (
            <li key={r.year}>
              <h2>
                {r.kind === "platform" && r.url ? (
                  <Link to={r.url} lang="zh-CN">
                    {r.title}
                  </Link>
                ) : (
                  <span lang="zh-CN">{r.title}</span>
                )}
              </h2>
              <dl className="meta-table">
                <dt>{t("public.meta.year")}</dt>
                <dd>{r.year}</dd>
                {r.publishedOn && (
                  <>
                    <dt>{t("public.meta.publishedOn")}</dt>
                    <dd>
                      <time dateTime={r.publishedOn}>{r.publishedOn}</time>
                    </dd>
                  </>
                )}
                {r.indexNumber && (
                  <>
                    <dt>{t("public.meta.indexNumber")}</dt>
                    <dd>{r.indexNumber}</dd>
                  </>
                )}
              </dl>
              <p className="inline-list">
                {r.docxUrl && (
                  <a href={r.docxUrl} download>
                    {t("public.docx")}
                  </a>
                )}
                {r.fileUrl && <a href={r.fileUrl}>{t("public.pastFile")}</a>}
                {r.kind === "past" && r.url && (
                  <a href={r.url} rel="noopener noreferrer external">
                    {t("public.pastLink")}
                  </a>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
