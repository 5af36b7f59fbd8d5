import { isIdNumberShaped, isLuhnValid, isValidIdNumber } from "./checksums";
import { isValidCreditCode } from "../tenancy/credit-code";
import type { Finding, FindingKind } from "./finding";
import { maskFor } from "./mask";

export interface ScanOptions {
  /** The tenant's list merged with its ancestors'; blank entries are ignored. */
  sensitiveWords?: readonly string[];
}

type Candidate = Omit<Finding, "suggestion">;

// When spans overlap, the earlier kind wins: an e-mail address swallows the phone number that
// forms its local part, and a checksum-validated number beats the looser patterns.
const PRECEDENCE: readonly FindingKind[] = [
  "email",
  "id_number",
  "bank_card",
  "mobile",
  "landline",
  "secrecy_marker",
  "sensitive_word",
];

const SEP = "[ \\u00a0\\u3000-]";
// A number directly after a decimal point, a thousands comma or a currency sign is an amount.
const NOT_AMOUNT_BEFORE = "(?<!\\d)(?<!\\d[.,])(?<!(?:[¥￥$]|人民币)\\s*)";
const NOT_AMOUNT_AFTER =
  "(?![.,]\\d)(?!\\s*(?:元|万|亿|千|百|吨|千克|公斤|克|米|平方|立方|亩|公顷|人|户|个|家|件|次|%|％|kg))";

const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?!\d)/g;
const BANK_CARD = new RegExp(
  `${NOT_AMOUNT_BEFORE}(?:[3-69]\\d{15,18}|[3-69]\\d{3}(?:${SEP}\\d{4}){3}(?:${SEP}?\\d{1,3})?)(?!${SEP}?\\d)${NOT_AMOUNT_AFTER}`,
  "g",
);
const MOBILE = new RegExp(
  `${NOT_AMOUNT_BEFORE}(?:(?:\\+|00)?86${SEP}?)?1[3-9]\\d(?:${SEP}?\\d{4}){2}(?!${SEP}?\\d)${NOT_AMOUNT_AFTER}`,
  "g",
);

// 010 and 02x are three-digit area codes; every other area code has four digits. Local numbers
// never start with 0 or 1, which keeps 文号, 索引号 sequences and dates out.
const AREA = "0(?:10|2\\d|[3-9]\\d{2})";
const LOCAL = "[2-9]\\d{6,7}";
const EXTENSION = `(?:\\s*(?:-|－|转|分机|ext\\.?|x)\\s*\\d{1,6}(?!\\d))?`;
const LANDLINE = new RegExp(
  `(?<![\\d/\\-.])(?:[(（]${AREA}[)）]\\s*|${AREA}\\s*[-－—]\\s*|${AREA}${SEP})${LOCAL}(?!\\d)${EXTENSION}${NOT_AMOUNT_AFTER}`,
  "g",
);
// Without an area code a local number is only recognisable by the label in front of it.
const LABELLED_LOCAL = new RegExp(
  `(?<=(?:电话|传真|座机|Tel|TEL|tel|Fax|FAX|fax)\\s*[:：]?\\s*)${LOCAL}(?!\\d)${EXTENSION}${NOT_AMOUNT_AFTER}`,
  "g",
);

const EMAIL = /(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])/g;

// 《保守国家秘密法》 and GB/T 9704 mark a classified document as 密级★保密期限 (机密★1年) or with
// the level and 级; prose about secrecy (保密审查, 商业秘密, 秘密投票) carries neither.
const LEVEL = "(?:绝密|机密|秘密)";
const PERIOD = "(?:\\s*(?:[0-9０-９]+\\s*(?:年|个月|月|天|日)|长期|启用前|解密前))?";
const CLASSIFICATION_MARKS = [
  new RegExp(`${LEVEL}\\s*[★☆]${PERIOD}`, "g"),
  new RegExp(`${LEVEL}级(?!别)`, "g"),
  new RegExp(`密级\\s*[:：]\\s*(?:${LEVEL}|内部)`, "g"),
  new RegExp(`(?<=^[ \\t\\u3000]*)${LEVEL}(?=[ \\t\\u3000]*$)`, "gm"),
];

// Handling instructions. In prose the same words sit inside a sentence (不得将内部资料上传,
// 要注意保密工作), so they count only when they stand apart: at a line edge, between punctuation,
// or after a copula (本材料系内部资料).
const HANDLING_PHRASES = [
  "内部资料",
  "内部使用",
  "内部文件",
  "内部材料",
  "内部参阅",
  "内部传阅",
  "仅供内部参考",
  "不得外传",
  "请勿外传",
  "严禁外传",
  "禁止外传",
  "注意保密",
];
const OPEN_BOUNDARY = /[\s,，.。;；:：、!！?？(（[【「『〔《<"“'‘★*—-]$/;
const COPULA_BEFORE = /(?:为|系|属于|属|仅供|仅限|供|限)$/;
const CLOSE_BOUNDARY = /^[\s,，.。;；:：、!！?？)）\]】」』〕》>"”'’★*—-]/;

function regexCandidates(text: string, kind: FindingKind, re: RegExp): Candidate[] {
  return Array.from(text.matchAll(re), (m) => ({
    kind,
    start: m.index,
    end: m.index + m[0].length,
    match: m[0],
  }));
}

function idNumbers(text: string): Candidate[] {
  return regexCandidates(text, "id_number", ID_NUMBER).filter((c) => isValidIdNumber(c.match));
}

function bankCards(text: string): Candidate[] {
  return regexCandidates(text, "bank_card", BANK_CARD).filter((c) => {
    const digits = c.match.replace(/\D/g, "");
    if (digits.length < 16 || digits.length > 19 || !isLuhnValid(digits)) return false;
    // An ID number with a mistyped check digit is still not a card number, and an all-digit
    // 统一社会信用代码 (published on every permit) passes Luhn one time in ten.
    return !isIdNumberShaped(digits) && !isValidCreditCode(digits);
  });
}

function handlingMarkers(text: string): Candidate[] {
  const hits: Candidate[] = [];
  for (const phrase of HANDLING_PHRASES) {
    for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
      hits.push({ kind: "secrecy_marker", start: i, end: i + phrase.length, match: phrase });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  // Adjacent phrases (内部资料不得外传) are judged as one run by the edges of the whole run.
  const runs: Candidate[][] = [];
  for (const h of hits) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && h.start <= last.end) {
      if (h.end > last.end) run.push(h);
    } else {
      runs.push([h]);
    }
  }
  return runs.flatMap((run) => {
    const start = run[0]!.start;
    const end = run.at(-1)!.end;
    const before = text.slice(Math.max(0, start - 2), start);
    const after = text.slice(end, end + 1);
    const opens = start === 0 || OPEN_BOUNDARY.test(before) || COPULA_BEFORE.test(before);
    const closes = end === text.length || CLOSE_BOUNDARY.test(after);
    return opens && closes ? run : [];
  });
}

// Folding one UTF-16 unit at a time keeps offsets aligned with the original text.
function foldCase(s: string): string {
  return Array.from(s, (c) => {
    const lower = c.toLowerCase();
    return lower.length === c.length ? lower : c;
  }).join("");
}

function sensitiveWords(text: string, words: readonly string[]): Candidate[] {
  const folded = foldCase(text);
  const hits: Candidate[] = [];
  for (const word of new Set(words.map((w) => w.trim()).filter(Boolean))) {
    const needle = foldCase(word);
    for (let i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i + 1)) {
      hits.push({ kind: "sensitive_word", start: i, end: i + needle.length, match: text.slice(i, i + needle.length) });
    }
  }
  return hits;
}

function withoutOverlaps(candidates: Candidate[]): Candidate[] {
  const rank = (k: FindingKind) => PRECEDENCE.indexOf(k);
  const ordered = [...candidates].sort(
    (a, b) => rank(a.kind) - rank(b.kind) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  // Kept spans are disjoint and sorted, so only the neighbours at the insertion point can clash.
  const kept: Candidate[] = [];
  for (const c of ordered) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.start < c.start) lo = mid + 1;
      else hi = mid;
    }
    const before = kept[lo - 1];
    const after = kept[lo];
    if ((!before || before.end <= c.start) && (!after || c.end <= after.start)) kept.splice(lo, 0, c);
  }
  return kept;
}

const DIGIT_RUN = /\d{4}/;
const MARKING_HINT = /内部|外传|保密/;

/** Flags what a 保密审查 reviewer must look at before publication. Pure: no I/O, no clock. */
export function scanText(text: string, options: ScanOptions = {}): Finding[] {
  // Cheap tests first (a batch of 10,000 rows is some 100,000 texts): every number pattern needs a
  // run of four digits, an address an @, every marking a 密, 内部 or 外传.
  const numbers = DIGIT_RUN.test(text);
  const words = options.sensitiveWords?.length ? options.sensitiveWords : null;
  const candidates = [
    ...(text.includes("@") ? regexCandidates(text, "email", EMAIL) : []),
    ...(numbers ? [...idNumbers(text), ...bankCards(text), ...regexCandidates(text, "mobile", MOBILE), ...regexCandidates(text, "landline", LANDLINE), ...regexCandidates(text, "landline", LABELLED_LOCAL)] : []),
    ...(text.includes("密") ? CLASSIFICATION_MARKS.flatMap((re) => regexCandidates(text, "secrecy_marker", re)) : []),
    ...(MARKING_HINT.test(text) ? handlingMarkers(text) : []),
    ...(words ? sensitiveWords(text, words) : []),
  ];
  return withoutOverlaps(candidates).map((c) => ({ ...c, suggestion: maskFor(c.kind, c.match) }));
}
