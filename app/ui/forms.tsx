import { Form, type FormProps } from "@remix-run/react";
import type { ReactNode } from "react";
import { useRootData } from "~/root";
import { SubmitButton } from "./form-kit/submit-button";

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
      <SubmitButton className={className}>
        {label}
        {context && <span className="visually-hidden">{context}</span>}
      </SubmitButton>
    </PostForm>
  );
}
