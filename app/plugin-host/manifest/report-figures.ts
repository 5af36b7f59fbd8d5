import { z } from "zod";
import type { PluginReportSection } from "../../plugin-api/reports";

export const ReportFigureSchema = z.object({
  key: z.string(),
  label: z.string().min(1),
  description: z.string().min(1).optional(),
});

/** `reportFigures[]`: a section of figures with the one compute that gives them all, for many tenants at once. */
export const ReportSectionSchema = z.object({
  key: z.string(),
  label: z.string().min(1),
  figures: z.array(ReportFigureSchema).min(1, "a section declares at least one figure"),
  compute: z.custom<PluginReportSection["compute"]>((v) => typeof v === "function", { message: "reportFigures[].compute must be a function" }),
});

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
