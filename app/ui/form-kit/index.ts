/** The form kit: fields with their hint and localised errors, an error summary, a pager, a filter bar, a submit button that shows it is busy, a long task's progress bar. */
export { Checkbox, CheckboxGroup, RadioGroup, type Choice } from "./choice-fields";
export { controlIds } from "./control-ids";
export { ErrorSummary } from "./error-summary";
export { errorKey, FieldError, Hint } from "./field-messages";
export type { FieldProps } from "./field-props";
export { FieldShell } from "./field-shell";
export { FilterBar } from "./filter-bar";
export { Pager } from "./pager";
export { ProgressBar, type ProgressProps } from "./progress";
export { SelectField, type Option } from "./select-field";
export { SubmitButton, SubmitChoices, type SubmitChoice } from "./submit-button";
export { DateField, FileField, TextArea, TextField } from "./text-field";
