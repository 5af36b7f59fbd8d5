import type { AppLoadContext } from "@remix-run/node";
import { createInstance, type TFunction } from "i18next";
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

/** A translator for the reader's locale in one namespace (core or a plugin's id), for loaders and meta. */
export async function fixedT(context: AppLoadContext, request: Request, ns = "core"): Promise<TFunction> {
  const lng = await localeOf(request);
  const i18n = createInstance();
  await i18n.init({ ...i18nOptions, lng, ns: [ns], defaultNS: ns, resources: context.services.i18n, initImmediate: false });
  return i18n.getFixedT(lng, ns);
}
