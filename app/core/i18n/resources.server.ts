import en from "../../locales/en/core.json";
import zhCN from "../../locales/zh-CN/core.json";
import zhTW from "../../locales/zh-TW/core.json";
import type { Locale } from "./config";

export type Namespaces = Record<string, Record<string, unknown>>;

/** Resources per locale and namespace; plugins add their own namespace (= plugin id). */
export const resources: Record<Locale, Namespaces> = {
  "zh-CN": { core: zhCN },
  "zh-TW": { core: zhTW },
  en: { core: en },
};
