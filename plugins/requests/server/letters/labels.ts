import type { Locale } from "../../../../app/plugin-api";
import type { LetterView } from "./letter.server";

/** The delivery line under the signature: where the letter goes by post. */
export function addressLine(a: NonNullable<LetterView["address"]>, locale: Locale): string | null {
  if (!a.address) return null;
  const postcode = a.postcode ? { "zh-CN": `（邮政编码：${a.postcode}）`, "zh-TW": `（郵遞區號：${a.postcode}）`, en: `, postcode ${a.postcode}` }[locale] : "";
  return { "zh-CN": `送达地址：${a.address}${postcode}`, "zh-TW": `送達地址：${a.address}${postcode}`, en: `Delivery address: ${a.address}${postcode}` }[locale];
}

/** 「DH-2025-0001 政府信息公开信息处理费收费通知.docx」 */
export function docxFileName(letter: Pick<LetterView, "trackingNo" | "title">): string {
  return `${letter.trackingNo} ${letter.title}.docx`.replace(/[\\/:*?"<>|]/g, "_");
}
