import { useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type ButtonHTMLAttributes, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A submit button that says "提交中…" and cannot be pressed again while its own submission runs
 * (disabled, `aria-busy`); other forms on the page keep their buttons. Without JavaScript it is a
 * plain submit button.
 */
export function SubmitButton({ children, className = "button primary", disabled, ...button }: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type">) {
  const { t } = useTranslation();
  const ref = useRef<HTMLButtonElement>(null);
  const [submitted, setSubmitted] = useState(false);
  const state = useNavigation().state;
  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    const heard = (e: SubmitEvent) => setSubmitted(e.submitter === ref.current);
    form.addEventListener("submit", heard);
    return () => form.removeEventListener("submit", heard);
  }, []);
  useEffect(() => {
    if (state === "idle") setSubmitted(false);
  }, [state]);
  const pending = submitted && state !== "idle";
  return (
    <button ref={ref} type="submit" className={className} disabled={disabled || pending} aria-busy={pending || undefined} {...button}>
      {pending ? t("forms.submitting") : children}
    </button>
  );
}

export type SubmitChoice = { value: string; label: ReactNode; primary?: boolean };

/** A form's row of submit buttons, each sending its own value of `name` (`intent=save`, `intent=submit`); the primary one stands out. */
export function SubmitChoices({ name, choices }: { name: string; choices: readonly SubmitChoice[] }) {
  return (
    <div className="actions">
      {choices.map((c) => (
        <SubmitButton key={c.value} name={name} value={c.value} className={c.primary ? "button primary" : "button"}>
          {c.label}
        </SubmitButton>
      ))}
    </div>
  );
}
