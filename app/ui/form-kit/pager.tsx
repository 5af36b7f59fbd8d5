import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The page numbers worth a link: the first, the last and two either side of the current one. */
function shown(page: number, pages: number): (number | "gap")[] {
  const out: (number | "gap")[] = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - page) <= 2) out.push(p);
    else if (out.at(-1) !== "gap") out.push("gap");
  }
  return out;
}

/**
 * Links to the other pages of a list, keeping the reader's filters; plain links, so paging works
 * without JavaScript. With `pages` known it numbers them; a list that only knows whether another
 * page follows (`hasNext`) gets previous and next around the current page.
 */
export function Pager({ page, pages, hasNext = pages !== undefined && page < pages }: { page: number; pages?: number; hasNext?: boolean }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  if (page <= 1 && !hasNext) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(search);
    if (p === 1) params.delete("page");
    else params.set("page", String(p));
    const qs = params.toString();
    return qs ? `${pathname}?${qs}` : pathname;
  };
  const numbers = pages === undefined ? [page] : shown(page, pages);
  return (
    <nav aria-label={t("pager.label")} className="no-print">
      <ul className="inline-list">
        {page > 1 && (
          <li>
            <Link to={href(page - 1)} rel="prev">
              {t("pager.previous")}
            </Link>
          </li>
        )}
        {numbers.map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>{p === page ? <strong aria-current="page">{t("pager.page", { page: p })}</strong> : <Link to={href(p)}>{t("pager.page", { page: p })}</Link>}</li>
          ),
        )}
        {hasNext && (
          <li>
            <Link to={href(page + 1)} rel="next">
              {t("pager.next")}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
