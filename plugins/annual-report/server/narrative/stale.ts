import { PLACEHOLDER } from "../../law/narrative-2021";
import type { ReportParagraph, ReportSection } from "../report/model";

/** A figure's value: absent (undefined) when no enabled plugin provides it, null when a manual cell is not filled. */
export type FigureValues = Record<string, number | null | undefined>;

export interface FigureChange {
  key: string;
  then: number | null | undefined;
  now: number | null | undefined;
}

export interface StaleParagraph {
  /** Index in the list given. */
  index: number;
  changes: FigureChange[];
}

/**
 * The paragraphs that quote a figure whose value changed since they were drafted ("表格数据已变化，请核对
 * 本段"). A paragraph's own record of what it quoted (`quoted`) comes first, so this holds after its text
 * was edited; `figuresThen` serves paragraphs drafted without that record.
 */
export function staleParagraphs(paragraphs: readonly ReportParagraph[], figuresThen: FigureValues | undefined, figuresNow: FigureValues): StaleParagraph[] {
  return paragraphs.flatMap((p, index) => {
    const changes = (p.quotes ?? []).flatMap((key): FigureChange[] => {
      const then = p.quoted && key in p.quoted ? p.quoted[key] : figuresThen?.[key];
      const now = figuresNow[key];
      return then === now ? [] : [{ key, then, now }];
    });
    return changes.length ? [{ index, changes }] : [];
  });
}

/** The drafter has checked the paragraph against today's figures: it now quotes those. */
export function confirmQuoted(p: ReportParagraph, figuresNow: FigureValues): ReportParagraph {
  if (!p.quotes?.length) return p;
  const quoted = Object.fromEntries(p.quotes.flatMap((k) => (typeof figuresNow[k] === "number" ? [[k, figuresNow[k]]] : [])));
  return { ...p, quoted };
}

/** Where a paragraph sits in a report: section key, part and paragraph index. */
export interface ParagraphPlace {
  section: string;
  part: number;
  paragraph: number;
}

/** Every narrative paragraph of the sections, with its place. */
export function narrativeParagraphs(sections: readonly ReportSection[]): { place: ParagraphPlace; paragraph: ReportParagraph }[] {
  return sections.flatMap((s) =>
    s.kind === "narrative" ? s.parts.flatMap((part, i) => part.paragraphs.map((paragraph, j) => ({ place: { section: s.key, part: i, paragraph: j }, paragraph }))) : [],
  );
}

/** The stale paragraphs of a whole report, by place. */
export function staleInReport(sections: readonly ReportSection[], figuresThen: FigureValues | undefined, figuresNow: FigureValues) {
  const all = narrativeParagraphs(sections);
  return staleParagraphs(
    all.map((a) => a.paragraph),
    figuresThen,
    figuresNow,
  ).map((s) => ({ place: all[s.index]!.place, changes: s.changes }));
}

/**
 * The paragraphs still to be completed: a 【…】 placeholder is left in the text. Every todo paragraph is
 * drafted with one, so `todo` marks what the drafter was given and the placeholder what remains.
 */
export function unfinishedParagraphs(sections: readonly ReportSection[]): ParagraphPlace[] {
  return narrativeParagraphs(sections)
    .filter(({ paragraph }) => PLACEHOLDER.test(paragraph.text))
    .map((p) => p.place);
}
