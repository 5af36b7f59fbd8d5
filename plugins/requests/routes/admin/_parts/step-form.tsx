import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PostForm } from "../../../../../app/plugin-api/ui";

type Result = { ok: boolean; intent: string; field?: string; error?: string; values?: Record<string, string> } | undefined;

/** One step's small form: its intent, fields, the error of the field at fault, and one button. */
export function StepForm({ intent, legend, button, result, children }: { intent: string; legend: string; button: string; result: Result; children?: ReactNode }) {
  return (
    <PostForm className="stack">
      <input type="hidden" name="intent" value={intent} />
      <fieldset>
        <legend>{legend}</legend>
        {children}
        {result && !result.ok && result.intent === intent && result.field !== "_form" && result.error && <StepError error={result.error} />}
        <button type="submit" className="button">
          {button}
        </button>
      </fieldset>
    </PostForm>
  );
}

function StepError({ error }: { error: string }) {
  const { t } = useTranslation("requests");
  return (
    <p className="error" role="alert">
      {t(error.includes(":") ? error : `core:${error}`)}
    </p>
  );
}

/** A labelled input inside a step form; `value` is what the reader typed last, else the default. */
export function StepInput({ name, label, type = "text", defaultValue, result, intent, required = true }: { name: string; label: string; type?: string; defaultValue?: string; result: Result; intent: string; required?: boolean }) {
  const id = `${intent}-${name}`;
  const kept = result && !result.ok && result.intent === intent ? result.values?.[name] : undefined;
  const invalid = result && !result.ok && result.intent === intent && result.field === name;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {type === "textarea" ? (
        <textarea id={id} name={name} rows={4} defaultValue={kept ?? defaultValue} required={required} aria-invalid={invalid || undefined} />
      ) : (
        <input id={id} name={name} type={type} defaultValue={kept ?? defaultValue} required={required} aria-invalid={invalid || undefined} />
      )}
    </div>
  );
}
