import type { ReactNode } from "react";
import { FieldError, PostForm, SubmitButton, TextArea, TextField } from "../../../../../app/plugin-api/ui";

type Result = { ok: boolean; intent: string; field?: string; error?: string; values?: Record<string, string> } | undefined;

/** The field at fault in this step's refused answer, if any. */
const refusedField = (result: Result, intent: string) => (result && !result.ok && result.intent === intent && result.field !== "_form" && result.error ? result.field : undefined);

/** One step's small form: its intent, fields, the error of the field at fault, and one button. */
export function StepForm({ intent, legend, button, result, children }: { intent: string; legend: string; button: string; result: Result; children?: ReactNode }) {
  const field = refusedField(result, intent);
  return (
    <PostForm className="stack">
      <input type="hidden" name="intent" value={intent} />
      <fieldset>
        <legend>{legend}</legend>
        {children}
        {field && <FieldError id={`${intent}-${field}`} keys={[result!.error!]} />}
        <SubmitButton className="button">{button}</SubmitButton>
      </fieldset>
    </PostForm>
  );
}

/** A labelled input inside a step form; `value` is what the reader typed last, else the default. */
export function StepInput({ name, label, type = "text", defaultValue, result, intent, required = true }: { name: string; label: string; type?: string; defaultValue?: string; result: Result; intent: string; required?: boolean }) {
  const kept = result && !result.ok && result.intent === intent ? result.values?.[name] : undefined;
  // The step form says the error below its fields; the control points at it.
  const refused = refusedField(result, intent) === name ? { "aria-invalid": true, "aria-describedby": `${intent}-${name}-error` } : {};
  const common = { name, label, idPrefix: intent, defaultValue: kept ?? defaultValue, required, ...refused };
  return type === "textarea" ? <TextArea rows={4} {...common} /> : <TextField type={type} {...common} />;
}
