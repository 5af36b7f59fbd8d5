import type { WidgetFormat } from "../widget-format";

/**
 * What a chart shows, before it is drawn: named categories along one axis (months, offices, age
 * bands) and one or more series of numbers, one per category (null: no value). Every text is
 * already in the reader's language; the renderer escapes it.
 */
export interface ChartData {
  /** Stable, unique on the page: the figure's id. */
  id: string;
  title: string;
  /** What it measures, its period and source (shown under the title). */
  description?: string;
  /** `bar` draws categories across (months, age bands); `rank` draws them down, one bar per row (offices); `line` joins the points. */
  kind: "bar" | "rank" | "line";
  /** The heading of the data table's first column: 月份, 单位, 已用工作日… */
  categoryLabel: string;
  categories: string[];
  /** A shorter label per category for the axis (e.g. "1月" for "2026年1月"); the table keeps `categories`. */
  axisLabels?: string[];
  series: { name: string; values: (number | null)[] }[];
  format: WidgetFormat;
  /** Which direction is better, where that means something: colours the bars of a one-series `rank` chart against the mean. */
  better?: "higher" | "lower";
}

/** A chart drawn on the server: the SVG (sanitised), a one-sentence summary and its data as a table. */
export interface ChartView {
  id: string;
  title: string;
  description?: string;
  summary: string;
  /** Empty when there is no value at all: the figure then says so instead of drawing empty axes. */
  svg: string;
  table: { head: string[]; rows: { label: string; cells: string[] }[] };
  /** Which colour is which series, when there are several: page text under the SVG, so long names wrap instead of overlapping the plot. */
  legend: { name: string; colour: string }[];
}
