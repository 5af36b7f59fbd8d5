import { checkedTexts, type FieldErrors } from "../../../../../app/plugin-api/loaders.server";
import type { StoredNarrative, StoredParagraph } from "../../../db/schema";
import { PLACEHOLDER } from "../../../law/narrative-2021";
import type { Narrative, NarrativeKey } from "../../../server/narrative/draft";
import { confirmQuoted, type FigureValues } from "../../../server/narrative/stale";
import { placeOf } from "./year-view.server";

/** A paragraph's textarea: `text:<section>.<part>.<paragraph>`. */
export const paragraphField = (place: string) => `text:${place}`;
export const PARAGRAPH_MAX = 5000;
const KEYS: NarrativeKey[] = ["overview", "problems", "other"];
const E = "annual-report:errors";

type Edit = (p: StoredParagraph, place: string) => StoredParagraph | null;

function mapNarrative(narrative: Narrative, edit: Edit): StoredNarrative {
  return Object.fromEntries(
    KEYS.map((section) => [
      section,
      narrative[section].parts.map((part, i) => ({
        ...(part.heading ? { heading: part.heading } : {}),
        paragraphs: part.paragraphs.flatMap((p, j) => edit(p, placeOf({ section, part: i, paragraph: j })) ?? []),
      })),
    ]),
  );
}

/**
 * The narrative with each paragraph's text as posted: a paragraph not posted is kept, one emptied is
 * removed. A todo mark stays while the drafter has not changed the text or a 【…】 placeholder remains.
 * Every refused text is named at once; nothing is to be saved then.
 */
export function editedNarrative(narrative: Narrative, form: FormData): { ok: true; narrative: StoredNarrative } | { ok: false; errors: FieldErrors; values: Record<string, string> } {
  const { values, errors } = checkedTexts(form);
  const all: FieldErrors = Object.fromEntries(Object.entries(errors).filter(([field]) => field.startsWith("text:")));
  for (const [field, value] of Object.entries(values)) if (field.startsWith("text:") && value.length > PARAGRAPH_MAX) all[field] = [`${E}.paragraphTooLong`];
  if (Object.keys(all).length) return { ok: false, errors: all, values };
  const edited = mapNarrative(narrative, (p, place) => {
    const posted = values[paragraphField(place)];
    if (posted === undefined) return p;
    const text = posted.trim();
    if (!text) return null;
    const todo = Boolean(p.todo) && (text === p.text || PLACEHOLDER.test(text));
    const { todo: _was, ...rest } = p;
    return { ...rest, text, ...(todo ? { todo } : {}) };
  });
  return { ok: true, narrative: edited };
}

/** The narrative with the paragraph at `place` confirmed against today's figures; null when no such paragraph. */
export function confirmedNarrative(narrative: Narrative, place: string, now: FigureValues): StoredNarrative | null {
  let found = false;
  const confirmed = mapNarrative(narrative, (p, at) => {
    if (at !== place) return p;
    found = true;
    return confirmQuoted(p, now);
  });
  return found ? confirmed : null;
}
