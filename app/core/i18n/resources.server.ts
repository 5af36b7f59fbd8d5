import en from "../../locales/en/core.json";
import zhCN from "../../locales/zh-CN/core.json";
import zhTW from "../../locales/zh-TW/core.json";
import enPlatform from "../../locales/en/platform.json";
import zhCNPlatform from "../../locales/zh-CN/platform.json";
import zhTWPlatform from "../../locales/zh-TW/platform.json";
import type { Locale } from "./config";

export type Namespaces = Record<string, Record<string, unknown>>;

/** Resources per locale and namespace; plugins add their own namespace (= plugin id). */
export const resources: Record<Locale, Namespaces> = {
  "zh-CN": { core: zhCN, platform: zhCNPlatform },
  "zh-TW": { core: zhTW, platform: zhTWPlatform },
  en: { core: en, platform: enPlatform },
};
