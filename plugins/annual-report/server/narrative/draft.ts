import { FORMAT_2021 } from "../../law/format-2021";
import type { ReportFormat, SectionKey } from "../../law/format";
import type { Figures } from "../report/fill";
import type { ReportSection } from "../report/model";
import { draftOther } from "./other";
import { draftOverview } from "./overview";
import { draftProblems, type LastYearProblems } from "./problems";

export type NarrativeSection = Extract<ReportSection, { kind: "narrative" }>;
export type NarrativeKey = Extract<SectionKey, "overview" | "problems" | "other">;
/** The three narrative sections of a report, as drafted and then edited. */
export type Narrative = Record<NarrativeKey, NarrativeSection>;

export interface DraftInput {
  /** The office's name as the report prints it. */
  office: string;
  year: number;
  /** The office's figures for the year (the report reader's byTenant[office]): a key is absent when its plugin is not enabled. */
  figures: Figures;
  /** Last year's report, when the office has one: its 五 is followed up. */
  lastYear?: { problems?: LastYearProblems };
  format?: ReportFormat;
}

function heading(format: ReportFormat, key: NarrativeKey): string {
  const section = format.sections.find((s) => s.key === key);
  if (!section || section.table) throw new Error(`the format has no narrative section "${key}"`);
  return section.heading;
}

/**
 * 一、五 and 六 drafted from the year's figures in the usual official wording, each paragraph carrying
 * the figure keys and values it quotes (so a later change to a table flags it) and, where the platform
 * does not know the facts, marked todo for the drafter.
 */
export function draftNarrative({ office, year, figures, lastYear, format = FORMAT_2021 }: DraftInput): Narrative {
  const section = (key: NarrativeKey, parts: NarrativeSection["parts"]): NarrativeSection => ({ key, kind: "narrative", heading: heading(format, key), parts });
  return {
    overview: section("overview", draftOverview({ office, year, figures, instrument: format.source.instrument })),
    problems: section("problems", draftProblems(lastYear?.problems)),
    other: section("other", draftOther(figures)),
  };
}
