import type { Locale } from "../i18n/config";
import { findingKey, type Finding, type FindingKind } from "./finding";
import { maskFor } from "./mask";

export const FINDING_LABELS: Record<FindingKind, Record<Locale, string>> = {
  id_number: { "zh-CN": "居民身份证号码", "zh-TW": "居民身分證號碼", en: "Resident ID number" },
  mobile: { "zh-CN": "手机号码", "zh-TW": "手機號碼", en: "Mobile number" },
  landline: { "zh-CN": "固定电话号码", "zh-TW": "市內電話號碼", en: "Landline number" },
  bank_card: { "zh-CN": "银行卡号", "zh-TW": "銀行卡號", en: "Bank card number" },
  email: { "zh-CN": "电子邮箱地址", "zh-TW": "電子郵件地址", en: "E-mail address" },
  secrecy_marker: { "zh-CN": "密级或内部标识", "zh-TW": "密級或內部標示", en: "Secrecy or internal-use marking" },
  sensitive_word: { "zh-CN": "敏感词", "zh-TW": "敏感詞", en: "Sensitive word" },
};

/** The reviewer's decision on one finding, addressed by `findingKey`. */
export type Resolution =
  | { key: string; action: "redact"; reason?: string }
  | { key: string; action: "keep"; reason: string };

export class UnresolvedFindingsError extends Error {
  constructor(readonly findings: readonly Finding[]) {
    super(`${findings.length} finding(s) still need a decision before publication`);
    this.name = "UnresolvedFindingsError";
  }
}

function byKey(resolutions: readonly Resolution[]): Map<string, Resolution> {
  return new Map(resolutions.map((r) => [r.key, r]));
}

function isSettled(r: Resolution | undefined): r is Resolution {
  // Keeping personal data or a secrecy marker in a published text has to be justified.
  return r !== undefined && (r.action === "redact" || r.reason.trim() !== "");
}

/** Findings that still block approval: no decision yet, or kept without a reason. */
export function unresolved(findings: readonly Finding[], resolutions: readonly Resolution[]): Finding[] {
  const decided = byKey(resolutions);
  return findings.filter((f) => !isSettled(decided.get(findingKey(f))));
}

/**
 * The published rendition. Refuses to render while anything is unresolved, and refuses findings
 * that no longer describe the text (it was edited after the scan), rather than masking the wrong
 * characters.
 */
export function publishedRendition(
  text: string,
  findings: readonly Finding[],
  resolutions: readonly Resolution[],
): string {
  const open = unresolved(findings, resolutions);
  if (open.length > 0) throw new UnresolvedFindingsError(open);

  const decided = byKey(resolutions);
  const ordered = [...findings].sort((a, b) => a.start - b.start);
  let out = "";
  let cursor = 0;
  for (const f of ordered) {
    if (text.slice(f.start, f.end) !== f.match) {
      throw new Error(`Finding ${findingKey(f)} does not match the text; scan it again`);
    }
    if (f.start < cursor) throw new Error(`Finding ${findingKey(f)} overlaps the one before it`);
    out += text.slice(cursor, f.start);
    out += decided.get(findingKey(f))!.action === "redact" ? maskFor(f.kind, f.match) : f.match;
    cursor = f.end;
  }
  return out + text.slice(cursor);
}
