import { Form, type FormProps } from "@remix-run/react";
import type { InputHTMLAttributes, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useRootData } from "~/root";

/** The CSRF token every POST carries; the server refuses a POST without the matching cookie. */
export function CsrfInput() {
  const data = useRootData();
  return <input type="hidden" name="_csrf" value={data?.csrfToken ?? ""} />;
}

/** A POST form that always carries the CSRF token and works without JavaScript. */
export function PostForm({ children, ...props }: Omit<FormProps, "method">) {
  return (
    <Form method="post" {...props}>
      <CsrfInput />
      {children}
    </Form>
  );
}

export type FieldErrors = Partial<Record<string, string[]>>;

/** A labelled input with its localised errors announced to screen readers. */
export function Field({
  name,
  label,
  errors,
  hint,
  ...input
}: { name: string; label: string; errors?: FieldErrors; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const { t } = useTranslation();
  const own = errors?.[name];
  const id = `f-${name}`;
  const described = [hint ? `${id}-hint` : "", own?.length ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-invalid={own?.length ? true : undefined} aria-describedby={described || undefined} {...input} />
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {own?.length ? (
        <p className="error" id={`${id}-error`} role="alert">
          {own.map((k) => t(k)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function FormMessage({ tone, children }: { tone: "error" | "success"; children: ReactNode }) {
  return (
    <p className={`notice notice-${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </p>
  );
}

/** A one-button POST form acting on one table row; `context` names the row for screen readers. */
export function RowAction({
  intent,
  fields,
  label,
  context,
  className = "button",
}: {
  intent: string;
  fields: Record<string, string>;
  label: string;
  context?: string;
  className?: string;
}) {
  return (
    <PostForm>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className}>
        {label}
        {context && <span className="visually-hidden">{context}</span>}
      </button>
    </PostForm>
  );
}
