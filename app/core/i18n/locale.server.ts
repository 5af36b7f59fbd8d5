import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { DEFAULT_LOCALE, i18nOptions, isLocale, LOCALE_COOKIE, LOCALES, type Locale } from "./config";
import { resources } from "./resources.server";

const localeCookie = createCookie(LOCALE_COOKIE, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    cookie: localeCookie,
    searchParamKey: "lng",
    order: ["searchParams", "cookie", "header"],
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
