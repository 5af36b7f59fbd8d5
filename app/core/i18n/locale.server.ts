import { RemixI18Next } from "remix-i18next/server";
import { readCookie } from "../cookies";
import { DEFAULT_LOCALE, i18nOptions, isLocale, LOCALE_COOKIE, LOCALES, type Locale } from "./config";
import { resources } from "./resources.server";

/** The `lng` cookie is written raw by the server (app/server/reader-preferences.ts), so it is read raw here. */
function cookieLocale(request: Request): Locale | null {
  const raw = readCookie(request.headers.get("Cookie"), LOCALE_COOKIE);
  return isLocale(raw) ? raw : null;
}

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    searchParamKey: "lng",
    order: ["searchParams", "custom", "header"],
    findLocale: async (request) => cookieLocale(request),
  },
  i18next: { ...i18nOptions, resources },
});

/** The reader's locale: `?lng=`, then the `lng` cookie, then Accept-Language, then zh-CN. */
export async function localeOf(request: Request): Promise<Locale> {
  const found = await detector.getLocale(request);
  return isLocale(found) ? found : DEFAULT_LOCALE;
}

export function fixedT(request: Request, ns = "core") {
  return detector.getFixedT(request, ns);
}
