import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PublicLayout, useLocale } from "../../../../../app/plugin-api/ui";
import type { PublicOffice } from "../../../server/public/office";

/** The frame of the public request pages: the office's layout with a menu of apply and track. */
export function RequestsFrame({ office, current, children }: { office: PublicOffice; current: "apply" | "track"; children: ReactNode }) {
  const { t } = useTranslation("requests");
  const locale = useLocale();
  const base = `/t/${office.code}/requests`;
  const links: [string, string, boolean][] = [
    [`/t/${office.code}`, t("public.frame.home"), false],
    [`${base}/new`, t("nav.apply"), current === "apply"],
    [`${base}/track`, t("nav.track"), current === "track"],
  ];
  return (
    <PublicLayout
      title={office.name[locale]}
      homeHref={`/t/${office.code}`}
      nav={
        <ul className="inline-list">
          {links.map(([to, label, here]) => (
            <li key={to}>
              <Link to={to} aria-current={here ? "page" : undefined}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
      }
    >
      {children}
    </PublicLayout>
  );
}
