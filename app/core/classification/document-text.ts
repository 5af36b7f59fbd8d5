import { findingKey, type Finding } from "./finding";
import { publishedRendition, type Resolution } from "./redact";
import { scanText, type ScanOptions } from "./scan";

/** One text a document carries: `title`, or a string in its payload such as `payload.attachments.0.text`. */
export interface TextField {
  path: string;
  text: string;
}

export interface ScannedField extends TextField {
  findings: Finding[];
}

/**
 * Every text a document carries: its title and each string anywhere in its payload. Attachment
 * text is scanned because plugins keep the extracted text of an attachment in the payload.
 */
export function textFields(title: string, payload: unknown): TextField[] {
  const out: TextField[] = [{ path: "title", text: title }];
  const walk = (value: unknown, path: string) => {
    if (typeof value === "string") {
      if (value.trim()) out.push({ path, text: value });
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}.${i}`));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
  };
  walk(payload, "payload");
  return out;
}

/** A value that is only an identifier (a linked record's UUID): no one wrote it, and its digits can look like a phone number. */
const IDENTIFIER = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function scanFields(fields: readonly TextField[], options: ScanOptions): ScannedField[] {
  return fields.map((f) => ({ ...f, findings: IDENTIFIER.test(f.text.trim()) ? [] : scanText(f.text, options) }));
}

/** A reviewer's decision on the finding `key` of one field. */
export type FieldResolution = Resolution & { field: string };

/** The decisions by field and finding key: a batch of thousands of rows has thousands of each. */
export function resolutionIndex<R extends { field: string; key: string }>(resolutions: readonly R[]): Map<string, R> {
  return new Map(resolutions.map((r) => [`${r.field}\u0000${r.key}`, r]));
}

/** The findings of every field that have no valid decision yet. */
export function openFindings(scanned: readonly ScannedField[], resolutions: readonly FieldResolution[]): { field: string; finding: Finding }[] {
  const decided = resolutionIndex(resolutions);
  return scanned.flatMap((f) =>
    f.findings
      .filter((finding) => {
        const r = decided.get(`${f.path}\u0000${findingKey(finding)}`);
        return !r || (r.action === "keep" && !r.reason.trim());
      })
      .map((finding) => ({ field: f.path, finding })),
  );
}

/** Writes `value` at `segments` inside a tree the caller owns (a copy of the payload). */
function setIn(root: unknown, segments: string[], value: string): void {
  let node = root as Record<string, unknown>;
  for (const s of segments.slice(0, -1)) node = node[s] as Record<string, unknown>;
  node[segments.at(-1)!] = value;
}

/**
 * The published rendition of a document: every field with its redactions applied. Throws while a
 * finding is unresolved (see `publishedRendition`), so nothing unreviewed can reach the public.
 */
export function renderDocument(
  doc: { title: string; payload: unknown },
  scanned: readonly ScannedField[],
  resolutions: readonly FieldResolution[],
): { title: string; payload: unknown } {
  let title = doc.title;
  // One copy, changed in place: copying along each path made a batch of N rows with N findings cost N².
  let payload: unknown = structuredClone(doc.payload);
  const byField = new Map<string, FieldResolution[]>();
  for (const r of resolutions) {
    const list = byField.get(r.field);
    if (list) list.push(r);
    else byField.set(r.field, [r]);
  }
  for (const f of scanned) {
    if (f.findings.length === 0) continue;
    const text = publishedRendition(f.text, f.findings, byField.get(f.path) ?? []);
    if (f.path === "title") title = text;
    else if (f.path === "payload") payload = text;
    else setIn(payload, f.path.split(".").slice(1), text);
  }
  return { title, payload };
}
