import type { Segment } from "../../../server/portal/find.server";

/** Highlighted search text: matches in <mark>, everything as text (a stored document never becomes markup here). */
export function Marked({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}
