import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ReaderTools } from "./locale-switch";
import { useInPublicSite } from "./public-site/context";

/**
 * The frame of the platform's own public pages (home, sign-in, account): skip link, site title, reader tools, main
 * content, footer — the look of an office's public site (`app/ui/public-site`). Inside that site (a plugin page of area
 * `public`) the office's frame is already there, and this renders only its children.
 */
export function PublicLayout({ title, homeHref = "/", nav, children }: { title: string; homeHref?: string; nav?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const inSite = useInPublicSite();
  if (inSite) return <>{children}</>;
  return (
    <>
      <a className="skip-link" href="#main">
        {t("a11y.skipToContent")}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to={homeHref} className="site-title">
            {title}
          </Link>
          <ReaderTools />
        </div>
        {nav && (
          <nav className="site-nav" aria-label={t("a11y.mainNav")}>
            {nav}
          </nav>
        )}
      </header>
      <main id="main" className="page">
        {children}
      </main>
      <footer className="site-footer">
        <p>{t("footer.platform")}</p>
        <p>
          <Link to="/login">{t("nav.staffLogin")}</Link>
        </p>
      </footer>
    </>
  );
}
