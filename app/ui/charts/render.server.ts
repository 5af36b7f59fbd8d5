import * as echarts from "echarts";
import type { TFunction } from "i18next";
import type { Locale } from "~/core/i18n/config";
import { formatWidgetValue, mean, present, standing } from "../widget-format";
import type { ChartData, ChartView } from "./chart-data";

/**
 * Draws a chart on the server with Apache ECharts (SVG renderer, server-side mode): no script and
 * no canvas reach the browser, so charts show without JavaScript and print. Sizes are the SVG's
 * viewBox: the page scales it to its column (`width: 100%`), so it never overflows a phone.
 *
 * ECharts' SVG carries inline `style` attributes and a `<style>` element for hover effects, which
 * the Content-Security-Policy (`style-src 'self'`) refuses; `sanitise` turns the font declarations
 * into SVG presentation attributes, drops the rest and refuses anything active.
 */

/** About the width a chart gets in a two-column grid at 1366 px, so its type shows near its nominal size there. */
const WIDTH = 540;
const INK = "#1a1a1a";
const MUTED = "#4a4a4a";
const GRID = "#d0d4da";
/** Dark enough to read in greyscale print; the worse bars are light with a dark edge, so the two differ without colour. */
const COLOURS = ["#1f4e8c", "#b4541a", "#2f6b3b", "#6b3f8c", "#7a6a00", "#0f6d75"];
const BETTER = "#1f6b3a";
const WORSE_FILL = "#f5d0cb";
const WORSE_EDGE = "#9b1c1c";
/** Unquoted: ECharts writes it into a double-quoted `style` attribute without escaping quotes. */
const FONT = "Noto Sans CJK SC, Noto Sans CJK TC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif";

export interface RenderOptions {
  locale: Locale;
  /** 长者模式: larger type in the chart itself, since the SVG scales with its box, not with the page's font size. */
  elder?: boolean;
  /** Any translator of the reader's locale: the renderer uses core's `charts.*` words. */
  t: TFunction;
}

export function renderChart(data: ChartData, { locale, elder = false, t }: RenderOptions): ChartView {
  const fmt = (v: number) => formatWidgetValue(v, data.format, locale);
  const table = {
    head: [data.categoryLabel, ...data.series.map((s) => s.name)],
    rows: data.categories.map((label, i) => ({
      label,
      cells: data.series.map((s) => {
        const v = s.values[i] ?? null;
        return v === null ? "—" : fmt(v);
      }),
    })),
  };
  const all = present(data.series.flatMap((s) => s.values));
  const base = {
    id: data.id,
    title: data.title,
    description: data.description,
    table,
    legend: data.series.length > 1 ? data.series.map((s, i) => ({ name: s.name, colour: COLOURS[i % COLOURS.length]! })) : [],
  };
  if (all.length === 0)
    return {
      ...base,
      summary: t("core:charts.noData", { title: data.title }),
      svg: "",
    };
  const summary = summarise(data, fmt, t);

  const font = elder ? 18 : 13;
  const rowHeight = elder ? 44 : 30;
  const height = data.kind === "rank" ? 40 + data.categories.length * rowHeight + font * 2 : elder ? 380 : 300;
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: WIDTH,
    height,
    locale: locale === "en" ? "EN" : "ZH",
  });
  try {
    chart.setOption(options(data, { font, fmt, t }));
    return {
      ...base,
      summary,
      svg: sanitise(chart.renderToSVGString(), summary),
    };
  } finally {
    chart.dispose();
  }
}

function summarise(data: ChartData, fmt: (v: number) => string, t: TFunction): string {
  const direction = data.better ? t(data.better === "higher" ? "core:charts.higherBetter" : "core:charts.lowerBetter") : "";
  const parts = data.series.map((s) => {
    const points = s.values.flatMap((v, i) => (v === null ? [] : [{ v, at: data.categories[i]! }]));
    if (points.length === 0) return t("core:charts.seriesEmpty", { name: s.name });
    const max = points.reduce((a, b) => (b.v > a.v ? b : a));
    const min = points.reduce((a, b) => (b.v < a.v ? b : a));
    return t("core:charts.seriesSummary", {
      name: s.name,
      max: `${max.at} ${fmt(max.v)}`,
      min: `${min.at} ${fmt(min.v)}`,
    });
  });
  return t("core:charts.summary", {
    title: data.title,
    direction: direction ? t("core:charts.direction", { direction }) : "",
    series: parts.join(t("core:charts.separator")),
  });
}

function options(data: ChartData, { font, fmt, t }: { font: number; fmt: (v: number) => string; t: TFunction }): echarts.EChartsOption {
  const percent = data.format === "percent";
  const text = { fontFamily: FONT, fontSize: font, color: INK };
  const valueAxis: echarts.EChartsOption["xAxis"] = {
    type: "value",
    min: 0,
    max: percent ? 100 : undefined,
    minInterval: data.format === "count" ? 1 : undefined,
    axisLabel: {
      ...text,
      color: MUTED,
      formatter: percent ? "{value}%" : undefined,
    },
    splitLine: { lineStyle: { color: GRID } },
  };
  const categoryAxis = {
    type: "category" as const,
    data: data.axisLabels ?? data.categories,
    axisLabel: { ...text, interval: 0, hideOverlap: false },
    axisTick: { alignWithLabel: true },
    axisLine: { lineStyle: { color: MUTED } },
  };
  const single = data.series.length === 1;
  const average = single ? mean(data.series[0]!.values) : null;
  const series = data.series.map((s, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const values = s.values.map((v) => {
      if (v === null) return "-";
      if (!single || !data.better || data.kind !== "rank") return v;
      const standingOf = standing(v, average, data.better);
      return standingOf === "worse"
        ? {
            value: v,
            itemStyle: {
              color: WORSE_FILL,
              borderColor: WORSE_EDGE,
              borderWidth: 1.5,
            },
          }
        : {
            value: v,
            itemStyle: { color: standingOf === "better" ? BETTER : colour },
          };
    });
    const label = {
      // Several lines: their labels would overlap; the data table has every number.
      show: single,
      ...text,
      fontSize: font - 1,
      position: data.kind === "rank" ? ("right" as const) : ("top" as const),
      formatter: (p: { value: unknown }) => {
        const v = typeof p.value === "number" ? p.value : (p.value as { value?: unknown } | null)?.value;
        return typeof v === "number" ? fmt(v) : "";
      },
    };
    return data.kind === "line"
      ? {
          type: "line" as const,
          name: s.name,
          data: values,
          symbol: "circle",
          symbolSize: font / 2 + 3,
          lineStyle: { width: 2.5, color: colour },
          itemStyle: { color: colour },
          label,
          connectNulls: false,
        }
      : {
          type: "bar" as const,
          name: s.name,
          data: values,
          itemStyle: { color: colour },
          barMaxWidth: data.kind === "rank" ? font * 1.6 : 36,
          label,
          markLine:
            single && data.kind === "rank" && average !== null && data.categories.length > 1
              ? {
                  silent: true,
                  symbol: "none",
                  lineStyle: {
                    color: INK,
                    type: "dashed" as const,
                    width: 1.5,
                  },
                  label: {
                    ...text,
                    fontSize: font - 2,
                    position: "start" as const,
                    formatter: () => t("core:charts.mean", { value: fmt(average) }),
                  },
                  data: [{ xAxis: average }],
                }
              : undefined,
        };
  });
  const rank = data.kind === "rank";
  return {
    animation: false,
    textStyle: text,
    grid: {
      left: 8,
      right: rank ? font * 5 : 16,
      top: font * 2,
      bottom: 8,
      containLabel: true,
    },
    legend: { show: false },
    xAxis: rank ? valueAxis : categoryAxis,
    yAxis: rank ? { ...categoryAxis, inverse: true } : (valueAxis as echarts.EChartsOption["yAxis"]),
    series,
  } as echarts.EChartsOption;
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The only inline declarations kept, as presentation attributes (which the CSP allows). */
const PRESENTATION = new Set(["font-size", "font-family", "font-weight", "font-style"]);

/**
 * ECharts' SVG made fit for the page: no `<style>` element, no `style` attribute (font declarations
 * become attributes), no ECharts bookkeeping attributes; a `<title>` and an `aria-label` carry the
 * summary. It refuses, rather than passes on, anything that could run or load: a script, an event
 * handler, a link, an embedded object or image. Text is ECharts' own escaping (checked by the unit test).
 */
export function sanitise(svg: string, summary: string): string {
  let out = svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/ style="([^"]*)"/g, (_m, decl: string) =>
      decl
        .split(";")
        .map((d) => d.split(":").map((x) => x.trim()))
        .filter(([k, v]) => k && v && PRESENTATION.has(k))
        .map(([k, v]) => ` ${k}="${escapeXml(v!.replace(/&quot;/g, '"').replace(/&amp;/g, "&"))}"`)
        .join(""),
    )
    .replace(/ (?:ecmeta_[a-z_]+|class|pointer-events)="[^"]*"/g, "");
  const tags = out.match(/<[^>]*>/g) ?? [];
  const unsafe = tags.find(
    (tag) =>
      /^<\/?(?:script|foreignObject|image|use|a|iframe|object|embed)\b/i.test(tag) ||
      /\s(?:on[a-z]+|href|xlink:href|src|style)\s*=/i.test(tag) ||
      /javascript:|url\((?!#)/i.test(tag),
  );
  if (unsafe) throw new Error(`chart SVG holds ${unsafe.slice(0, 40)}: refused`);
  out = out.replace(/^<svg ([^>]*)>/, (_m, attrs: string) => {
    const kept = attrs.replace(/ ?(?:width|height)="[^"]*"/g, "");
    return `<svg ${kept} role="img" aria-label="${escapeXml(summary)}" focusable="false" preserveAspectRatio="xMinYMin meet"><title>${escapeXml(summary)}</title>`;
  });
  return out;
}
