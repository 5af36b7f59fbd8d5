import { Link, useLocation, useMatches } from "@remix-run/react";
import { Fragment, useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "~/core/i18n/config";
import { ReaderTools } from "../locale-switch";
import { useLocale } from "../use-locale";
import { InPublicSite } from "./context";
import { isPublicPageHandle, type Crumb } from "./crumbs";
import { sectionOf, type SiteNavEntry } from "./nav";

type Localized = Record<Locale, string>;

/** What the layout route's loader tells the frame about the office. */
export interface SiteData {
  office: {
    code: string;
    base: string;
    name: Localized;
    contact: { address: Localized | null; postcode: string | null; hours: Localized | null; phone: string | null; email: string | null };
  };
  nav: SiteNavEntry[];
}

/** The frame of an office's public site: skip link, office title, reader tools, one navigation, breadcrumbs, the page, the office's footer. */
export function SiteFrame({ site, routeId, errorTitle, children }: { site: SiteData; routeId: string; errorTitle?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { pathname } = useLocation();
  const section = sectionOf(site.nav, pathname);
  const list = useRef<HTMLUListElement>(null);
  // On a phone the navigation is one line that scrolls sideways: bring the current entry into view, without moving the page.
  useEffect(() => {
    const ul = list.current;
    const here = ul?.querySelector<HTMLElement>("[aria-current]");
    if (!ul || !here || ul.scrollWidth <= ul.clientWidth) return;
    const [box, link] = [ul.getBoundingClientRect(), here.getBoundingClientRect()];
    ul.scrollLeft += link.left - box.left - (box.width - link.width) / 2;
  }, [pathname]);
  return (
    <InPublicSite.Provider value={true}>
      <a className="skip-link" href="#main">
        {t("a11y.skipToContent")}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to={site.office.base} className="site-title">
            {site.office.name[locale]}
          </Link>
          <ReaderTools />
        </div>
        {site.nav.length > 0 && (
          <nav className="site-nav public-site-nav" aria-label={t("a11y.mainNav")}>
            <ul ref={list}>
              {site.nav.map((n) => {
                const here = !errorTitle && section?.entry === n;
                return (
                  <li key={n.to}>
                    <Link to={n.to} aria-current={here ? (section.exact ? "page" : "true") : undefined}>
                      {t(n.label)}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" className="page">
        <Breadcrumbs site={site} routeId={routeId} section={errorTitle ? null : section} errorTitle={errorTitle} />
        {children}
      </main>
      <SiteFooter site={site} />
    </InPublicSite.Provider>
  );
}

/** Office home › section › the page's own crumbs (its `handle.breadcrumb`); nothing on the office home itself. */
function Breadcrumbs({ site, routeId, section, errorTitle }: { site: SiteData; routeId: string; section: ReturnType<typeof sectionOf>; errorTitle?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const matches = useMatches();
  const crumbs: Crumb[] = [{ label: t("publicSite.home"), to: site.office.base }];
  if (errorTitle) {
    crumbs.push({ label: errorTitle });
  } else {
    if (section) crumbs.push({ label: t(section.entry.label), to: section.entry.to });
    if (!section?.exact) {
      const below = matches.slice(matches.findIndex((m) => m.id === routeId) + 1);
      for (const m of below) {
        if (!isPublicPageHandle(m.handle)) continue;
        for (const c of m.handle.breadcrumb({ data: m.data, params: m.params, t, locale, office: site.office.base })) {
          if (!c.to || c.to !== section?.entry.to) crumbs.push(c);
        }
      }
    }
  }
  if (crumbs.length < 2) return null;
  return (
    <nav aria-label={t("publicSite.breadcrumb")} className="breadcrumbs no-print">
      <ol>
        {crumbs.map((c, i) => {
          const last = i === crumbs.length - 1;
          return (
            <li key={`${i}-${c.label}`}>
              {last || !c.to ? <span aria-current={last ? "page" : undefined}>{c.label}</span> : <Link to={c.to}>{c.label}</Link>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** Who discloses here and how to reach them (政府信息公开工作机构), then the platform line and the staff sign-in. */
function SiteFooter({ site }: { site: SiteData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const c = site.office.contact;
  const rows: [string, ReactNode][] = [];
  if (c.address) rows.push([t("tenant.address"), c.postcode ? t("publicSite.addressWithPostcode", { address: c.address[locale], postcode: c.postcode }) : c.address[locale]]);
  if (c.hours) rows.push([t("tenant.hours"), c.hours[locale]]);
  if (c.phone) rows.push([t("tenant.phone"), <a href={`tel:${c.phone.replace(/[^\d+]/g, "")}`}>{c.phone}</a>]);
  if (c.email) rows.push([t("tenant.email"), <a href={`mailto:${c.email}`}>{c.email}</a>]);
  return (
    <footer className="site-footer public-site-footer">
      <div className="public-site-footer-inner">
        <section aria-labelledby="site-footer-office">
          <h2 id="site-footer-office">{t("publicSite.disclosureOffice")}</h2>
          <p className="public-site-footer-name">{site.office.name[locale]}</p>
          {rows.length > 0 && (
            <dl className="meta-table">
              {rows.map(([label, value]) => (
                <Fragment key={label}>
                  <dt>{label}</dt>
                  <dd className="document-text">{value}</dd>
                </Fragment>
              ))}
            </dl>
          )}
        </section>
        <div className="public-site-footer-platform">
          <p>{t("footer.platform")}</p>
          <p>
            <Link to="/login">{t("nav.staffLogin")}</Link>
          </p>
        </div>
      </div>
    </footer>
  );
}
