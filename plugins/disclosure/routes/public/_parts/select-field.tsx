import { useTranslation } from "react-i18next";

/** A labelled select with its localised errors, like the UI kit's Field. */
export function SelectField({
  name,
  label,
  options,
  value,
  errors,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value: string;
  errors?: string[];
}) {
  const { t } = useTranslation("disclosure");
  const id = `f-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value} aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? `${id}-error` : undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errors?.length ? (
        <p className="error" id={`${id}-error`} role="alert">
          {errors.map((k) => t(k)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
