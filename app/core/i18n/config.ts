export const LOCALES = ["zh-CN", "zh-TW", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "lng";

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

export const i18nOptions = {
  supportedLngs: [...LOCALES],
  fallbackLng: DEFAULT_LOCALE,
  defaultNS: "core",
  ns: ["core", "platform"],
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;

/** A tenant's or plugin's name in the reader's language. */
export function localized(text: Record<Locale, string>, locale: Locale): string {
  return text[locale] ?? text[DEFAULT_LOCALE];
}
