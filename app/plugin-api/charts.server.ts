/**
 * Charts for plugin loaders: `renderChart(data, { locale, elder, t })` draws a `ChartData` as SVG on
 * the server (Apache ECharts) and returns the `ChartView` that `<Chart>` (`app/plugin-api/ui`) shows
 * with its data table. `monthLabels` names `YYYY-MM` months for the table and the axis; `elderModeOf`
 * says whether the reader asked for 长者模式 (the chart's own type then grows too).
 */
export { renderChart, type RenderOptions } from "../ui/charts/render.server";
export { monthLabels } from "../ui/charts/widget-charts.server";
export { elderModeOf } from "../ui/elder-mode.server";
