import type { ReactNode } from "react";

/**
 * The ids that tie a control to its hint and its errors: `f-<name>` (or `<idPrefix>-<name>`) for
 * the control, `-hint` and `-error` after it, so an error summary can link to any field by name.
 */
export function controlIds(name: string, hint: ReactNode, errors: string[] | undefined, idPrefix = "f") {
  const id = `${idPrefix}-${name}`;
  const invalid = errors?.length ? true : undefined;
  const describedBy = [hint ? `${id}-hint` : "", invalid ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return { id, invalid, describedBy };
}
