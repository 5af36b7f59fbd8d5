import { APPLY_FIELDS, type ApplyField } from "../../../server/public/apply-form";

/** The locale key of a field's label under `public.apply.`, where it is not the field's own name. */
const LABEL_KEY: Partial<Record<ApplyField, string>> = { applicantType: "applicant.type", organisation: "organisationName" };

/** The application's fields by their labels, for the error summary of the public form and of the staff register. */
export function applyLabels(p: (key: string) => string): Record<ApplyField, string> {
  return Object.fromEntries(APPLY_FIELDS.map((f) => [f, p(LABEL_KEY[f] ?? f)])) as Record<ApplyField, string>;
}
