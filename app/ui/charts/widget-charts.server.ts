import type { TFunction } from "i18next";
import type { Locale } from "~/core/i18n/config";
import type { WidgetResult } from "~/plugin-host/widgets.server";
import type { ChartData, ChartView } from "./chart-data";
import { renderChart } from "./render.server";

/**
 * The widgets' charts, drawn from what `computeWidgets` returned: core knows no plugin's rules, it
 * only draws the numbers and series the plugins declared.
 */

interface Office {
  id: string;
  name: string;
}

interface DrawOptions {
  locale: Locale;
  elder: boolean;
  /** The reader's translator (core namespace; plugin words are `<pluginId>:…` keys). */
  t: TFunction;
}

/** Month buckets (`YYYY-MM`) as the table reads them (2026年1月) and as the axis does (1月, the year under January and the first month). */
export function monthLabels(months: readonly string[], locale: Locale): { categories: string[]; axisLabels: string[] } {
  const date = (ym: string) => new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)) - 1, 15));
  const long = new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "long",
    timeZone: "UTC",
  });
  const short = new Intl.DateTimeFormat(locale, {
    month: "short",
    timeZone: "UTC",
  });
  return {
    categories: months.map((m) => long.format(date(m))),
    axisLabels: months.map((m, i) => (i === 0 || m.endsWith("-01") ? `${short.format(date(m))}\n${m.slice(0, 4)}` : short.format(date(m)))),
  };
}

const safeId = (key: string) => key.replace(/[^A-Za-z0-9_-]/g, "-");

/** One chart per widget declaring a series, for one office (the staff home). The series label is the title; the widget's description speaks of its own period, not the series', so it is not repeated here. */
export function officeSeriesCharts(widgets: readonly WidgetResult[], tenantId: string, o: DrawOptions): ChartView[] {
  return widgets.flatMap((w) => {
    const s = w.series;
    if (!s) return [];
    const labels = bucketLabels(s, o);
    return [
      renderChart(
        {
          id: `series-${safeId(w.key)}`,
          title: o.t(s.label),
          kind: s.over === "months" && w.format === "percent" ? "line" : "bar",
          categoryLabel: o.t(s.over === "months" ? "charts.month" : "charts.bucket"),
          ...labels,
          series: [
            {
              name: o.t(w.label),
              values: s.values[tenantId] ?? s.buckets.map(() => null),
            },
          ],
          format: w.format,
        },
        o,
      ),
    ];
  });
}

/**
 * The series across offices (the oversight page): counts summed over the offices (a month's
 * publications in the whole city); rates and durations, which do not add up, one line per office
 * while there are few enough to tell apart, otherwise left to the per-office charts.
 */
export function oversightSeriesCharts(widgets: readonly WidgetResult[], offices: readonly Office[], o: DrawOptions, maxLines = 6): ChartView[] {
  return widgets.flatMap((w) => {
    const s = w.series;
    if (!s) return [];
    const labels = bucketLabels(s, o);
    const rows = offices.map((office) => ({ office, values: s.values[office.id] ?? [] })).filter((r) => r.values.some((v) => v !== null));
    let series: ChartData["series"];
    if (w.format === "count") {
      series = [
        {
          name: o.t("charts.allOffices"),
          values: s.buckets.map((_, i) => (rows.some((r) => r.values[i] != null) ? rows.reduce((a, r) => a + (r.values[i] ?? 0), 0) : null)),
        },
      ];
    } else if (rows.length > 0 && rows.length <= maxLines) {
      series = rows.map((r) => ({ name: r.office.name, values: r.values }));
    } else return [];
    return [
      renderChart(
        {
          id: `oversight-series-${safeId(w.key)}`,
          title: o.t(s.label),
          kind: s.over === "months" && (w.format !== "count" || series.length > 1) ? "line" : "bar",
          categoryLabel: o.t(s.over === "months" ? "charts.month" : "charts.bucket"),
          ...labels,
          series,
          format: w.format,
        },
        o,
      ),
    ];
  });
}

/** One bar per office for each widget (the oversight page), coloured against the mean where a direction is better. */
export function officeRankCharts(widgets: readonly WidgetResult[], offices: readonly Office[], o: DrawOptions): ChartView[] {
  return widgets.map((w) =>
    renderChart(
      {
        id: `rank-${safeId(w.key)}`,
        title: o.t(w.label),
        description: w.description ? o.t(w.description) : undefined,
        kind: "rank",
        categoryLabel: o.t("oversight.office"),
        categories: offices.map((x) => x.name),
        series: [
          {
            name: o.t(w.label),
            values: offices.map((x) => w.values[x.id] ?? null),
          },
        ],
        format: w.format,
        better: w.better,
      },
      o,
    ),
  );
}

function bucketLabels(s: NonNullable<WidgetResult["series"]>, o: DrawOptions): { categories: string[]; axisLabels?: string[] } {
  return s.over === "months" ? monthLabels(s.buckets, o.locale) : { categories: s.buckets.map((b) => o.t(b)) };
}
