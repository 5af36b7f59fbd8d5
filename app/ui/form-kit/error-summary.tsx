import { useNavigation } from "@remix-run/react";
import { useEffect, useRef, type MouseEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "~/core/input/field-errors";
import { errorKey } from "./field-messages";

/**
 * Moves to a field without changing the address: a hash change is a navigation to the router, which
 * would drop the action's answer and with it every error on the page. A group's first choice (the
 * checked one if any) takes focus, its question scrolled into view.
 */
function goTo(e: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  e.preventDefault();
  const control = target instanceof HTMLFieldSetElement ? (target.querySelector<HTMLElement>("input:checked, input, select, textarea") ?? target) : target;
  const caption = target instanceof HTMLFieldSetElement ? target.querySelector("legend") : document.querySelector(`label[for="${CSS.escape(id)}"]`);
  (caption ?? control).scrollIntoView({ block: "start" });
  control.focus({ preventScroll: true });
}

/**
 * The errors of a refused form above it, taking focus when it appears so that a screen reader
 * hears what to fix and a keyboard user can jump there: each field named in `labels` as a link to
 * it (`#<idPrefix>-<name>`), any other error (the form's own `_form`, a hidden field's) as text.
 * `children` are problems no error key can say (a parsed notice's faults, each with its line), shown
 * after the list; with them the summary shows and takes focus even when `errors` is empty.
 */
export function ErrorSummary({
  errors,
  labels = {},
  idPrefix = "f",
  children,
}: {
  errors: FieldErrors | undefined;
  labels?: Partial<Record<string, string>>;
  idPrefix?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const listed = Object.entries(errors ?? {}).filter((e): e is [string, string[]] => Boolean(e[1]?.length));
  const shown = listed.length > 0 || Boolean(children);
  // Focus follows what the errors say (`said`), not the object carrying them: a page that rebuilds it on each render keeps the reader where they are.
  const said = JSON.stringify([listed, shown]);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [said]);
  // The same errors again after another refused submit say nothing new to `said`: a submission ending (navigation back to idle) takes focus there too.
  const state = useNavigation().state;
  const busy = useRef(false);
  useEffect(() => {
    if (state === "submitting") busy.current = true;
    else if (state === "idle" && busy.current) {
      busy.current = false;
      if (shown) ref.current?.focus();
    }
  }, [state]);
  if (!shown) return null;
  return (
    <div ref={ref} className="error-summary" role="region" tabIndex={-1} aria-labelledby={`${idPrefix}-error-summary`}>
      <h2 id={`${idPrefix}-error-summary`}>{t("forms.errorSummary")}</h2>
      {listed.length > 0 && (
        <ul>
          {listed.map(([field, keys]) => {
            const text = keys.map((k) => t(errorKey(k))).join(" ");
            const label = labels[field];
            return (
              <li key={field}>
                {label ? (
                  <a href={`#${idPrefix}-${field}`} onClick={(e) => goTo(e, `${idPrefix}-${field}`)}>
                    {t("forms.fieldError", { label, text })}
                  </a>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      )}
      {children}
    </div>
  );
}
