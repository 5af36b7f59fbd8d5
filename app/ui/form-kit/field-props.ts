import type { ReactNode } from "react";
import type { FieldErrors } from "~/core/input/field-errors";

/** What every field of the kit takes: its name (also its errors' key), label, hint, the form's errors. */
export type FieldProps = {
  name: string;
  label: string;
  errors?: FieldErrors;
  hint?: ReactNode;
  /** Ids are `<idPrefix>-<name>`; a page with two forms sharing a field name gives one of them another prefix. */
  idPrefix?: string;
  /** The label for screen readers only: a compact control in a table cell, whose column heading shows what it is. */
  labelHidden?: boolean;
};
