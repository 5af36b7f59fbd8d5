import type { AppLoadContext } from "@remix-run/node";
import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { readCookie } from "../cookies";
import { DEFAULT_LOCALE, i18nOptions, isLocale, LOCALE_COOKIE, LOCALES, type Locale } from "./config";

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
});

/** The reader's locale: `?lng=`, then the `lng` cookie, then Accept-Language, then zh-CN. */
export async function localeOf(request: Request): Promise<Locale> {
  const found = await detector.getLocale(request);
  return isLocale(found) ? found : DEFAULT_LOCALE;
}

/**
 * One i18next instance per locale, made once at start-up with every namespace: requests share
 * them and never change them (no changeLanguage, no added resources), so making one per request,
 * several times per page, was work for nothing.
 */
export function translators(resources: Record<Locale, Record<string, unknown>>): Record<Locale, I18n> {
  return Object.fromEntries(
    LOCALES.map((lng) => {
      const i18n = createInstance();
      void i18n.use(initReactI18next).init({ ...i18nOptions, lng, ns: Object.keys(resources[lng]), resources: resources as never, initImmediate: false });
      return [lng, i18n];
    }),
  ) as Record<Locale, I18n>;
}

/** A translator for the reader's locale in one namespace (core or a plugin's id), for loaders and meta. */
export async function fixedT(context: AppLoadContext, request: Request, ns = "core"): Promise<TFunction> {
  const lng = await localeOf(request);
  return context.services.translators[lng].getFixedT(lng, ns);
}
