export const FINDING_KINDS = [
  "id_number",
  "mobile",
  "landline",
  "bank_card",
  "email",
  "secrecy_marker",
  "sensitive_word",
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** A span of the scanned text; `match` is `text.slice(start, end)`. */
export interface Finding {
  kind: FindingKind;
  start: number;
  end: number;
  match: string;
  /** What the published rendition shows if the reviewer chooses to redact. */
  suggestion?: string;
}

/**
 * Identifies a finding for its resolution. The matched text is part of the key so that a
 * resolution recorded against an earlier version of the text cannot silently apply to whatever
 * now sits at the same offset.
 */
export function findingKey(f: Pick<Finding, "kind" | "start" | "match">): string {
  return `${f.kind}@${f.start}:${f.match}`;
}
