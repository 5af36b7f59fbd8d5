import { Link, NavLink } from "@remix-run/react";
import type { MouseEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ReaderTools } from "./locale-switch";
import { PostForm } from "./forms";

export interface ShellProps {
  title: string;
  subtitle?: string;
  user: { displayName: string; username: string; platformRole: string | null };
  /** `end`: highlighted only on its own page, not on pages below it (the home entry). */
  nav: { label: string; to: string; end?: boolean }[];
  switcher?: { href: string; label: string; current: boolean; readOnly: boolean }[];
  notice?: ReactNode;
  children: ReactNode;
}

function NavList({ nav }: Pick<ShellProps, "nav">) {
  const { t } = useTranslation();
  return (
    <ul>
      {nav.map((n) => (
        <li key={n.to}>
          <NavLink to={n.to} end={n.end}>
            {t(n.label)}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/** After a link of the phone menu is followed in the page (the shell stays), the menu closes again. */
function closeMenu(event: MouseEvent<HTMLElement>) {
  if ((event.target as HTMLElement).closest("a")) event.currentTarget.closest("details")?.removeAttribute("open");
}

/** The staff frame: who and where you are, the menu your permissions allow, and the work area. */
export function StaffShell({ title, subtitle, user, nav, switcher, notice, children }: ShellProps) {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("a11y.skipToContent")}
      </a>
      <header className="shell-header">
        <div className="shell-title">
          <span className="shell-org">{title}</span>
          {subtitle && <span className="muted">{subtitle}</span>}
        </div>
        {switcher && switcher.length > 1 && (
          <details className="switcher">
            <summary>{t("shell.switchTenant")}</summary>
            <ul>
              {switcher.map((s) => (
                <li key={s.href}>
                  <a href={s.href} aria-current={s.current ? "page" : undefined}>
                    {s.label}
                    {s.readOnly && <span className="badge">{t("shell.readOnly")}</span>}
                  </a>
                </li>
              ))}
            </ul>
          </details>
        )}
        <div className="shell-user">
          <Link to="/account">{user.displayName}</Link>
          {user.platformRole && <Link to="/admin">{t("nav.platform")}</Link>}
          <PostForm action="/logout">
            <button type="submit" className="link-button">
              {t("nav.logout")}
            </button>
          </PostForm>
        </div>
        <ReaderTools />
      </header>
      <div className="shell-body">
        {/* On a phone the menu waits behind one button (a <details>, no JavaScript needed) and the
            work comes first; on an office screen the same links stand as a sidebar. Only one of the
            two is displayed at a width (styles.css), so a screen reader meets one menu. */}
        <details className="shell-menu">
          <summary>{t("shell.menu")}</summary>
          <nav aria-label={t("a11y.staffNav")} onClick={closeMenu}>
            <NavList nav={nav} />
          </nav>
        </details>
        <nav className="shell-nav" aria-label={t("a11y.staffNav")}>
          <NavList nav={nav} />
        </nav>
        <main id="main" className="shell-main">
          {notice}
          {children}
        </main>
      </div>
    </div>
  );
}
