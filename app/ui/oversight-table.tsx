import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "./use-locale";
import { formatWidgetValue, summarise, type WidgetView } from "./widget-format";

export interface OfficeRow {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  /** 0 for the supervising office itself, 1 for the offices directly under it, and so on. */
  depth: number;
}

/**
 * Offices down, widgets across, the supervising office first, then a row with the sum of counts and
 * the mean of rates and durations. Each office name opens its workspace (read-only for a supervisor).
 * Built for an office screen (1366 px): the office column keeps its names whole and stays in view
 * (sticky) while the figures scroll inside the table's own box when they must; headers wrap instead.
 * Under the table, what each figure measures.
 */
export function OversightTable({ offices, widgets }: { offices: OfficeRow[]; widgets: WidgetView[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const cell = (w: WidgetView, v: number | null) =>
    v === null ? (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t("oversight.noValue")}</span>
      </>
    ) : (
      formatWidgetValue(v, w.format, locale)
    );
  const summaries = widgets.map((w) => summarise(offices.map((o) => w.values[o.id] ?? null), w.format));

  return (
    <>
      <div className="table-scroll oversight-scroll" role="region" aria-labelledby="oversight-table-caption" tabIndex={0}>
        <table className="table oversight-table">
          <caption id="oversight-table-caption">{t("oversight.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="office-col">
                {t("oversight.office")}
              </th>
              <th scope="col" className="code-col">
                {t("tenant.regionCode")}
              </th>
              {widgets.map((w) => (
                <th key={w.key} scope="col" className="num">
                  {t(w.label)}
                  {w.better && <span className="th-hint">{t(w.better === "higher" ? "oversight.higherBetter" : "oversight.lowerBetter")}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {offices.map((o) => (
              <tr key={o.id} className={o.depth === 0 ? "own-office" : undefined}>
                <th scope="row" className={`office-col office-depth-${Math.min(o.depth, 3)}`}>
                  <Link to={`/t/${o.code}/admin`}>{o.name}</Link>
                  {o.depth === 0 && <span className="badge">{t("oversight.ownOffice")}</span>}
                </th>
                <td className="code-col">{o.regionCode}</td>
                {widgets.map((w) => (
                  <td key={w.key} className="num">
                    {cell(w, w.values[o.id] ?? null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {widgets.length > 0 && offices.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row" colSpan={2} className="office-col">
                  {t("oversight.summaryRow")}
                </th>
                {widgets.map((w, i) => {
                  const s = summaries[i];
                  return (
                    <td key={w.key} className="num">
                      {s ? (
                        <>
                          <span className="muted">{t(s.kind === "total" ? "oversight.total" : "oversight.mean")}</span> {formatWidgetValue(s.value, w.format, locale)}
                        </>
                      ) : (
                        cell(w, null)
                      )}
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {widgets.some((w) => w.description) && (
        <dl className="widget-notes">
          {widgets
            .filter((w) => w.description)
            .map((w) => (
              <div key={w.key}>
                <dt>{t(w.label)}</dt>
                <dd>{t(w.description!)}</dd>
              </div>
            ))}
        </dl>
      )}
    </>
  );
}
