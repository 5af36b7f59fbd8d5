import { Link } from "@remix-run/react";

/** Previous/next links that keep the current filters; plain links, so paging works without JavaScript. */
export function Pager({
  search,
  page,
  hasNext,
  labels,
}: {
  search: string;
  page: number;
  hasNext: boolean;
  labels: { nav: string; previous: string; next: string; current: string };
}) {
  const href = (n: number) => {
    const params = new URLSearchParams(search);
    if (n > 1) params.set("page", String(n));
    else params.delete("page");
    const qs = params.toString();
    return qs ? `?${qs}` : "?";
  };
  if (page <= 1 && !hasNext) return null;
  return (
    <nav aria-label={labels.nav} className="inline-list">
      {page > 1 && (
        <Link to={href(page - 1)} rel="prev">
          {labels.previous}
        </Link>
      )}
      <span aria-current="page">{labels.current}</span>
      {hasNext && (
        <Link to={href(page + 1)} rel="next">
          {labels.next}
        </Link>
      )}
    </nav>
  );
}
