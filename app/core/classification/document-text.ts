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

/** The findings of every field that have no valid decision yet. */
export function openFindings(scanned: readonly ScannedField[], resolutions: readonly FieldResolution[]): { field: string; finding: Finding }[] {
  return scanned.flatMap((f) =>
    f.findings
      .filter((finding) => {
        const r = resolutions.find((x) => x.field === f.path && x.key === findingKey(finding));
        return !r || (r.action === "keep" && !r.reason.trim());
      })
      .map((finding) => ({ field: f.path, finding })),
  );
}

function setAt(root: unknown, segments: string[], value: string): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments as [string, ...string[]];
  if (Array.isArray(root)) return root.map((v, i) => (String(i) === head ? setAt(v, rest, value) : v));
  const obj = root as Record<string, unknown>;
  return { ...obj, [head]: setAt(obj[head], rest, value) };
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
  let payload = doc.payload;
  for (const f of scanned) {
    if (f.findings.length === 0) continue;
    const own = resolutions.filter((r) => r.field === f.path);
    const text = publishedRendition(f.text, f.findings, own);
    if (f.path === "title") title = text;
    else payload = setAt(payload, f.path.split(".").slice(1), text);
  }
  return { title, payload };
}
