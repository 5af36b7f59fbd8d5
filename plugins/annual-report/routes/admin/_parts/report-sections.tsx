import type { AnnualReportModel } from "../../../server/report/model";
import { ReportTableView } from "../../_parts/report-table";

/** The report's six sections as the model has them: the narrative as paragraphs, the tables through the one renderer. */
export function ReportSections({ model, lang }: { model: AnnualReportModel; lang: string }) {
  return (
    <div className="report" lang={lang}>
      {model.sections.map((s) =>
        s.kind === "table" ? (
          <section key={s.key} aria-labelledby={`staff-${s.key}`}>
            <h3 id={`staff-${s.key}`}>{s.heading}</h3>
            <ReportTableView table={s.table} id={`staff-${s.key}-table`} lang={lang} captionHidden />
          </section>
        ) : (
          <section key={s.key} aria-labelledby={`staff-${s.key}`}>
            <h3 id={`staff-${s.key}`}>{s.heading}</h3>
            {s.parts.map((part, i) => (
              <div key={i}>
                {part.heading && <h4>{part.heading}</h4>}
                {part.paragraphs.map((p, j) => (
                  <p key={j}>{p.text}</p>
                ))}
              </div>
            ))}
          </section>
        ),
      )}
    </div>
  );
}
