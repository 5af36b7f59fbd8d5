import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "../../../../../app/plugin-api/ui";

/** The ids a control is described by: its hint and its errors. */
function describedBy(id: string, hint: ReactNode, own: string[] | undefined) {
  return [hint ? `${id}-hint` : "", own?.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <p className="hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}

/** A field's localised errors, announced; the keys are core (`errors.…`) or `disclosure:` keys. */
export function FieldError({ id, keys }: { id: string; keys: string[] | undefined }) {
  const { t } = useTranslation("disclosure");
  return keys?.length ? (
    <p className="error" id={`${id}-error`} role="alert">
      {keys.map((k) => t(k.includes(":") ? k : `core:${k}`)).join(" ")}
    </p>
  ) : null;
}

type Common = { name: string; label: string; errors?: FieldErrors; hint?: ReactNode; idPrefix?: string };

/** A labelled select with its hint and errors, like the host's `Field`. */
export function SelectField({ name, label, errors, hint, idPrefix = "f", children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = `${idPrefix}-${name}`;
  const own = errors?.[name];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} aria-invalid={own?.length ? true : undefined} aria-describedby={describedBy(id, hint, own)} {...select}>
        {children}
      </select>
      <Hint id={id} hint={hint} />
      <FieldError id={id} keys={own} />
    </div>
  );
}

/** A labelled textarea with its hint and errors. */
export function TextAreaField({ name, label, errors, hint, idPrefix = "f", ...area }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = `${idPrefix}-${name}`;
  const own = errors?.[name];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name={name} aria-invalid={own?.length ? true : undefined} aria-describedby={describedBy(id, hint, own)} {...area} />
      <Hint id={id} hint={hint} />
      <FieldError id={id} keys={own} />
    </div>
  );
}

/** Category options indented by depth (an option holds text only, so the indent is ideographic spaces). */
export function CategoryOptions({ categories }: { categories: { key: string; label: string; depth: number }[] }) {
  return (
    <>
      {categories.map((c) => (
        <option key={c.key} value={c.key}>
          {"\u3000".repeat(c.depth)}
          {c.label}
        </option>
      ))}
    </>
  );
}
