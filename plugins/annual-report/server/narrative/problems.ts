import { PROBLEMS_PARTS, TODO_SENTENCES, TO_COMPLETE } from "../../law/narrative-2021";
import type { ReportParagraph, ReportSection } from "../report/model";
import type { Part } from "./overview";
import { todo } from "./paragraph";

type NarrativeSection = Extract<ReportSection, { kind: "narrative" }>;
/** Last year's 五 as published (its parts), or its paragraphs alone. */
export type LastYearProblems = Pick<NarrativeSection, "parts"> | readonly ReportParagraph[];

/**
 * The paragraphs of last year's 五 that this year follows up: its problems and measures, not its own
 * follow-up of the year before (the part under PROBLEMS_PARTS.followUp), and nothing left blank.
 */
export function problemsToFollowUp(lastYear: LastYearProblems): ReportParagraph[] {
  const paragraphs = Array.isArray(lastYear)
    ? (lastYear as readonly ReportParagraph[])
    : (lastYear as Pick<NarrativeSection, "parts">).parts.filter((p) => p.heading !== PROBLEMS_PARTS.followUp).flatMap((p) => p.paragraphs);
  return paragraphs.filter((p) => p.text.trim() !== "");
}

/** Last year's words quoted, this year's improvement for the drafter: one paragraph each. */
const followUp = (p: ReportParagraph): ReportParagraph => todo(`上年度报告提出：“${p.text.trim().replace(/^[\u3000 ]+/, "")}”改进情况：${TO_COMPLETE}。`);

/** 五、存在的主要问题及改进情况: the platform knows neither the problems nor the measures, so every paragraph is the drafter's. */
export function draftProblems(lastYear?: LastYearProblems): Part[] {
  const earlier = lastYear ? problemsToFollowUp(lastYear) : [];
  return [
    { heading: PROBLEMS_PARTS.followUp, paragraphs: earlier.length ? earlier.map(followUp) : [todo(TODO_SENTENCES.followUpNone)] },
    { heading: PROBLEMS_PARTS.current, paragraphs: [todo(TODO_SENTENCES.problems), todo(TODO_SENTENCES.measures)] },
  ];
}
