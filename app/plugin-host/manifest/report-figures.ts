import { z } from "zod";
import type { ReportBatchContext } from "../../plugin-api/reports";

export const ReportFigureSchema = z.object({
  key: z.string(),
  label: z.string().min(1),
  description: z.string().min(1).optional(),
});

/**
 * `reportFigures[]`: a batch of annual-report figures computed together (a table of the report): one
 * `compute` gives every figure of the section for many offices, in as few reads as the plugin likes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a section that types no tables
export const reportSectionSchema = <DB = any>() =>
  z.object({
    /** `<pluginId>.…`, e.g. "requests.t3". */
    key: z.string(),
    /** i18n key of the section's heading, e.g. "requests:sections.t3". */
    label: z.string().min(1),
    figures: z.array(ReportFigureSchema).min(1, "a section declares at least one figure"),
    /**
     * For each tenant id given (the plugin is enabled in each), a number for every figure key of the
     * section. A tenant or figure left out fails the whole read: a blank in a report would read as 0.
     */
    compute: z.custom<(ctx: ReportBatchContext<DB>, tenantIds: readonly string[], year: number) => Promise<Map<string, Record<string, number>>>>(
      (v) => typeof v === "function",
      { message: "reportFigures[].compute must be a function" },
    ),
  });

export const ReportSectionSchema = reportSectionSchema();

export type ReportSection = z.output<typeof ReportSectionSchema>;

/**
 * What zod cannot say about a plugin's sections: every section and figure key starts with
 * `<id>.`, and no figure key is declared twice (a reader finds a figure by its key alone).
 */
export function reportFigureProblems(pluginId: string, sections: readonly ReportSection[]): { field: string; problem: string }[] {
  const problems: { field: string; problem: string }[] = [];
  const prefix = `${pluginId}.`;
  const seen = new Set<string>();
  sections.forEach((s, i) => {
    if (!s.key.startsWith(prefix)) problems.push({ field: `reportFigures.${i}.key`, problem: `"${s.key}" must start with "${prefix}"` });
    s.figures.forEach((f, j) => {
      const field = `reportFigures.${i}.figures.${j}.key`;
      if (!f.key.startsWith(prefix)) problems.push({ field, problem: `"${f.key}" must start with "${prefix}"` });
      else if (seen.has(f.key)) problems.push({ field, problem: `"${f.key}" is declared twice` });
      seen.add(f.key);
    });
  });
  return problems;
}
