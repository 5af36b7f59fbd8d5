import type { Locale, Localized } from "../../../app/plugin-api";
import { REPORT_FORMATS, replyTypes, tableThreeRow, type ReplyTypeKey } from "../law/reply-types";
import { joinCites } from "./format";
import type { ReplyTemplateId } from "./reply";

export const REPLY_TYPE_KEYS_2021: readonly string[] = replyTypes("2021").map((r) => r.key);

/** The Regulation as a whole, for a reply whose row names no article (spec: (五)5). */
const REGULATION: Localized = { "zh-CN": "《政府信息公开条例》", "zh-TW": "《政府信息公開條例》", en: "Regulation on Open Government Information" };

/** The annual report format is why a row exists, not a legal basis for a reply: a letter never cites it. */
const REPORT_CITES = new Set(Object.values(REPORT_FORMATS).map((f) => f["zh-CN"]));

/**
 * The basis a reply cites, from the table 三 row's `basis`. (四)1 covers two replies of Art 36:
 * nothing found (第（四）项) and not this office's information (第（五）项). 其他 has no default: the
 * case gives its own, so the empty string makes rendering fail until it does.
 */
export function replyBasis(id: ReplyTemplateId, locale: Locale): string {
  const key: ReplyTypeKey = id === "not_responsible" ? "unavailable.not_held" : id;
  let bases = tableThreeRow(key).basis.filter((b) => !REPORT_CITES.has(b.cite["zh-CN"]));
  if (key === "unavailable.not_held") bases = bases.filter((b) => b.item === (id === "not_responsible" ? 5 : 4));
  if (bases.length) return joinCites(bases.map((b) => b.cite[locale]), locale);
  return id === "other.other" ? "" : REGULATION[locale];
}
