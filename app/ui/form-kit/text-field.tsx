import type { InputHTMLAttributes, TextareaHTMLAttributes } from "react";
import { controlIds } from "./control-ids";
import type { FieldProps } from "./field-props";
import { FieldShell } from "./field-shell";

/** A labelled input with its hint and its localised errors announced to screen readers. */
export function TextField({ name, label, errors, hint, idPrefix, labelHidden, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const own = errors?.[name];
  const ids = controlIds(name, hint, own, idPrefix);
  return (
    <FieldShell id={ids.id} label={label} hint={hint} errors={own} required={input.required} labelHidden={labelHidden}>
      <input id={ids.id} name={name} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} {...input} />
    </FieldShell>
  );
}

/** A labelled text area, like TextField; six rows by default, and narrow columns so it fits a phone (the field's width stretches it). */
export function TextArea({ name, label, errors, hint, idPrefix, labelHidden, ...area }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const own = errors?.[name];
  const ids = controlIds(name, hint, own, idPrefix);
  return (
    <FieldShell id={ids.id} label={label} hint={hint} errors={own} required={area.required} labelHidden={labelHidden}>
      <textarea id={ids.id} name={name} rows={6} cols={12} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} {...area} />
    </FieldShell>
  );
}

/** A date (`YYYY-MM-DD`, the browser's own picker), like TextField. */
export function DateField(props: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  return <TextField type="date" {...props} />;
}

/** A file chooser, like TextField; the form must be `encType="multipart/form-data"`. */
export function FileField(props: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  return <TextField type="file" {...props} />;
}
