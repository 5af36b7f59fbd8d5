import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** An error key as `t` reads it: a namespaced key (`requests:…`) as written, a bare one (`errors.…`) from core. */
export const errorKey = (key: string): string => (key.includes(":") ? key : `core:${key}`);

export function Hint({ id, children }: { id: string; children?: ReactNode }) {
  return children ? (
    <p className="hint" id={`${id}-hint`}>
      {children}
    </p>
  ) : null;
}

/** A field's errors in the reader's language, announced; `id` is the control's, the text's is `<id>-error`. */
export function FieldError({ id, keys }: { id: string; keys: string[] | undefined }) {
  const { t } = useTranslation();
  return keys?.length ? (
    <p className="error" id={`${id}-error`} role="alert">
      {keys.map((k) => t(errorKey(k))).join(" ")}
    </p>
  ) : null;
}
