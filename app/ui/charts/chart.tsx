import { useTranslation } from "react-i18next";
import type { ChartView } from "./chart-data";

/**
 * A chart drawn on the server (`renderChart` in a loader) with its text alternative: the SVG carries
 * `role="img"` and a one-sentence summary; the full data is the table under it, in a disclosure
 * that screen readers and print can open. The SVG is our own sanitised output (render.server.ts).
 */
export function Chart({ chart, headingLevel = 3 }: { chart: ChartView; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  const titleId = `chart-${chart.id}-title`;
  return (
    <figure className="chart" id={`chart-${chart.id}`} aria-labelledby={titleId}>
      <Heading className="chart-title" id={titleId}>
        {chart.title}
      </Heading>
      {chart.description && <p className="chart-description">{chart.description}</p>}
      {chart.svg ? (
        // Our own SVG from ECharts, sanitised on the server.
        <div className="chart-svg" dangerouslySetInnerHTML={{ __html: chart.svg }} />
      ) : (
        <p className="muted">{chart.summary}</p>
      )}
      {chart.svg && chart.legend.length > 0 && (
        <ul className="chart-legend" aria-hidden="true">
          {chart.legend.map((l) => (
            <li key={l.name}>
              <svg width="14" height="14" viewBox="0 0 14 14" focusable="false">
                <rect width="14" height="14" rx="2" fill={l.colour} />
              </svg>
              {l.name}
            </li>
          ))}
        </ul>
      )}
      {chart.table.rows.length > 0 && (
        <details className="chart-data">
          <summary>{t("charts.dataTable")}</summary>
          <div className="table-scroll">
            <table className="table chart-table">
              <caption>{chart.title}</caption>
              <thead>
                <tr>
                  {chart.table.head.map((h, i) => (
                    <th key={i} scope="col" className={i > 0 ? "num" : undefined}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {chart.table.rows.map((r, i) => (
                  <tr key={i}>
                    <th scope="row">{r.label}</th>
                    {r.cells.map((c, j) => (
                      <td key={j} className="num">
                        {c}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}
