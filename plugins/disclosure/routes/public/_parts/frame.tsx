import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PublicLayout, useLocale } from "../../../../../app/plugin-api/ui";
import type { Portal } from "../../../server/portal/page.server";

export type PortalSection = "home" | "guide" | "search" | "openData";

export interface Crumb {
  label: string;
  to?: string;
}

/** The frame of every portal page: the office's public layout, the portal's own menu and where the reader is. */
export function PortalFrame({ portal, current, crumbs = [], children }: { portal: Portal; current?: PortalSection; crumbs?: Crumb[]; children: ReactNode }) {
  const { t } = useTranslation("disclosure");
  const locale = useLocale();
  const base = `/t/${portal.code}/disclosure`;
  const sections: [PortalSection, string][] = [
    ["home", base],
    ["guide", `${base}/guide`],
    ["search", `${base}/search`],
    ["openData", `${base}/open-data`],
  ];
  return (
    <PublicLayout
      title={portal.name[locale]}
      homeHref={`/t/${portal.code}`}
      nav={
        <ul className="inline-list">
          {sections.map(([key, to]) => (
            <li key={key}>
              <Link to={to} aria-current={current === key ? "page" : undefined}>
                {t(`portal.nav.${key}`)}
              </Link>
            </li>
          ))}
        </ul>
      }
    >
      {crumbs.length > 0 && (
        <nav aria-label={t("portal.breadcrumb")} className="no-print">
          <ol className="inline-list">
            <li>
              <Link to={base}>{t("portal.nav.home")}</Link>
            </li>
            {crumbs.map((c, i) => (
              <li key={`${i}-${c.label}`}>
                <span aria-hidden="true">› </span>
                {c.to ? (
                  <Link to={c.to}>{c.label}</Link>
                ) : (
                  <span aria-current="page">{c.label}</span>
                )}
              </li>
            ))}
          </ol>
        </nav>
      )}
      {children}
    </PublicLayout>
  );
}
