import type { Locale } from "~/core/i18n/config";

export type WidgetFormat = "count" | "percent" | "days";
export type WidgetBetter = "higher" | "lower";

/** A plugin widget as pages receive it: its numbers per tenant id, null where it does not apply. */
export interface WidgetView {
  key: string;
  pluginId: string;
  /** An i18n key in the plugin's namespace. */
  label: string;
  /** An i18n key: what it measures, its period and source. */
  description?: string;
  format: WidgetFormat;
  /** Only where one direction is better; absent, no direction is shown or implied. */
  better?: WidgetBetter;
  values: Record<string, number | null>;
}

/** A widget's number in the reader's locale: 1,234 · 87.5% · 3.5 天 / 3.5 days. */
export function formatWidgetValue(value: number, format: WidgetFormat, locale: Locale): string {
  switch (format) {
    case "percent":
      return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
    case "days":
      return new Intl.NumberFormat(locale, { style: "unit", unit: "day", unitDisplay: "long", maximumFractionDigits: 1 }).format(value);
    case "count":
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  }
}

export function present(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null);
}

export function mean(values: readonly (number | null)[]): number | null {
  const xs = present(values);
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

/** The summary a column can carry: the sum of counts, the mean of rates and durations. */
export function summarise(values: readonly (number | null)[], format: WidgetFormat): { kind: "total" | "mean"; value: number } | null {
  const xs = present(values);
  if (!xs.length) return null;
  return format === "count" ? { kind: "total", value: xs.reduce((a, b) => a + b, 0) } : { kind: "mean", value: mean(xs)! };
}

/** How a value compares with the group's mean, given which direction is better. */
export function standing(value: number, average: number | null, better: WidgetBetter): "better" | "worse" | "even" {
  if (average === null || Math.abs(value - average) < 1e-9) return "even";
  return value > average === (better === "higher") ? "better" : "worse";
}
