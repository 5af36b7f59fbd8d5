import { z } from "zod";
import { isValidIdNumber } from "../../../app/plugin-api";
import { APPLICANT_TYPES, applicantType } from "../law/applicants";
import { isPhoneNumber, isValidCreditCode, maskName } from "./identity";

/** Kinds of 身份证明 a natural person may show. */
export const ID_TYPES = ["resident_id", "passport", "hk_macao_permit", "taiwan_permit", "other"] as const;
export const FORMS = ["electronic", "paper"] as const;
export const DELIVERIES = ["online", "email", "post", "pickup"] as const;

const text = (max: number, key: string) => z.string().trim().min(1, `requests:errors.${key}Required`).max(max, `requests:errors.tooLong`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "requests:errors.tooLong")
    .optional()
    .transform((v) => v || undefined);

/**
 * One application's content (条例 Art 29): who applies and how to reach them, what they want, and
 * in what form. The public form and staff registration both validate with it.
 */
export const ApplicationInput = z
  .object({
    applicantType: z.enum(APPLICANT_TYPES, { message: "requests:errors.applicantType" }),
    name: text(50, "name"),
    idType: z.enum(ID_TYPES, { message: "requests:errors.idType" }).optional(),
    idNumber: optionalText(30),
    organisation: optionalText(100),
    creditCode: optionalText(18).transform((v) => v?.toUpperCase()),
    phone: z.string().trim().min(1, "requests:errors.contactRequired").refine(isPhoneNumber, "requests:errors.phone"),
    email: optionalText(100).refine((v) => v === undefined || z.string().email().safeParse(v).success, "requests:errors.email"),
    address: optionalText(200),
    postcode: optionalText(6).refine((v) => v === undefined || /^\d{6}$/.test(v), "requests:errors.postcode"),
    subject: text(200, "subject"),
    docNumber: optionalText(100),
    description: text(2000, "description"),
    form: z.enum(FORMS, { message: "requests:errors.form" }),
    delivery: z.enum(DELIVERIES, { message: "requests:errors.delivery" }),
  })
  // Checked even when other fields failed (an unchosen 申请形式 aborts the object), so a refused form lists every error at once.
  .check(
    z.superRefine(
      (a, issue) => {
        const fail = (path: string, message: string) => issue.addIssue({ code: "custom", path: [path], message });
        const blank = (v: unknown) => typeof v !== "string" || v.trim() === "";
        if (a.delivery === "email" && blank(a.email)) fail("email", "requests:errors.emailForDelivery");
        if (a.delivery === "post" && blank(a.address)) fail("address", "requests:errors.addressForDelivery");
        if (!(APPLICANT_TYPES as readonly unknown[]).includes(a.applicantType)) return;
        const info = applicantType(a.applicantType);
        if (info.group === "natural") {
          if (!a.idType) fail("idType", "requests:errors.idType");
          if (blank(a.idNumber)) fail("idNumber", "requests:errors.idNumberRequired");
          else if (typeof a.idNumber !== "string" || a.idNumber.length > 30) {
            // too long: said by the field's own check
          } else if (a.idType === "resident_id" && !isValidIdNumber(a.idNumber.toUpperCase())) fail("idNumber", "requests:errors.residentId");
          else if (a.idType !== "resident_id" && !/^[A-Za-z0-9-]{5,30}$/.test(a.idNumber)) fail("idNumber", "requests:errors.idNumber");
        }
        if (info.needsOrganisationName && blank(a.organisation)) fail("organisation", "requests:errors.organisationRequired");
        if (info.needsCreditCode) {
          if (blank(a.creditCode)) fail("creditCode", "requests:errors.creditCodeRequired");
          else if (typeof a.creditCode === "string" && a.creditCode.length <= 18 && !isValidCreditCode(a.creditCode.toUpperCase())) fail("creditCode", "requests:errors.creditCode");
        }
      },
      { when: (payload) => typeof payload.value === "object" && payload.value !== null },
    ),
  );
export type ApplicationInput = z.output<typeof ApplicationInput>;

/** What is sealed: the applicant's identity and contact details, never stored in clear. */
export interface ApplicantDetails {
  name: string;
  idType?: (typeof ID_TYPES)[number];
  idNumber?: string;
  organisation?: string;
  creditCode?: string;
  phone: string;
  email?: string;
  address?: string;
  postcode?: string;
}

export function applicantDetails(a: ApplicationInput): ApplicantDetails {
  const natural = applicantType(a.applicantType).group === "natural";
  return {
    name: a.name,
    ...(natural ? { idType: a.idType, idNumber: a.idNumber?.toUpperCase() } : { organisation: a.organisation, creditCode: a.creditCode }),
    phone: a.phone,
    email: a.email,
    address: a.address,
    postcode: a.postcode,
  };
}

/** The name lists show: a person's masked name, or an organisation's masked name. */
export function maskedApplicant(d: ApplicantDetails): string {
  return maskName(d.organisation ?? d.name);
}

/** What identifies the same applicant across applications (fees per month, repeated applications): their ID or credit code. */
export function applicantIdentity(d: ApplicantDetails): string {
  return d.creditCode ? `org:${d.creditCode}` : `person:${d.idType}:${d.idNumber}`;
}
