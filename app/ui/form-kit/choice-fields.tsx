import type { InputHTMLAttributes, ReactNode } from "react";
import { controlIds } from "./control-ids";
import { FieldError, Hint } from "./field-messages";
import type { FieldProps } from "./field-props";

export type Choice = { value: string; label: string };

type GroupProps = Omit<FieldProps, "label" | "labelHidden"> & {
  /** The question, as the fieldset's legend. */
  legend: string;
  /** Choices, optionally under sub-headings (table 三's 法人或其他组织 over five kinds). */
  groups: readonly { heading?: string; choices: readonly Choice[] }[];
  required?: boolean;
  /** The fieldset's style: `stack` (one choice a line) unless the page wants `checks` (side by side, framed). */
  className?: string;
};

/** Radio buttons or checkboxes in a fieldset whose legend names the question; hint and errors are tied to the group. */
function ChoiceGroup({ type, name, legend, groups, errors, hint, idPrefix, required, className = "stack", control }: GroupProps & { type: "radio" | "checkbox"; control: (c: Choice) => InputHTMLAttributes<HTMLInputElement> }) {
  const own = errors?.[name];
  const ids = controlIds(name, hint, own, idPrefix);
  const inputs = (choices: readonly Choice[]) =>
    choices.map((c) => (
      <label key={c.value} className="choice">
        <input type={type} name={name} value={c.value} required={type === "radio" && required ? true : undefined} {...control(c)} /> {c.label}
      </label>
    ));
  return (
    <fieldset className={className} id={ids.id} aria-describedby={ids.describedBy}>
      <legend className={required ? "required" : undefined}>{legend}</legend>
      <Hint id={ids.id}>{hint}</Hint>
      {groups.map((g, i) =>
        g.heading ? (
          <fieldset key={g.heading}>
            <legend>{g.heading}</legend>
            {inputs(g.choices)}
          </fieldset>
        ) : (
          <div key={i}>{inputs(g.choices)}</div>
        ),
      )}
      <FieldError id={ids.id} keys={own} />
    </fieldset>
  );
}

/** One answer of several; `value` is the one checked at first, `onChange` hears the reader's choice. */
export function RadioGroup({ value, onChange, ...props }: GroupProps & { value?: string; onChange?: (value: string) => void }) {
  return <ChoiceGroup type="radio" {...props} control={(c) => ({ defaultChecked: value === c.value, onChange: onChange ? () => onChange(c.value) : undefined })} />;
}

/** Any number of answers, sent as repeated values of `name` (parse it with `parseForm(schema, form, [name])`). */
export function CheckboxGroup({ values = [], ...props }: GroupProps & { values?: readonly string[] }) {
  return <ChoiceGroup type="checkbox" {...props} control={(c) => ({ defaultChecked: values.includes(c.value) })} />;
}

/** One yes-or-no box with its label beside it (a declaration, a consent), its hint and errors below. */
export function Checkbox({ name, label, errors, hint, idPrefix, labelHidden, ...input }: Omit<FieldProps, "label"> & { label: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  const own = errors?.[name];
  const ids = controlIds(name, hint, own, idPrefix);
  return (
    <div className="field">
      <label className="choice">
        <input type="checkbox" id={ids.id} name={name} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} {...input} /> {labelHidden ? <span className="visually-hidden">{label}</span> : label}
      </label>
      <Hint id={ids.id}>{hint}</Hint>
      <FieldError id={ids.id} keys={own} />
    </div>
  );
}
