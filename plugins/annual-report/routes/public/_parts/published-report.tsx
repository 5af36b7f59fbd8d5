import { useTranslation } from "react-i18next";
import type { AnnualReportModel, ReportSection } from "../../../server/report/model";
import { ReportTableView } from "../../_parts/report-table";

export interface PublishedReportProps {
  model: AnnualReportModel;
  /** An English page: the official Chinese with the glosses, and the note saying so. */
  english: boolean;
  /** The language of the report's text: zh-CN, or zh-TW once converted. */
  reportLang: string;
  indexNumber: string;
  publishedOn: string;
  /** 成文日期 as the signature writes it (2026年1月20日). */
  signedOn: string | null;
  version: number;
  correctionReason: string | null;
  docxUrl: string;
}

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

/** The published report as government portals show it: title, 索引号 table, the six sections, the signature. */
export function PublishedReport({ model, english, reportLang, indexNumber, publishedOn, signedOn, version, correctionReason, docxUrl }: PublishedReportProps) {
  const { t } = useTranslation("annual-report");
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
