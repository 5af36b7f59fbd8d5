import { tokenize, type QueryPhrase } from "./tokenize";

/**
 * A piece of displayed text; `hit` pieces matched the query. The UI renders them as text (e.g.
 * `<mark>` around hits), so a stored document can never inject markup into a results page.
 */
export interface Segment {
  text: string;
  hit: boolean;
}

interface Range {
  start: number;
  end: number;
  phrase: number;
}

/** Where the query's phrases occur in `text`, in code point offsets, found with the index's own tokens. */
export function matchRanges(text: string, phrases: QueryPhrase[]): Range[] {
  const tokens = tokenize(text);
  const ranges: Range[] = [];
  phrases.forEach(({ tokens: want, prefix }, phrase) => {
    const n = want.length;
    for (let i = 0; i + n <= tokens.length; i++) {
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const have = tokens[i + k]!.text;
        ok = prefix && k === n - 1 ? have.startsWith(want[k]!) : have === want[k];
      }
      if (!ok) continue;
      const last = tokens[i + n - 1]!;
      // A prefix match is one CJK character: mark that character, not the bigram holding it.
      const end = prefix ? last.start + [...want[n - 1]!].length : last.end;
      ranges.push({ start: tokens[i]!.start, end, phrase });
    }
  });
  return ranges.sort((a, b) => a.start - b.start || b.end - a.end);
}

function toSegments(chars: string[], ranges: Range[], from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  const push = (start: number, end: number, hit: boolean) => {
    if (end <= start) return;
    const text = chars.slice(start, end).join("").replace(/\s+/g, " ");
    const prev = segments[segments.length - 1];
    if (prev && prev.hit === hit) prev.text += text;
    else segments.push({ text, hit });
  };
  let at = from;
  for (const r of ranges) {
    const start = Math.max(r.start, at);
    const end = Math.min(r.end, to);
    if (end <= start) continue;
    push(at, start, false);
    push(start, end, true);
    at = end;
  }
  push(at, to, false);
  return segments;
}

/** The whole of a short text (a title) with its matches marked. */
export function highlight(text: string, phrases: QueryPhrase[]): Segment[] {
  const chars = Array.from(text);
  return toSegments(chars, matchRanges(text, phrases), 0, chars.length);
}

/**
 * An excerpt of about `length` characters around the place where most of the query's distinct
 * phrases occur, with matches marked and "…" where text was cut; the text's start when nothing
 * matches (the hit was in the title, say).
 */
export function snippet(text: string, phrases: QueryPhrase[], length = 120): Segment[] {
  const chars = Array.from(text);
  const ranges = matchRanges(text, phrases);
  let from = 0;
  if (chars.length > length && ranges.length > 0) {
    const lead = Math.floor(length / 4);
    let best = -1;
    for (const anchor of ranges) {
      const start = Math.max(0, anchor.start - lead);
      const covered = new Set(ranges.filter((r) => r.start >= start && r.end <= start + length).map((r) => r.phrase)).size;
      if (covered > best) {
        best = covered;
        from = start;
      }
    }
    from = Math.max(0, Math.min(from, chars.length - length));
  }
  const to = Math.min(chars.length, from + length);
  const segments = toSegments(chars, ranges, from, to);
  const first = segments[0];
  if (first && !first.hit) first.text = first.text.trimStart();
  if (from > 0) segments.unshift({ text: "…", hit: false });
  if (to < chars.length) segments.push({ text: "…", hit: false });
  return segments.reduce<Segment[]>((out, s) => {
    const prev = out[out.length - 1];
    if (prev && prev.hit === s.hit) prev.text += s.text;
    else if (s.text) out.push({ ...s });
    return out;
  }, []);
}
