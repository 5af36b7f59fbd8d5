import type { SelectHTMLAttributes } from "react";
import { controlIds } from "./control-ids";
import type { FieldProps } from "./field-props";
import { FieldShell } from "./field-shell";

export type Option = { value: string; label: string };

/** A labelled select with its hint and localised errors; the choices as `<option>` children, `options`, or both (children first: a leading empty choice). */
export function SelectField({
  name,
  label,
  errors,
  hint,
  idPrefix,
  labelHidden,
  options,
  children,
  ...select
}: FieldProps & { options?: readonly Option[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  const own = errors?.[name];
  const ids = controlIds(name, hint, own, idPrefix);
  return (
    <FieldShell id={ids.id} label={label} hint={hint} errors={own} required={select.required} labelHidden={labelHidden}>
      <select id={ids.id} name={name} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} {...select}>
        {children}
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
