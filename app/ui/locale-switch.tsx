import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LOCALES } from "~/core/i18n/config";
import { useRootData } from "~/root";

const NAMES = { "zh-CN": "简体中文", "zh-TW": "繁體中文", en: "English" } as const;

function withParam(pathname: string, search: string, key: string, value: string): string {
  const params = new URLSearchParams(search);
  params.set(key, value);
  return `${pathname}?${params}`;
}

/** Language and 长者模式 switches: plain links that reload the page, so they work without JavaScript. */
export function ReaderTools() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const data = useRootData();
  return (
    <div className="reader-tools">
      <nav aria-label={t("a11y.language")}>
        <ul className="inline-list">
          {LOCALES.map((l) => (
            <li key={l}>
              <a href={withParam(pathname, search, "lng", l)} lang={l} hrefLang={l} aria-current={data?.locale === l ? "true" : undefined}>
                {NAMES[l]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <a className="elder-toggle" href={withParam(pathname, search, "elder", data?.elder ? "0" : "1")}>
        {data?.elder ? t("elder.off") : t("elder.on")}
      </a>
    </div>
  );
}
