import type { ReactNode, TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "../../../../../app/plugin-api/ui";

/** The ids that tie a control to its hint and its errors, as the UI kit's Field does. */
function described(name: string, hint: ReactNode, errors?: string[]) {
  const id = `f-${name}`;
  return {
    id,
    invalid: errors?.length ? true : undefined,
    describedBy: [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined,
  };
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return children ? (
    <p className="hint" id={`${id}-hint`}>
      {children}
    </p>
  ) : null;
}

function Errors({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation("requests");
  return errors?.length ? (
    <p className="error" id={`${id}-error`} role="alert">
      {errors.map((k) => t(k.includes(":") ? k : `core:${k}`)).join(" ")}
    </p>
  ) : null;
}

/** A labelled text area with its hint and localised errors. */
export function TextArea({
  name,
  label,
  errors,
  hint,
  ...area
}: { name: string; label: string; errors?: FieldErrors; hint?: ReactNode } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const own = errors?.[name];
  const d = described(name, hint, own);
  return (
    <div className="field">
      <label htmlFor={d.id}>{label}</label>
      <textarea id={d.id} name={name} rows={6} cols={12} aria-invalid={d.invalid} aria-describedby={d.describedBy} {...area} />
      <Hint id={d.id}>{hint}</Hint>
      <Errors id={d.id} errors={own} />
    </div>
  );
}

/** A labelled select with its localised errors. */
export function SelectField({
  name,
  label,
  options,
  value,
  errors,
  required,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value: string;
  errors?: FieldErrors;
  required?: boolean;
}) {
  const own = errors?.[name];
  const d = described(name, null, own);
  return (
    <div className="field">
      <label htmlFor={d.id}>{label}</label>
      <select id={d.id} name={name} defaultValue={value} required={required} aria-invalid={d.invalid} aria-describedby={d.describedBy}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Errors id={d.id} errors={own} />
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
}

/** Radio buttons in a fieldset whose legend names the question; errors are announced and tied to the group. */
export function ChoiceGroup({
  name,
  legend,
  groups,
  value,
  errors,
  onChange,
}: {
  name: string;
  legend: string;
  /** Choices, optionally under sub-headings (table 三's 法人或其他组织 over five kinds). */
  groups: { heading?: string; choices: Choice[] }[];
  value: string;
  errors?: FieldErrors;
  onChange?: (value: string) => void;
}) {
  const own = errors?.[name];
  const d = described(name, null, own);
  const radios = (choices: Choice[]) =>
    choices.map((c) => (
      <label key={c.value} className="choice">
        <input type="radio" name={name} value={c.value} defaultChecked={value === c.value} onChange={onChange ? () => onChange(c.value) : undefined} /> {c.label}
      </label>
    ));
  return (
    <fieldset className="stack" aria-describedby={d.describedBy} id={d.id}>
      <legend>{legend}</legend>
      {groups.map((g, i) =>
        g.heading ? (
          <fieldset key={g.heading}>
            <legend>{g.heading}</legend>
            {radios(g.choices)}
          </fieldset>
        ) : (
          <div key={i}>{radios(g.choices)}</div>
        ),
      )}
      <Errors id={d.id} errors={own} />
    </fieldset>
  );
}
