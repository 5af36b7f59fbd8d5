import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "~/core/input/field-errors";
import { errorKey } from "./field-messages";

/**
 * The errors of a refused form above it, each linked to its field (`#<idPrefix>-<name>`), taking
 * focus when it appears so that a screen reader hears what to fix and a keyboard user can jump
 * there. `labels` names the fields; the form's own errors (`_form`) are listed without a link.
 */
export function ErrorSummary({ errors, labels = {}, idPrefix = "f" }: { errors: FieldErrors | undefined; labels?: Partial<Record<string, string>>; idPrefix?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const listed = Object.entries(errors ?? {}).filter((e): e is [string, string[]] => Boolean(e[1]?.length));
  const shown = listed.length > 0;
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [errors, shown]);
  if (!shown) return null;
  return (
    <div ref={ref} className="error-summary" tabIndex={-1} aria-labelledby={`${idPrefix}-error-summary`}>
      <h2 id={`${idPrefix}-error-summary`}>{t("forms.errorSummary")}</h2>
      <ul>
        {listed.map(([field, keys]) => {
          const text = keys.map((k) => t(errorKey(k))).join(" ");
          const label = labels[field];
          return <li key={field}>{field === "_form" ? text : <a href={`#${idPrefix}-${field}`}>{label ? t("forms.fieldError", { label, text }) : text}</a>}</li>;
        })}
      </ul>
    </div>
  );
}
