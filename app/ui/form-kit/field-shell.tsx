import type { ReactNode } from "react";
import { FieldError, Hint } from "./field-messages";

/** A field's frame: its label above the control, its hint and its errors below (the `.field` style). */
export function FieldShell({ id, label, hint, errors, required, children }: { id: string; label: string; hint?: ReactNode; errors?: string[]; required?: boolean; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && <RequiredMark />}
      </label>
      {children}
      <Hint id={id}>{hint}</Hint>
      <FieldError id={id} keys={errors} />
    </div>
  );
}

/** The mark of a required field: seen as an asterisk, while the control's `required` tells screen readers. */
export function RequiredMark() {
  return (
    <span className="required-mark" aria-hidden="true">
      {" *"}
    </span>
  );
}
