import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../../../app/plugin-api/ui";
import type { PortalCategory } from "../../../server/portal/catalogue.server";

/** The catalogue as nested lists: each category, how many items it holds, and its Atom feed. */
export function CatalogueTree({ code, categories }: { code: string; categories: PortalCategory[] }) {
  const { t } = useTranslation("disclosure");
  const locale = useLocale();
  const base = `/t/${code}/disclosure`;
  return (
    <ul>
      {categories.map((c) => (
        <li key={c.key}>
          <Link to={`${base}/categories/${c.key}`}>{c.label[locale]}</Link> <span className="muted">{t("portal.catalogue.count", { count: c.count })}</span>{" "}
          <a href={`${base}/feeds/${c.key}`} type="application/atom+xml">
            {t("portal.catalogue.feed")}
            <span className="visually-hidden">{t("portal.catalogue.feedOf", { category: c.label[locale] })}</span>
          </a>
          {c.children.length > 0 && <CatalogueTree code={code} categories={c.children} />}
        </li>
      ))}
    </ul>
  );
}
