/** 索引号 and other document numbers: patterns such as `{credit_code}/{year}-{seq:5}`. */

export interface NumberParts {
  creditCode: string;
  year: number;
  seq: number;
  /** The tenant's code, for `{tenant}`. */
  tenantCode?: string;
}

export class PatternError extends Error {
  override name = "PatternError";
}

const TOKEN = /\{([^{}]*)\}|[{}]/g;
const MAX_PAD = 10;

type Piece = { text: string } | { field: "credit_code" | "year" | "tenant" } | { seq: number };

function parse(pattern: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const m of pattern.matchAll(TOKEN)) {
    if (m.index > at) pieces.push({ text: pattern.slice(at, m.index) });
    at = m.index + m[0].length;
    const name = m[1];
    if (name === undefined) throw new PatternError(`unmatched "${m[0]}" at position ${m.index + 1}`);
    if (name === "credit_code" || name === "year" || name === "tenant") pieces.push({ field: name });
    else if (name === "seq") pieces.push({ seq: 0 });
    else {
      const pad = /^seq:(\d{1,2})$/.exec(name);
      if (!pad) throw new PatternError(`unknown placeholder {${name}}`);
      const width = Number(pad[1]);
      if (width < 1 || width > MAX_PAD) throw new PatternError(`{seq:N} needs N from 1 to ${MAX_PAD}`);
      pieces.push({ seq: width });
    }
  }
  if (at < pattern.length) pieces.push({ text: pattern.slice(at) });
  // Numbers restart each year, so without both a number would repeat.
  if (pieces.filter((p) => "seq" in p).length !== 1) throw new PatternError("the pattern needs exactly one {seq} or {seq:N}");
  if (!pieces.some((p) => "field" in p && p.field === "year")) throw new PatternError("the pattern needs {year}");
  return pieces;
}

/** The problem with a pattern, or null when it can number documents; for settings forms. */
export function validatePattern(pattern: string): string | null {
  if (pattern.trim() === "") return "the pattern is empty";
  try {
    parse(pattern);
    return null;
  } catch (e) {
    if (e instanceof PatternError) return e.message;
    throw e;
  }
}

/** Renders one number; throws PatternError for a bad pattern or a missing `{tenant}` code. */
export function formatNumber(pattern: string, parts: NumberParts): string {
  if (!Number.isSafeInteger(parts.seq) || parts.seq < 1) throw new RangeError(`seq must be a positive integer, got ${parts.seq}`);
  if (!Number.isInteger(parts.year) || parts.year < 1 || parts.year > 9999) throw new RangeError(`year out of range: ${parts.year}`);
  return parse(pattern)
    .map((p) => {
      if ("text" in p) return p.text;
      // Wider numbers than the padding grow rather than being cut, so they stay unique.
      if ("seq" in p) return String(parts.seq).padStart(p.seq, "0");
      if (p.field === "year") return String(parts.year);
      if (p.field === "credit_code") return parts.creditCode;
      if (!parts.tenantCode) throw new PatternError("{tenant} needs the tenant's code");
      return parts.tenantCode;
    })
    .join("");
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The year and sequence number `number` stands for under `pattern` and this tenant's codes, or null
 * when the pattern cannot have produced it (another office's, another system's, a malformed one).
 */
export function readNumber(pattern: string, parts: Omit<NumberParts, "year" | "seq">, number: string): { year: number; seq: number } | null {
  const pieces = parse(pattern);
  let source = "";
  let year = false;
  for (const p of pieces) {
    if ("text" in p) source += escapeRegExp(p.text);
    else if ("seq" in p) source += "(?<seq>\\d+)";
    else if (p.field === "year") {
      source += year ? "\\k<year>" : "(?<year>\\d{4})";
      year = true;
    } else if (p.field === "credit_code") source += escapeRegExp(parts.creditCode);
    else if (parts.tenantCode) source += escapeRegExp(parts.tenantCode);
    else return null;
  }
  const m = new RegExp(`^${source}$`).exec(number);
  if (!m?.groups) return null;
  const read = { year: Number(m.groups.year), seq: Number(m.groups.seq) };
  if (!Number.isSafeInteger(read.seq) || read.seq < 1 || read.year < 1) return null;
  // Formatting it back must give the same text (padding included), or it is not this pattern's.
  return formatNumber(pattern, { ...parts, ...read }) === number ? read : null;
}
