import { Children, isValidElement, type ReactNode } from "react";
import { ErrorSummary, type FieldErrors, FieldError, PostForm, SubmitButton, TextArea, TextField } from "../../../../../app/plugin-api/ui";

type Result = { ok: boolean; intent: string; field?: string; error?: string; errors?: FieldErrors; values?: Record<string, string> } | undefined;

/** Every field's errors in this step's refused answer (the form's own fault, `_form`, is said above the page). */
function refusedErrors(result: Result, intent: string): FieldErrors {
  if (!result || result.ok || result.intent !== intent) return {};
  const all = result.errors ?? (result.field && result.error ? { [result.field]: [result.error] } : {});
  return Object.fromEntries(Object.entries(all).filter(([name]) => name !== "_form"));
}

/** The labels of the step's own inputs (ids `<intent>-<name>`), so the summary links to them; other fields are named as text. */
function stepLabels(children: ReactNode, intent: string): Record<string, string> {
  const labels: Record<string, string> = {};
  Children.forEach(children, (child) => {
    if (!isValidElement<{ name?: unknown; label?: unknown; intent?: unknown }>(child)) return;
    const { name, label, intent: own } = child.props;
    if (own === intent && typeof name === "string" && typeof label === "string") labels[name] = label;
  });
  return labels;
}

/** One step's small form: its intent, fields, every error of a refused answer (summary above, each at its field), and one button. */
export function StepForm({ intent, legend, button, result, children }: { intent: string; legend: string; button: string; result: Result; children?: ReactNode }) {
  const errors = refusedErrors(result, intent);
  const labels = stepLabels(children, intent);
  // Fields that are not the step's own inputs (a choice list) say their error below the fields.
  const others = Object.entries(errors).filter(([name]) => !(name in labels));
  return (
    <PostForm className="stack">
      <ErrorSummary errors={errors} labels={labels} idPrefix={intent} />
      <input type="hidden" name="intent" value={intent} />
      <fieldset>
        <legend>{legend}</legend>
        {children}
        {others.map(([name, keys]) => (
          <FieldError key={name} id={`${intent}-${name}`} keys={keys} />
        ))}
        <SubmitButton className="button">{button}</SubmitButton>
      </fieldset>
    </PostForm>
  );
}

/** A labelled input inside a step form; `value` is what the reader typed last, else the default; a refused one shows its error. */
export function StepInput({ name, label, type = "text", defaultValue, result, intent, required = true }: { name: string; label: string; type?: string; defaultValue?: string; result: Result; intent: string; required?: boolean }) {
  const kept = result && !result.ok && result.intent === intent ? result.values?.[name] : undefined;
  const common = { name, label, idPrefix: intent, defaultValue: kept ?? defaultValue, required, errors: refusedErrors(result, intent) };
  return type === "textarea" ? <TextArea rows={4} {...common} /> : <TextField type={type} {...common} />;
}
