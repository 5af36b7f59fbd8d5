import type { Narrative, NarrativeKey, NarrativeSection } from "./draft";

const KEYS: NarrativeKey[] = ["overview", "problems", "other"];

/** The narrative as a report row stores it: each section's parts by its key (db/schema StoredNarrative). */
export type NarrativeParts = Partial<Record<NarrativeKey, NarrativeSection["parts"]>>;

/** What to save: the parts of each section, paragraphs with their quoted values and todo marks. */
export const narrativeParts = (narrative: Narrative): NarrativeParts => Object.fromEntries(KEYS.map((k) => [k, narrative[k].parts]));

/**
 * The narrative to show or assemble: each section as saved, or as freshly drafted (`draft`) when the
 * drafter has not saved it yet.
 */
export function narrativeFromParts(saved: NarrativeParts, draft: Narrative): Narrative {
  const section = (k: NarrativeKey): NarrativeSection => (saved[k] ? { ...draft[k], parts: saved[k] } : draft[k]);
  return { overview: section("overview"), problems: section("problems"), other: section("other") };
}
