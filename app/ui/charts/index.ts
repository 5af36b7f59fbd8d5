export { Chart } from "./chart";
export type { ChartData, ChartView } from "./chart-data";
