import type { ReactNode } from "react";

/**
 * A wide table's own scrolling region, so that a phone scrolls the table and not the page
 * (WCAG 1.4.10); focusable and named, so a keyboard reader can scroll it too.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}
