import type { ReactNode } from "react";
import { FieldError, Hint } from "./field-messages";

/**
 * A field's frame: its label above the control, its hint and its errors below (the `.field` style).
 * A required field's label is marked with an asterisk drawn by the stylesheet (`.required`), with
 * an empty alternative, so the label's text and its accessible name stay the words alone.
 */
export function FieldShell({
  id,
  label,
  hint,
  errors,
  required,
  labelHidden,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
  labelHidden?: boolean;
  children: ReactNode;
}) {
  const labelClass = [required ? "required" : "", labelHidden ? "visually-hidden" : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children}
      <Hint id={id}>{hint}</Hint>
      <FieldError id={id} keys={errors} />
    </div>
  );
}
