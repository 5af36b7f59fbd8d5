import type { Locale, Localized } from "../../../app/plugin-api";

/** Indentation of a body paragraph: two full-width spaces in Chinese 公文, none in English. */
export const INDENT: Localized = { "zh-CN": "\u3000\u3000", "zh-TW": "\u3000\u3000", en: "" };

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** 2025-10-09 as a letter writes it: 2025年10月9日, 9 October 2025. */
export function letterDate(date: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  return locale === "en" ? `${Number(d)} ${MONTHS[Number(mo) - 1]} ${y}` : `${y}年${Number(mo)}月${Number(d)}日`;
}

/**
 * Several citations as one phrase, the title said once where they share it:
 * 《政府信息公开条例》第十四条、第三十六条第（三）项; Regulation on Open Government Information, Art. 14, Art. 36(3).
 */
export function joinCites(cites: readonly string[], locale: Locale): string {
  const title = (c: string) => (locale === "en" ? /^[^,]+, /.exec(c)?.[0] : /^《[^》]+》/.exec(c)?.[0]) ?? null;
  return cites
    .map((c, i) => {
      if (i === 0) return c;
      const t = title(c);
      const same = t !== null && t === title(cites[i - 1]!);
      if (locale === "en") return same ? `, ${c.slice(t.length)}` : ` and ${c}`;
      return `、${same ? c.slice(t.length) : c}`;
    })
    .join("");
}

/** Numbered lines, indented as body text. */
export function numbered(items: readonly string[], locale: Locale): string {
  return items.map((item, i) => `${INDENT[locale]}${i + 1}. ${item}`).join("\n");
}
