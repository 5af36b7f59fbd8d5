import type { Localized } from "../../../app/plugin-api";

/** A default template: its title and body per locale, the placeholders it may use and those it must keep. */
export interface TemplateDef {
  title: Localized;
  body: Localized;
  placeholders: readonly string[];
  /** Placeholders that carry what the law requires the letter to say; an override must keep them and they must not be empty. */
  required: readonly string[];
}

/** Every notice knows these: who writes to whom about which application, and on what legal basis. */
export const COMMON = ["office", "applicant", "trackingNo", "receivedOn", "subject", "issuedOn", "basis"] as const;

/** Builds a body per locale from the same parts, so the three languages keep one layout. */
export function letter(parts: { to: Localized; paragraphs: Localized[] }): Localized {
  // Chinese paragraphs are indented and follow each other; English ones are set apart by a blank line.
  const one = (l: keyof Localized) => [parts.to[l], ...parts.paragraphs.map((p) => p[l])].join(l === "en" ? "\n\n" : "\n") + "\n\n{office}\n{issuedOn}";
  return { "zh-CN": one("zh-CN"), "zh-TW": one("zh-TW"), en: one("en") };
}

export const TO_APPLICANT: Localized = { "zh-CN": "{applicant}：", "zh-TW": "{applicant}：", en: "To: {applicant}" };
export const TO_PARTY: Localized = { "zh-CN": "{party}：", "zh-TW": "{party}：", en: "To: {party}" };

/** The first sentence of every letter to the applicant. */
export const RECEIVED: Localized = {
  "zh-CN": "\u3000\u3000本机关于{receivedOn}收到您提出的政府信息公开申请（申请编号：{trackingNo}），您申请获取“{subject}”。",
  "zh-TW": "\u3000\u3000本機關於{receivedOn}收到您提出的政府信息公開申請（申請編號：{trackingNo}），您申請獲取「{subject}」。",
  en: "On {receivedOn} this office received your application for government information (application no. {trackingNo}) for “{subject}”.",
};

/** The first sentence of a letter to a third party or another agency, which does not name the applicant. */
export const RECEIVED_FROM_SOMEONE: Localized = {
  "zh-CN": "\u3000\u3000本机关于{receivedOn}收到一份政府信息公开申请（申请编号：{trackingNo}），申请获取“{subject}”。",
  "zh-TW": "\u3000\u3000本機關於{receivedOn}收到一份政府信息公開申請（申請編號：{trackingNo}），申請獲取「{subject}」。",
  en: "On {receivedOn} this office received an application for government information (application no. {trackingNo}) for “{subject}”.",
};

/** Joins sentences that make one paragraph. */
export function sentences(...parts: Localized[]): Localized {
  return { "zh-CN": parts.map((p) => p["zh-CN"]).join(""), "zh-TW": parts.map((p) => p["zh-TW"]).join(""), en: parts.map((p) => p.en).join(" ") };
}
