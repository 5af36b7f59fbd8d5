/** One entry of an office's public navigation: an i18n key (a plugin's `"<id>:…"`) and an absolute path. */
export interface SiteNavEntry {
  label: string;
  to: string;
}

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

/**
 * The entry a page sits under: the one whose path is the longest prefix of the page's path, whole segments only
 * (`/t/x/requests/new` sits under `/t/x/requests`, not under `/t/x/req`). `exact` when the page is the entry itself.
 */
export function sectionOf(nav: readonly SiteNavEntry[], pathname: string): { entry: SiteNavEntry; exact: boolean } | null {
  const path = trimSlash(pathname);
  let best: SiteNavEntry | null = null;
  for (const entry of nav) {
    const to = trimSlash(entry.to);
    if ((path === to || path.startsWith(`${to}/`)) && (!best || to.length > trimSlash(best.to).length)) best = entry;
  }
  return best ? { entry: best, exact: trimSlash(best.to) === path } : null;
}
