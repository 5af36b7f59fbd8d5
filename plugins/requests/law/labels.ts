import { groundByKey, type Locale } from "../../../app/plugin-api";
import { applicantType, type ApplicantType } from "./applicants";
import { RECEIPT_RULES, type ReceiptChannel } from "./receipt";
import { tableThreeRow, type TableThreeRowKey } from "./reply-types";

/** Words for the law's codes, straight from the law data (no second copy in the locale files). */

/** A reply type as its table 三 row, under its parent: "（三）不予公开 · 4.保护第三方合法权益". */
export function replyTypeLabel(key: string, locale: Locale): string {
  const row = tableThreeRow(key as TableThreeRowKey);
  const parent = row.parent ? tableThreeRow(row.parent) : null;
  const own = (row.replyLabel ?? row.label)[locale];
  // (一) and (二) sit under the report's heading 三, which says nothing about the reply.
  return parent?.kind === "group" ? `${parent.label[locale]} · ${own}` : own;
}

export const applicantLabel = (key: string, locale: Locale): string => applicantType(key as ApplicantType).label[locale];

export const channelLabel = (key: string, locale: Locale): string => RECEIPT_RULES[key as ReceiptChannel]?.label[locale] ?? key;

/** A non-disclosure ground with its article. The Regulation's wording exists in Chinese and English only. */
export function groundLabel(key: string, locale: Locale): string {
  const g = groundByKey(key);
  if (!g) return key;
  return locale === "en" ? `Art. ${g.article}: ${g.en}` : `${g.articleZh}：${g.zh}`;
}
