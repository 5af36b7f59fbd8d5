import type { Locale } from "../../../../app/plugin-api";
import { documentKindName, humanSize } from "../../../../app/plugin-api/files.server";
import en from "../../locales/en/reply-files.json";
import zhCN from "../../locales/zh-CN/reply-files.json";
import zhTW from "../../locales/zh-TW/reply-files.json";

const TEXTS = { "zh-CN": zhCN, "zh-TW": zhTW, en };
const fill = (template: string, vars: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? "");

/**
 * What the classifier reads beside each file of a reply: its name, type and size, and whether its
 * text is below to review or, for an image or a scan, the file must be opened and read by eye.
 */
export function describeReplyFiles(files: unknown, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(files)) return out;
  const texts = TEXTS[locale].replyFiles.review;
  files.forEach((f: { name?: unknown; mime?: unknown; size?: unknown; text?: unknown }, i) => {
    if (typeof f?.name !== "string" || typeof f.mime !== "string") return;
    const type = documentKindName(f.mime, f.name, locale);
    const what = typeof f.text === "string" && f.text.trim() ? texts.withText : f.mime.startsWith("image/") ? texts.imageNoText : texts.noText;
    out[`payload.files.${i}.name`] = `${fill(texts.file, { name: f.name, type, size: humanSize(Number(f.size) || 0, locale) })} · ${what}`;
    out[`payload.files.${i}.mime`] = type;
  });
  return out;
}
