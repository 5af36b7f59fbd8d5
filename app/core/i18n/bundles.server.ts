import { createHash } from "node:crypto";
import { LOCALES, type Locale } from "./config";
import type { Namespaces } from "./resources.server";

/**
 * Each locale's translations (core and every plugin, ~100 KB) as one JSON file named by its content
 * hash. Pages point the browser at it instead of embedding it, so a reader downloads it once per
 * deployment, not with every page.
 */
export interface I18nBundle {
  path: string;
  body: string;
}

export const I18N_BUNDLE_PREFIX = "/i18n/";

export function i18nBundles(resources: Record<Locale, Namespaces>): Record<Locale, I18nBundle> {
  return Object.fromEntries(
    LOCALES.map((locale) => {
      const body = JSON.stringify(resources[locale]);
      const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
      return [locale, { path: `${I18N_BUNDLE_PREFIX}${locale}.${hash}.json`, body }];
    }),
  ) as Record<Locale, I18nBundle>;
}
