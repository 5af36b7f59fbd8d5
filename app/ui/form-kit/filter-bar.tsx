import { Form, Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A list's filters as a GET form (the filters stay in the address, so a filtered list can be
 * bookmarked and paged): its fields, an apply button and, once a filter is set, a link back to
 * the unfiltered list. `label` names the search landmark.
 */
export function FilterBar({ label, applyLabel, action, children }: { label: string; applyLabel?: string; action?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const target = action ?? pathname;
  const filtered = action === undefined && search.length > 1;
  return (
    <Form method="get" action={target} className="filters" role="search" aria-label={label}>
      {children}
      <button type="submit" className="button">
        {applyLabel ?? t("forms.filters.apply")}
      </button>
      {filtered && (
        <Link to={target} className="button">
          {t("forms.filters.reset")}
        </Link>
      )}
    </Form>
  );
}
