import { applicantType, APPLICANT_TYPES, type ApplicantType } from "../../law/applicants";

/** The text fields of the public application form, in the order the page shows them. */
export const APPLY_FIELDS = [
  "applicantType",
  "name",
  "idType",
  "idNumber",
  "organisation",
  "creditCode",
  "phone",
  "email",
  "address",
  "postcode",
  "subject",
  "docNumber",
  "description",
  "form",
  "delivery",
] as const;
export type ApplyField = (typeof APPLY_FIELDS)[number];
export type ApplyValues = Record<ApplyField, string>;

/** A field no person sees or fills in (hidden from sight, screen readers and the tab order); bots fill it. */
export const HONEYPOT = "website";
export const ATTACHMENT = "attachment";

const NATURAL_ONLY: ApplyField[] = ["idType", "idNumber"];
const ORGANISATION_ONLY: ApplyField[] = ["organisation", "creditCode"];

export function blankValues(): ApplyValues {
  return Object.fromEntries(APPLY_FIELDS.map((f) => [f, ""])) as ApplyValues;
}

/**
 * The submitted text fields as strings, to check and to put back in the form. Line breaks arrive
 * as CRLF from a browser; the 2000-character limit counts them as the applicant typed them.
 */
export function applyValues(form: FormData): ApplyValues {
  const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : "");
  return Object.fromEntries(APPLY_FIELDS.map((f) => [f, text(form.get(f))])) as ApplyValues;
}

const isApplicantType = (v: string): v is ApplicantType => (APPLICANT_TYPES as readonly string[]).includes(v);

/**
 * The fields the chosen applicant type uses, as a form for `parseForm`. Without JavaScript the page
 * shows both the person's and the organisation's fields; what was typed into the other group is
 * ignored rather than checked. An unchosen 证件类型 is absent, so the schema says "choose one".
 */
export function relevantForm(values: ApplyValues): FormData {
  const type = values.applicantType;
  const skip = new Set<ApplyField>(isApplicantType(type) ? (applicantType(type).group === "natural" ? ORGANISATION_ONLY : NATURAL_ONLY) : []);
  if (values.idType === "") skip.add("idType");
  const form = new FormData();
  for (const f of APPLY_FIELDS) if (!skip.has(f)) form.set(f, values[f]);
  return form;
}
