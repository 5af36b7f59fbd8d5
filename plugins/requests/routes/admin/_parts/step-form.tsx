import { Children, createContext, isValidElement, useContext, type ReactNode } from "react";
import { ErrorSummary, type FieldErrors, PostForm, SelectField, SubmitButton, TextArea, TextField, type Option } from "../../../../../app/plugin-api/ui";
import type { ActionResult } from "./action-result";

/** What a step's fields read from their form: the refused answer's errors and values, and the ids' prefix. */
type StepScope = { errors: FieldErrors; kept: Record<string, string> | undefined; idPrefix: string };
const Scope = createContext<StepScope>({ errors: {}, kept: undefined, idPrefix: "step" });

/** The refused answer, when it is this form's: its intent, and the same hidden values (which appeal of several). */
function refusedHere(result: ActionResult | undefined, intent: string, hidden: Record<string, string>) {
  if (!result || result.ok || result.intent !== intent) return undefined;
  return Object.entries(hidden).every(([name, value]) => result.values[name] === value) ? result : undefined;
}

/** The labels of the step's fields (ids `<idPrefix>-<name>`), so the summary links to them; other faults are said as text. */
function stepLabels(children: ReactNode): Record<string, string> {
  const labels: Record<string, string> = {};
  Children.forEach(children, (child) => {
    if (!isValidElement<{ name?: unknown; label?: unknown }>(child) || (child.type !== StepInput && child.type !== StepSelect)) return;
    const { name, label } = child.props;
    if (typeof name === "string" && typeof label === "string") labels[name] = label;
  });
  return labels;
}

/**
 * One step's small form: its intent (and `hidden` values naming what it acts on), its fields, and one
 * button. A refused answer shows every fault at once in a summary above the form that takes focus —
 * the step's own (`_form`, "not open now") included — and each field's at the field.
 */
export function StepForm({
  intent,
  legend,
  button,
  result,
  hidden = {},
  children,
}: {
  intent: string;
  legend: string;
  button: string;
  result: ActionResult | undefined;
  hidden?: Record<string, string>;
  children?: ReactNode;
}) {
  const refused = refusedHere(result, intent, hidden);
  // Two forms of one intent (the decisions of two appeals) need ids of their own.
  const idPrefix = [intent, ...Object.values(hidden)].join("-");
  const scope: StepScope = { errors: refused?.errors ?? {}, kept: refused?.values, idPrefix };
  return (
    // The server says every fault at once; the browser's own checks would stop at the first.
    <PostForm className="stack" noValidate>
      <ErrorSummary errors={scope.errors} labels={stepLabels(children)} idPrefix={idPrefix} />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset>
        <legend>{legend}</legend>
        <Scope.Provider value={scope}>{children}</Scope.Provider>
        <SubmitButton className="button">{button}</SubmitButton>
      </fieldset>
    </PostForm>
  );
}

/** A labelled input of a step form (required unless said); a refused answer shows what the reader typed and its error. */
export function StepInput({ name, label, type = "text", defaultValue, hint, required = true }: { name: string; label: string; type?: string; defaultValue?: string; hint?: string; required?: boolean }) {
  const { errors, kept, idPrefix } = useContext(Scope);
  const common = { name, label, hint, idPrefix, defaultValue: kept?.[name] ?? defaultValue, required, errors };
  return type === "textarea" ? <TextArea rows={4} {...common} /> : <TextField type={type} {...common} />;
}

/** A labelled choice of a step form, like StepInput; a refused answer keeps the choice made. */
export function StepSelect({ name, label, options, hint, required = true }: { name: string; label: string; options: readonly Option[]; hint?: string; required?: boolean }) {
  const { errors, kept, idPrefix } = useContext(Scope);
  return <SelectField name={name} label={label} hint={hint} idPrefix={idPrefix} options={options} defaultValue={kept?.[name]} required={required} errors={errors} />;
}
