import * as OpenCC from "opencc-js";

/**
 * Search text processing, shared by indexing, querying and snippets (stack.md trap 6): text is
 * folded (traditional → simplified, full-width → half-width, lower case), then every run of CJK
 * characters becomes overlapping bigrams and everything else letter or digit becomes words.
 *
 * Folding is done one code point at a time, never by phrase, so that the folded text has exactly
 * the positions of the original (snippets map matches back) and a character folds the same way
 * in a document and in a query whatever surrounds it.
 */

export interface Token {
  text: string;
  /** Code point offsets into the original text, end exclusive. */
  start: number;
  end: number;
}

/** One AND-ed term of a query: its tokens must be adjacent, in order. */
export interface QueryPhrase {
  tokens: string[];
  /** A one-character CJK term matches as a prefix: a document holds that character inside bigrams. */
  prefix: boolean;
}

// Both conversions: Taiwan and Hong Kong variant forms fold to simplified, and generic
// traditional forms go through either one. Built on first use, not at import.
let converters: ((s: string) => string)[] | null = null;
const foldCache = new Map<string, string>();

function foldHan(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    converters ??= [OpenCC.Converter({ from: "hk", to: "cn" }), OpenCC.Converter({ from: "tw", to: "cn" })];
    folded = converters.reduce((c, convert) => convert(c), ch);
    if ([...folded].length !== 1) folded = ch;
    foldCache.set(ch, folded);
  }
  return folded;
}

const HAN = /\p{Script=Han}/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const DIGIT = /\p{Nd}/u;

/** Folds each code point of `text`; the result has one entry per code point of the original. */
export function foldChars(text: string): string[] {
  return Array.from(text, (ch) => {
    let cp = ch.codePointAt(0)!;
    if (cp >= 0xff01 && cp <= 0xff5e) cp -= 0xfee0;
    else if (cp === 0x3000) cp = 0x20;
    let c = String.fromCodePoint(cp);
    if (cp < 0x80) return c.toLowerCase();
    const lower = c.toLowerCase();
    if ([...lower].length === 1) c = lower;
    return HAN.test(c) ? foldHan(c) : c;
  });
}

/** Folded text as one string, for comparing user input with stored text. */
export function fold(text: string): string {
  return foldChars(text).join("");
}

type Kind = "cjk" | "letter" | "digit" | null;

function kindOf(c: string): Kind {
  if (CJK.test(c)) return "cjk";
  if (LETTER.test(c)) return "letter";
  if (DIGIT.test(c)) return "digit";
  return null;
}

// PostgreSQL's parser skips words over 2047 bytes; a sane cap keeps every word indexed.
const MAX_WORD = 64;

/**
 * Tokens of `text` with their positions in the original. Words split where letters meet digits,
 * so that "GB3095" and "GB 3095", or "PM2.5" and "PM 2.5", index alike.
 */
export function tokenize(text: string): Token[] {
  const chars = foldChars(text);
  const tokens: Token[] = [];
  let i = 0;
  while (i < chars.length) {
    const kind = kindOf(chars[i]!);
    if (kind === null) {
      i++;
      continue;
    }
    let j = i + 1;
    // A combining mark continues the word it follows, whatever its own class.
    while (j < chars.length && (kindOf(chars[j]!) === kind || (kind === "letter" && MARK.test(chars[j]!)))) j++;
    if (kind === "cjk") {
      if (j - i === 1) tokens.push({ text: chars[i]!, start: i, end: j });
      for (let k = i; k + 1 < j; k++) tokens.push({ text: chars[k]! + chars[k + 1]!, start: k, end: k + 2 });
    } else {
      tokens.push({ text: chars.slice(i, Math.min(j, i + MAX_WORD)).join(""), start: i, end: j });
    }
    i = j;
  }
  return tokens;
}

// A tsvector is limited to 1 MB; this many tokens stays well under it even if all are distinct.
export const MAX_DOCUMENT_TOKENS = 50_000;

/** The space-separated token string stored in `search_documents.tokens`: title first, then body. */
export function toDocumentText(title: string, body: string): string {
  return [...tokenize(title), ...tokenize(body)]
    .slice(0, MAX_DOCUMENT_TOKENS)
    .map((t) => t.text)
    .join(" ");
}

const MAX_QUERY_CHARS = 200;
const MAX_QUERY_PHRASES = 16;

/**
 * Splits user input into phrases: whitespace separates AND-ed terms, a term's own tokens are a
 * phrase (so a CJK run must appear as written), and "quoted text" (ASCII or Chinese quotes) is one
 * phrase across its spaces. An unclosed quote runs to the end.
 */
export function parseQuery(q: string): QueryPhrase[] {
  const input = Array.from(q.slice(0, MAX_QUERY_CHARS * 2)).slice(0, MAX_QUERY_CHARS).join("");
  const terms: string[] = [];
  for (const m of input.matchAll(/["“”＂]([^"“”＂]*)["“”＂]?|[^\s"“”＂]+/gu)) terms.push(m[1] ?? m[0]);
  const phrases: QueryPhrase[] = [];
  const seen = new Set<string>();
  for (const term of terms) {
    const tokens = tokenize(term);
    if (tokens.length === 0) continue;
    const last = tokens[tokens.length - 1]!;
    const prefix = last.end - last.start === 1 && CJK.test(last.text);
    const phrase = { tokens: tokens.map((t) => t.text), prefix };
    const key = JSON.stringify(phrase);
    if (seen.has(key)) continue;
    seen.add(key);
    phrases.push(phrase);
    if (phrases.length === MAX_QUERY_PHRASES) break;
  }
  return phrases;
}

function quoteLexeme(token: string): string {
  return `'${token.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** tsquery text for `to_tsquery('simple', …)` from phrases; "" when there is nothing to search for. */
export function phrasesToTsquery(phrases: QueryPhrase[]): string {
  return phrases
    .map(({ tokens, prefix }) => {
      const parts = tokens.map(quoteLexeme);
      if (prefix) parts[parts.length - 1] += ":*";
      return parts.length === 1 ? parts[0]! : `(${parts.join(" <-> ")})`;
    })
    .join(" & ");
}

/**
 * Turns user input into tsquery text. Only tokens the tokenizer produced (letters, digits, CJK)
 * reach it, each quoted, so no input can inject operators or cause a syntax error.
 */
export function toQuery(q: string): string {
  return phrasesToTsquery(parseQuery(q));
}
