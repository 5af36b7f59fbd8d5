import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "./use-locale";
import { formatWidgetValue, mean, present, standing, type WidgetBetter, type WidgetFormat } from "./widget-format";

export interface BarRow {
  id: string;
  name: string;
  value: number | null;
}

/**
 * A horizontal bar chart rendered on the server: HTML names and values (so they grow in 长者模式),
 * one SVG bar per row, and a dashed line at the mean. Bars better than the mean are solid green,
 * worse ones red and hatched, so the reading survives without colour and on a black-and-white print.
 * Screen readers get one summary sentence; the table beside it is the full text alternative.
 */
export function BarChart({ title, rows, format, better }: { title: string; rows: BarRow[]; format: WidgetFormat; better: WidgetBetter }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const hatch = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const values = rows.map((r) => r.value);
  const xs = present(values);
  const fmt = (v: number) => formatWidgetValue(v, format, locale);
  const direction = t(better === "higher" ? "oversight.higherBetter" : "oversight.lowerBetter");

  if (!xs.length) {
    return (
      <figure className="bar-chart">
        <figcaption>{title}</figcaption>
        <p className="muted">{t("oversight.noData")}</p>
      </figure>
    );
  }

  const average = mean(values)!;
  const scale = format === "percent" ? Math.max(100, ...xs) : Math.max(...xs, 0) || 1;
  // Percentages of the track, so the bars stretch with the layout while the hatching keeps its pixel size.
  const x = (v: number) => `${((Math.max(v, 0) / scale) * 100).toFixed(2)}%`;
  const top = rows.find((r) => r.value === Math.max(...xs))!;
  const bottom = rows.find((r) => r.value === Math.min(...xs))!;
  const summary = t("oversight.chartSummary", {
    title,
    direction,
    max: `${top.name} ${fmt(top.value!)}`,
    min: `${bottom.name} ${fmt(bottom.value!)}`,
    mean: fmt(average),
  });

  return (
    <figure className="bar-chart">
      <figcaption>
        {title} <span className="muted">{t("oversight.chartHint", { direction })}</span>
      </figcaption>
      <svg className="bar-defs" width="0" height="0" aria-hidden="true" focusable="false">
        <pattern id={hatch} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
          <rect className="bar-hatch-bg" width="6" height="6" />
          <rect className="bar-hatch" width="2" height="6" />
        </pattern>
      </svg>
      <div role="img" aria-label={summary} className="bar-rows">
        {rows.map((r) => {
          const s = r.value === null ? null : standing(r.value, average, better);
          return (
            <div key={r.id} className="bar-row">
              <span className="bar-name">{r.name}</span>
              <svg className="bar-track" aria-hidden="true" focusable="false">
                {r.value !== null && (
                  <rect className={`bar bar-${s}`} x="0" y="12%" height="76%" width={x(r.value)} fill={s === "worse" ? `url(#${hatch})` : undefined} />
                )}
                <line className="bar-mean" x1={x(average)} x2={x(average)} y1="0" y2="100%" />
              </svg>
              <span className="bar-value">{r.value === null ? t("oversight.noValue") : fmt(r.value)}</span>
            </div>
          );
        })}
      </div>
      <p className="bar-legend" aria-hidden="true">
        <span>
          <Swatch className="bar-better" /> {t("oversight.legendBetter")}
        </span>
        <span>
          <Swatch fill={`url(#${hatch})`} /> {t("oversight.legendWorse")}
        </span>
        <span>
          <span className="bar-legend-mean" /> {t("oversight.legendMean", { mean: fmt(average) })}
        </span>
      </p>
    </figure>
  );
}

function Swatch({ className, fill }: { className?: string; fill?: string }) {
  return (
    <svg className="bar-swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
      <rect className={className} fill={fill} width="10" height="10" />
    </svg>
  );
}
