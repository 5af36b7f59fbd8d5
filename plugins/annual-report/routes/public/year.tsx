import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { publicPage } from "../../../../app/plugin-api/ui";
import { chineseDate } from "../../server/docx/report-docx.server";
import { pluginLoader } from "../../server/loaders.server";
import { notFound, publishedModel, publishedReport, yearParam } from "../../server/public/published.server";
import { reportDocxUrl } from "../../server/publish/publish.server";
import type { ReportSection } from "../../server/report/model";
import { ReportTableView } from "../_parts/report-table";

/**
 * The published report as government portals show it: the title, the 索引号 table, the six sections
 * (tables through the one renderer), the Word file. What the chain approved is what is shown: the
 * version's frozen figures, manual cells and narrative. zh-TW readers get it in traditional
 * characters; English readers get the official Chinese with English glosses on the table labels.
 */
export const loader = pluginLoader(async (ctx, { params }) => {
  const year = yearParam(params.year);
  const report = await ctx.withTenant((trx) => publishedReport(trx, ctx.tenant.id, year));
  if (!report) throw notFound();
  const model = publishedModel(report, ctx.tenant.name["zh-CN"], ctx.locale);
  return {
    title: `${model.title} · ${ctx.tenant.name[ctx.locale]}`,
    model,
    english: ctx.locale === "en",
    reportLang: ctx.locale === "zh-TW" ? "zh-TW" : "zh-CN",
    indexNumber: report.indexNumber ?? "",
    publishedOn: report.publishedOn ?? "",
    signedOn: model.issuedOn ? chineseDate(model.issuedOn) : null,
    version: report.version,
    correctionReason: report.correctionReason,
    docxUrl: reportDocxUrl(ctx.tenant.code, year),
  };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export const handle = publicPage<typeof loader>({ breadcrumb: ({ data }) => [{ label: data.model.title }] });

/** The text's own indent (full-width spaces) becomes the page's first-line indent. */
const unindented = (text: string) => text.replace(/^[\u3000 ]+/, "");

function Section({ section, english, lang }: { section: ReportSection; english: boolean; lang: string }) {
  const id = `report-section-${section.key}`;
  return (
    <section aria-labelledby={id} className="report-section">
      <h2 id={id}>{section.heading}</h2>
      {section.kind === "table" ? (
        <ReportTableView table={section.table} id={`report-${section.table.key}`} glosses={english} lang={lang} captionHidden />
      ) : (
        section.parts.map((part, i) => (
          <div key={i}>
            {part.heading && <h3>{part.heading}</h3>}
            {part.paragraphs.map((p, j) => (
              <p key={j} className="report-paragraph">
                {unindented(p.text)}
              </p>
            ))}
          </div>
        ))
      )}
    </section>
  );
}

export default function AnnualReportPage() {
  const { t } = useTranslation("annual-report");
  const { model, english, reportLang, indexNumber, publishedOn, signedOn, version, correctionReason, docxUrl } = useLoaderData<typeof loader>();
  return (
    <article className="annual-report">
      <h1 lang={reportLang}>{model.title}</h1>
      {english && (
        <p className="notice notice-info" lang="en">
          {t("public.englishNote")}
        </p>
      )}
      <section className="item-meta" aria-labelledby="report-meta-h">
        <h2 id="report-meta-h" className="visually-hidden">
          {t("public.metaCaption")}
        </h2>
        <dl>
          <div>
            <dt>{t("public.meta.indexNumber")}</dt>
            <dd>{indexNumber}</dd>
          </div>
          <div>
            <dt>{t("public.meta.issuer")}</dt>
            <dd lang={reportLang}>{model.officeName}</dd>
          </div>
          <div>
            <dt>{t("public.meta.publishedOn")}</dt>
            <dd>
              <time dateTime={publishedOn}>{publishedOn}</time>
            </dd>
          </div>
          <div>
            <dt>{t("public.meta.version")}</dt>
            <dd>{version}</dd>
          </div>
          {correctionReason && (
            <div className="item-meta-wide">
              <dt>{t("public.meta.correctionReason")}</dt>
              <dd lang="zh-CN">{correctionReason}</dd>
            </div>
          )}
        </dl>
      </section>
      <p className="no-print">
        <a href={docxUrl} download>
          {t("public.docx")}
        </a>
      </p>
      <div lang={reportLang}>
        {model.sections.map((s) => (
          <Section key={s.key} section={s} english={english} lang={reportLang} />
        ))}
        {model.issuedOn && (
          <p className="report-signature">
            {model.officeName}
            <br />
            <time dateTime={model.issuedOn}>{signedOn}</time>
          </p>
        )}
      </div>
    </article>
  );
}
